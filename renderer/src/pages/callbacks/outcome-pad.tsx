import { CheckOutlined } from '@ant-design/icons';
import { Button, Input, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallbackOutcome } from '../../../../electron/contract/callbacks';
import { callbackOutcomeMeta, callbackOutcomes } from '../../../../electron/contract/callbacks';
import { StoreTimePicker } from '../../forms/store-time-picker';

/**
 * The calendar opens to the left of the field, its bottom level with the field's: over the scripts, never over
 * the outcome keys above the field or the survey under the scripts (1280×720 included).
 */
const besideThePad = {
  points: ['br', 'bl'],
  offset: [-8, 0],
  overflow: { adjustX: false, adjustY: false, shiftY: true },
};

/** Outcomes that need a time picked before they can be recorded. */
export const timedOutcomes: readonly CallbackOutcome[] = ['appointment', 'call_back_at'];

interface OutcomePadProps {
  outcome: CallbackOutcome | null;
  onPick: (outcome: CallbackOutcome) => void;
  when: Dayjs | null;
  onWhen: (when: Dayjs | null) => void;
  notes: string;
  onNotes: (notes: string) => void;
  /** Why the call cannot be recorded as it stands, or a caution; shown above the button. */
  notice: { type: 'error' | 'warning'; text: string } | null;
  submitting: boolean;
  onSubmit: () => void;
  pickerRef: Ref<HTMLDivElement>;
  submitRef: Ref<HTMLButtonElement>;
}

/** The nine outcome keys (1–9), the time an appointment or call-back needs, notes, and the record button. */
export function OutcomePad(props: OutcomePadProps) {
  const { t } = useTranslation();
  const {
    outcome,
    when,
    onWhen,
    notes,
    onNotes,
    notice,
    submitting,
    onSubmit,
    onPick,
    pickerRef,
    submitRef,
  } = props;
  const now = dayjs();
  const at = (d: Dayjs, hour: number) => d.hour(hour).minute(0).second(0).millisecond(0);
  const tomorrow = now.add(1, 'day');
  const presets = [
    ...(outcome === 'call_back_at'
      ? [
          { label: t('callbacks.outcome.presets.in30m'), value: now.add(30, 'minute') },
          { label: t('callbacks.outcome.presets.in1h'), value: now.add(1, 'hour') },
          { label: t('callbacks.outcome.presets.in2h'), value: now.add(2, 'hour') },
        ]
      : []),
    { label: t('callbacks.outcome.presets.tomorrow10'), value: at(tomorrow, 10) },
    { label: t('callbacks.outcome.presets.tomorrow15'), value: at(tomorrow, 15) },
  ];
  const timed = outcome !== null && timedOutcomes.includes(outcome);

  return (
    <div className="cb-pad">
      <h3 className="cb-section-title">{t('callbacks.call.sections.outcome')}</h3>
      <div className="cb-pad-grid" role="group" aria-label={t('callbacks.call.sections.outcome')}>
        {callbackOutcomes.map((o) => {
          const selected = outcome === o;
          return (
            <button
              key={o}
              type="button"
              className={`cb-pad-button cb-pad-${o}${selected ? ' is-selected' : ''}`}
              aria-pressed={selected}
              aria-keyshortcuts={callbackOutcomeMeta[o].shortcut}
              onClick={() => onPick(o)}
            >
              <kbd className="cb-kbd">{callbackOutcomeMeta[o].shortcut}</kbd>
              <span className="cb-pad-label">{t(`callbacks.outcomes.${o}`)}</span>
              {selected && <CheckOutlined className="cb-pad-check" />}
            </button>
          );
        })}
      </div>

      {timed && (
        <div className="cb-pad-when" ref={pickerRef}>
          <label className="cb-field-label" htmlFor="cb-when">
            {t(
              outcome === 'appointment' ? 'callbacks.outcome.appointmentAt' : 'callbacks.outcome.callBackAt',
            )}
          </label>
          {/* Appointments are for the service department's hours, call-backs for calling hours. */}
          <StoreTimePicker
            kind={outcome === 'appointment' ? 'service' : 'calling'}
            id="cb-when"
            placeholder={t('callbacks.outcome.pickTime')}
            value={when}
            onChange={onWhen}
            presets={presets}
            popupAlign={besideThePad}
          />
        </div>
      )}

      <div className="cb-pad-notes">
        <label className="cb-field-label" htmlFor="cb-call-notes">
          {t('callbacks.outcome.notes')}
        </label>
        <Input.TextArea
          id="cb-call-notes"
          value={notes}
          onChange={(e) => onNotes(e.target.value)}
          placeholder={t('callbacks.outcome.notesPlaceholder')}
          className="cb-pad-notes-input"
          maxLength={2000}
        />
      </div>

      <div className="cb-pad-footer">
        <div className={`cb-pad-notice${notice ? ` is-${notice.type}` : ''}`} role="status">
          {notice?.text ?? (outcome ? '' : t('callbacks.outcome.pick'))}
        </div>
        <Button
          ref={submitRef}
          type="primary"
          size="large"
          block
          onClick={onSubmit}
          loading={submitting}
          disabled={outcome === null}
          className="cb-submit"
        >
          {t('callbacks.outcome.submit')}
          <kbd className="cb-kbd cb-kbd-inverse">Enter</kbd>
        </Button>
        <Typography.Text type="secondary" className="cb-pad-hint">
          {t('callbacks.outcome.submitHint')}
        </Typography.Text>
      </div>
    </div>
  );
}
