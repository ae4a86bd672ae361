import { Input, InputNumber, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallbackOutcome, CallPanel } from '../../../../electron/contract/callbacks';
import type { ConfirmationAnswer, InvitationAnswer } from '../../../../electron/contract/event-terms';
import { confirmationAnswers, invitationAnswers } from '../../../../electron/contract/event-terms';
import './events.css';

type EventReason = NonNullable<CallPanel['reasons'][number]['event']>;
type Answer = InvitationAnswer | ConfirmationAnswer;

export interface EventAnswerValue {
  answer: Answer | null;
  cars: number;
  adults: number;
  children: number;
  reason: string;
}

/** The call's outcome an answer goes with: undecided is a call-back at a time, everything else a reached call. */
export function outcomeForAnswer(answer: Answer): CallbackOutcome {
  return answer === 'undecided' ? 'call_back_at' : 'reached';
}

/**
 * 活动邀约 / 二次确认 on the call screen: the event the call is about and the customer's answer, sent with the
 * outcome as callbacks.record's `event`. Only a reached call (or a call-back for 待定) carries it.
 */
export function useEventAnswer(reasons: CallPanel['reasons'], included: ReadonlySet<number>) {
  const reason = reasons.find((r) => r.event !== null && included.has(r.taskId));
  const event = reason?.event ?? null;
  const [value, setValue] = useState<EventAnswerValue>(() => ({
    answer: null,
    cars: event?.cars || 1,
    adults: event?.adults || 2,
    children: event?.children ?? 0,
    reason: '',
  }));
  const shown = event !== null;
  const seats = value.answer === 'accepted' || value.answer === 'confirmed';
  return {
    shown,
    event,
    value,
    setValue,
    /** What goes with the outcome: the answer when one is given and the outcome fits it, nothing otherwise. */
    inputFor: (outcome: CallbackOutcome) =>
      shown && reason && value.answer && outcomeForAnswer(value.answer) === outcome
        ? {
            taskId: reason.taskId,
            answer: value.answer,
            ...(seats ? { cars: value.cars, adults: value.adults, children: value.children } : {}),
            reason: value.reason.trim() || null,
          }
        : null,
  };
}

interface EventCallAnswerProps {
  event: EventReason;
  value: EventAnswerValue;
  onChange: (next: EventAnswerValue) => void;
  /** An answer picks the outcome it goes with (reached, or a call-back for 待定). */
  onOutcome: (outcome: CallbackOutcome) => void;
}

/** The event at a glance (dates, place, agenda, seats left) and the answer with cars and people. */
export function EventCallAnswer({ event, value, onChange, onOutcome }: EventCallAnswerProps) {
  const { t } = useTranslation();
  const answers: readonly Answer[] = event.kind === 'confirmation' ? confirmationAnswers : invitationAnswers;
  const label = (a: Answer) =>
    (invitationAnswers as readonly string[]).includes(a) && event.kind === 'invitation'
      ? t(`events.invitationAnswers.${a as InvitationAnswer}`)
      : t(`events.confirmationAnswers.${a as ConfirmationAnswer}`);
  const seats = value.answer === 'accepted' || value.answer === 'confirmed';
  const left = [
    event.carsLeft !== null ? t('events.call.carsLeft', { n: event.carsLeft }) : null,
    event.peopleLeft !== null ? t('events.call.peopleLeft', { n: event.peopleLeft }) : null,
  ].filter(Boolean);
  const number = (key: 'cars' | 'adults' | 'children', max: number) => (
    <label className="ev-call-num">
      <span>{t(`events.invitees.form.${key}`)}</span>
      <InputNumber<number>
        size="small"
        min={0}
        max={max}
        precision={0}
        value={value[key]}
        aria-label={t(`events.invitees.form.${key}`)}
        onChange={(v) => onChange({ ...value, [key]: v ?? 0 })}
      />
    </label>
  );
  return (
    <section
      className="cb-csi ev-call-answer"
      aria-label={t(`events.call.title.${event.kind}`)}
      data-hotkeys="off"
    >
      <div className="cb-csi-head">
        <span className="cb-csi-kind">{t(`events.call.title.${event.kind}`)}</span>
        <span className="ev-call-event">
          {event.eventNo} · {event.title}
        </span>
      </div>
      <div className="ev-call-facts">
        <span>{event.dates}</span>
        {event.places && <span>{event.places}</span>}
        {left.length > 0 && (
          <span className={event.carsLeft === 0 || event.peopleLeft === 0 ? 'ev-over' : undefined}>
            {left.join('，')}
          </span>
        )}
        {event.signupNo !== null && (
          <span>{t('events.call.signupNo', { no: String(event.signupNo).padStart(3, '0') })}</span>
        )}
      </div>
      {event.agenda && <div className="ev-call-agenda">{event.agenda}</div>}
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        value={value.answer}
        onChange={(e) => {
          const answer = e.target.value as Answer;
          onChange({ ...value, answer });
          onOutcome(outcomeForAnswer(answer));
        }}
        options={answers.map((a) => ({ value: a, label: label(a) }))}
      />
      {seats && (
        <div className="ev-call-seats">
          {number('cars', 20)}
          {number('adults', 50)}
          {number('children', 50)}
        </div>
      )}
      {(value.answer === 'declined' || value.answer === 'cancelled' || value.answer === 'undecided') && (
        <Input
          size="small"
          aria-label={t('events.invitees.form.reason')}
          placeholder={t('events.invitees.form.reason')}
          maxLength={200}
          value={value.reason}
          onChange={(e) => onChange({ ...value, reason: e.target.value })}
        />
      )}
    </section>
  );
}
