import { DatePicker, TimePicker, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../forms/form-field';
import type { SettingsValues } from './settings-values';

/**
 * 工作日历: the working hours deadlines count in, and the store's own closing days on top of the national
 * calendar (holidays and 调休 come from chinese-days in main; nothing to enter for those).
 */
export function SettingsCalendar({ control }: { control: Control<SettingsValues> }) {
  const { t } = useTranslation();
  return (
    <>
      <FormField
        control={control}
        name="workingHours"
        label={t('complaints.settings.workingHours')}
        required
        extra={t('complaints.settings.workingHoursHint')}
        render={(field, id) => {
          const v = field.value ?? { start: '', end: '' };
          const end = (key: 'start' | 'end') => (
            <TimePicker
              id={key === 'start' ? id : `${id}-end`}
              aria-label={`${t('complaints.settings.workingHours')} ${t(`complaints.settings.${key}`)}`}
              format="HH:mm"
              minuteStep={5}
              allowClear={false}
              needConfirm={false}
              value={v[key] ? dayjs(v[key], 'HH:mm') : null}
              onChange={(d: Dayjs | null) => field.onChange({ ...v, [key]: d?.format('HH:mm') ?? '' })}
            />
          );
          return (
            <div className="store-hours-range">
              {end('start')}
              <span className="store-hours-to">{t('complaints.settings.to')}</span>
              {end('end')}
            </div>
          );
        }}
      />
      <FormField
        control={control}
        name="closingDays"
        label={t('complaints.settings.closingDays')}
        extra={t('complaints.settings.closingDaysHint')}
        render={(field, id) => (
          <DatePicker
            id={id}
            multiple
            className="cp-closing-days"
            maxTagCount="responsive"
            placeholder={t('complaints.settings.closingDaysPlaceholder')}
            value={(field.value ?? []).map((d) => dayjs(d, 'YYYY-MM-DD'))}
            onChange={(days: Dayjs[] | null) =>
              field.onChange([...new Set((days ?? []).map((d) => d.format('YYYY-MM-DD')))].sort())
            }
            needConfirm={false}
          />
        )}
      />
      <Typography.Paragraph type="secondary" className="cp-settings-note">
        {t('complaints.settings.calendarNote')}
      </Typography.Paragraph>
    </>
  );
}
