import type { DatePickerProps } from 'antd';
import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { hoursLabel } from '../../../electron/common/store-hours';
import { hoursConstraint } from '../format/store-hours';
import { useStoreSettings } from '../settings/use-store-settings';
import './store-time-picker.css';

export interface TimePreset {
  label: string;
  value: Dayjs;
}

interface StoreTimePickerProps {
  /** calling: when the customer may be rung; service: when the service department takes cars. */
  kind: 'calling' | 'service';
  id?: string;
  value: Dayjs | null;
  onChange: (value: Dayjs | null) => void;
  placeholder?: string;
  presets?: TimePreset[];
  /** Where the calendar opens, when below the field would cover what the screen needs (the call screen). */
  popupAlign?: DatePickerProps['popupAlign'];
}

/**
 * The one picker for a future moment inside the store's hours: days and times outside them are greyed out,
 * quick picks outside them are dropped, and the range is named under the field.
 */
export function StoreTimePicker({
  kind,
  id,
  value,
  onChange,
  placeholder,
  presets = [],
  popupAlign,
}: StoreTimePickerProps) {
  const { t } = useTranslation();
  const settings = useStoreSettings();
  const now = dayjs();
  const hours = settings ? (kind === 'calling' ? settings.callingHours : settings.serviceHours) : null;
  const c = settings && hours ? hoursConstraint(hours, settings.storeTimeZone, now) : null;
  const outside = Boolean(value && c && !c.allowed(value));
  return (
    <>
      <DatePicker
        id={id}
        className="full-width"
        showTime={{ format: 'HH:mm', minuteStep: 5, defaultValue: c?.openingTime }}
        format="YYYY-MM-DD HH:mm"
        placeholder={placeholder}
        value={value}
        onChange={(d) => onChange(d)}
        disabledDate={c ? c.disabledDate : (d) => d.isBefore(now, 'day')}
        disabledTime={c?.disabledTime}
        presets={c ? presets.filter((p) => c.allowed(p.value) && p.value.isAfter(now)) : presets}
        status={outside ? 'error' : undefined}
        needConfirm={false}
        // 此刻 would offer a moment outside the hours as often as not.
        showNow={false}
        popupAlign={popupAlign}
      />
      {hours && (
        <div className={`store-hours-hint${outside ? ' is-error' : ''}`} data-testid="store-hours-hint">
          {t(outside ? 'storeSettings.hours.outside' : 'storeSettings.hours.within', {
            name: t(`storeSettings.hours.${kind}`),
            hours: hoursLabel(hours),
          })}
        </div>
      )}
    </>
  );
}
