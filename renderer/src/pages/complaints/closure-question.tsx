import { Input, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallPanel } from '../../../../electron/contract/callbacks';
import type { ClosureAnswer } from '../../../../electron/contract/complaints';
import { closureAnswers } from '../../../../electron/contract/complaints';

export interface ClosureValue {
  answer: ClosureAnswer | null;
  notes: string;
}

/**
 * 结案回访 on the call screen: the call's closure reasons (the tickets it asks about) and the customer's answer,
 * sent with the outcome as callbacks.record's `closure`. Only a reached call carries it.
 */
export function useClosureAnswer(reasons: CallPanel['reasons'], included: ReadonlySet<number>) {
  const [value, setValue] = useState<ClosureValue>({ answer: null, notes: '' });
  const tickets = reasons
    .filter((r) => r.complaint !== null && included.has(r.taskId))
    .map((r) => r.complaint!);
  const shown = tickets.length > 0;
  return {
    shown,
    tickets,
    value,
    setValue,
    /** What goes with the outcome: the answer on a reached call with one given, nothing otherwise. */
    inputFor: (reached: boolean) =>
      shown && reached && value.answer ? { answer: value.answer, notes: value.notes.trim() || null } : null,
  };
}

interface ClosureQuestionProps {
  tickets: NonNullable<CallPanel['reasons'][number]['complaint']>[];
  value: ClosureValue;
  onChange: (next: ClosureValue) => void;
  disabled: boolean;
}

/** "您对这次投诉的处理结果满意吗": the answer a dissatisfied customer gives reopens the ticket. */
export function ClosureQuestion({ tickets, value, onChange, disabled }: ClosureQuestionProps) {
  const { t } = useTranslation();
  return (
    <section
      className={`cb-csi cp-closure-question${disabled ? ' is-disabled' : ''}`}
      aria-label={t('complaints.closureCall.title')}
      data-hotkeys="off"
    >
      <div className="cb-csi-head">
        <span className="cb-csi-kind">{t('complaints.closureCall.title')}</span>
        <span className="cp-closure-tickets">{tickets.map((x) => x.ticketNo).join('、')}</span>
      </div>
      {tickets.map((x) => (
        <div key={x.id} className="cp-closure-summary">
          {t('complaints.closureCall.resolution', { summary: x.resolutionSummary })}
        </div>
      ))}
      <div className="cp-closure-ask">
        <span>{t('complaints.closureCall.ask')}</span>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          disabled={disabled}
          value={value.answer}
          onChange={(e) => onChange({ ...value, answer: e.target.value as ClosureAnswer })}
          options={closureAnswers.map((a) => ({ value: a, label: t(`complaints.closureAnswers.${a}`) }))}
        />
      </div>
      {value.answer === 'dissatisfied' && (
        <div className="cp-closure-warn">{t('complaints.closureCall.reopens')}</div>
      )}
      <Input.TextArea
        aria-label={t('complaints.closureCall.notes')}
        placeholder={t('complaints.closureCall.notesPlaceholder')}
        disabled={disabled}
        autoSize={{ minRows: 1, maxRows: 3 }}
        maxLength={1000}
        value={value.notes}
        onChange={(e) => onChange({ ...value, notes: e.target.value })}
      />
    </section>
  );
}
