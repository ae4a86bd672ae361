import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput, ChannelOutput } from '../../../../electron/contract';
import type { CallbackOutcome, CallPanel } from '../../../../electron/contract/callbacks';
import {
  callbackOutcomeMeta,
  callbackOutcomes,
  callbacksContract,
  finalOutcomes,
  reachedOutcomes,
} from '../../../../electron/contract/callbacks';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { callbackKeys } from './callback-keys';
import { CallCustomerSummary } from './call-customer-summary';
import { CallHeader } from './call-header';
import { RevealScope } from '../../personal-data/reveal-scope';
import { ClosureQuestion, useClosureAnswer } from '../complaints/closure-question';
import { EventCallAnswer, useEventAnswer } from '../events/event-call-answer';
import { CallReasons } from './call-reasons';
import type { CsiKind, CsiValues } from './csi-form';
import { CsiForm, emptyCsi } from './csi-form';
import { OutcomePad, timedOutcomes } from './outcome-pad';
import { isTypingTarget, useHotkeys } from './use-hotkeys';

export interface RecordedSummary {
  customerName: string;
  outcome: CallbackOutcome;
  result: ChannelOutput<'callbacks.record'>;
}

interface CallPanelViewProps {
  call: CallPanel;
  onRecorded: (summary: RecordedSummary) => void;
}

const outcomeByKey = new Map(callbackOutcomes.map((o) => [callbackOutcomeMeta[o].shortcut, o]));
const isReached = (o: CallbackOutcome | null) =>
  o !== null && (reachedOutcomes as readonly string[]).includes(o);
const isFinal = (o: CallbackOutcome) => (finalOutcomes as readonly string[]).includes(o);

type FocusTarget = 'picker' | 'csi' | 'submit';

/**
 * One call: who (left), why with the scripts and the survey (middle), what happened (right). Keyboard first:
 * 1–9 pick the outcome and move focus to what it still needs (time, survey, or the record button), Enter records,
 * Ctrl+Enter records from anywhere.
 */
export function CallPanelView({ call, onRecorded }: CallPanelViewProps) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [included, setIncluded] = useState<Set<number>>(() => new Set(call.reasons.map((r) => r.taskId)));
  const [outcome, setOutcome] = useState<CallbackOutcome | null>(null);
  const [when, setWhen] = useState<Dayjs | null>(null);
  const [notes, setNotes] = useState('');
  const [csi, setCsi] = useState<CsiValues>(() => emptyCsi(call.csiKinds[0] ?? 'service'));
  // 结案回访: the customer's satisfaction with a complaint's resolution, sent with a reached outcome.
  const closure = useClosureAnswer(call.reasons, included);
  // 活动邀约 / 二次确认: the customer's answer about the event, sent with a reached (or call-back) outcome.
  const eventAnswer = useEventAnswer(call.reasons, included);
  const [tried, setTried] = useState(false);
  // Picking the same outcome twice changes no state; this still re-renders so the focus moves again.
  const [, refocus] = useReducer((n: number) => n + 1, 0);
  const pendingFocus = useRef<FocusTarget | null>(null);
  const pickerRef = useRef<HTMLDivElement>(null);
  const csiRef = useRef<HTMLDivElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);

  const csiKinds = [
    ...new Set(
      call.reasons
        .filter((r) => included.has(r.taskId) && r.csiKind !== null)
        .map((r) => r.csiKind as CsiKind),
    ),
  ];
  const csiShown = csiKinds.length > 0;
  const csiEnabled = outcome === null || isReached(outcome);
  const timed = outcome !== null && timedOutcomes.includes(outcome);

  // Focus moves once the element it goes to exists (the time picker appears only after the outcome is chosen).
  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    if (target === 'picker') {
      const input = pickerRef.current?.querySelector('input');
      input?.focus();
      // Opens the calendar with its presets (明天 10:00 …); typing "2026-11-25 10:00" works as well.
      input?.click();
    } else if (target === 'csi') {
      const radios = csiRef.current?.querySelectorAll<HTMLInputElement>('input[type="radio"]');
      const checked = [...(radios ?? [])].find((r) => r.checked);
      (checked ?? radios?.[0])?.focus();
      csiRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    } else submitRef.current?.focus();
  });

  const pick = (o: CallbackOutcome) => {
    // Ends the conversation for good (or flags the card): asked first, naming what it does; OK records it.
    if (isFinal(o)) {
      confirmFinal(o);
      return;
    }
    setOutcome(o);
    if (!timedOutcomes.includes(o)) setWhen(null);
    pendingFocus.current = timedOutcomes.includes(o)
      ? 'picker'
      : isReached(o) && csiShown && csi.overall === null
        ? 'csi'
        : 'submit';
    refocus();
  };

  const release = useMutation({
    mutationFn: () => api.call('callbacks.release', { taskIds: call.reasons.map((r) => r.taskId) }),
    onSuccess: () => {
      void message.info(t('callbacks.call.released'));
      queryClient.setQueryData(callbackKeys.current, null);
    },
    onError: (error) => void message.error(errorMessage(error)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: callbackKeys.queues }),
  });

  const record = useMutation({
    mutationFn: (input: ChannelInput<'callbacks.record'>) => api.call('callbacks.record', input),
    onSuccess: async (result, input) => {
      onRecorded({ customerName: call.customer.name, outcome: input.outcome, result });
      const done = new Set(input.taskIds);
      if (call.reasons.every((r) => done.has(r.taskId))) queryClient.setQueryData(callbackKeys.current, null);
      else void message.success(t('callbacks.recorded.partial'));
      await queryClient.invalidateQueries({ queryKey: callbackKeys.all });
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  const notice = ((): { type: 'error' | 'warning'; text: string } | null => {
    if (included.size === 0) return { type: 'error', text: t('callbacks.outcome.noReasons') };
    if (timed && !when) return { type: tried ? 'error' : 'warning', text: t('callbacks.outcome.needTime') };
    if (csiShown && isReached(outcome) && csi.overall === null) {
      return { type: 'warning', text: t('callbacks.csi.missing') };
    }
    if (closure.shown && isReached(outcome) && closure.value.answer === null) {
      return { type: 'warning', text: t('complaints.closureCall.missing') };
    }
    if (eventAnswer.shown && outcome === 'reached' && eventAnswer.value.answer === null) {
      return { type: 'warning', text: t('events.call.missing') };
    }
    return null;
  })();

  const consequence = (o: CallbackOutcome): string => {
    const worked = call.reasons.filter((r) => included.has(r.taskId));
    if (o === 'do_not_call') {
      const cars = call.vehicles.length;
      return t('callbacks.confirm.do_not_call', {
        name: call.customer.name,
        fleet: cars > 0 ? t('callbacks.confirm.fleet', { count: cars }) : '',
      });
    }
    return t(o === 'wrong_number' ? 'callbacks.confirm.wrong_number' : 'callbacks.confirm.refused', {
      count: worked.length,
      reasons: worked.map((r) => r.ruleName).join('、'),
    });
  };

  const confirmFinal = (o: CallbackOutcome) => {
    if (included.size === 0 || record.isPending) {
      setOutcome(o);
      return;
    }
    void modal.confirm({
      title: t('callbacks.confirm.title', { outcome: t(`callbacks.outcomes.${o}`) }),
      content: (
        <div className="cb-confirm-body">
          <p className="cb-confirm-consequence">{consequence(o)}</p>
          <p className="cb-confirm-note">{t('callbacks.confirm.undoNote')}</p>
        </div>
      ),
      okText: t('callbacks.confirm.ok'),
      cancelText: t('callbacks.confirm.cancel'),
      okButtonProps: { danger: true },
      // The safe answer is the one Enter gives.
      autoFocusButton: 'cancel',
      className: 'cb-confirm',
      onOk: () => {
        setOutcome(o);
        setWhen(null);
        submit(o);
      },
    });
  };

  const submit = (chosen: CallbackOutcome | null = outcome) => {
    if (!chosen || record.isPending) return;
    const outcome = chosen;
    setTried(true);
    const needsTime = timedOutcomes.includes(outcome) && !when;
    if (included.size === 0 || needsTime) {
      if (needsTime) pickerRef.current?.querySelector('input')?.focus();
      return;
    }
    const withSurvey = csiShown && isReached(outcome) && csi.overall !== null;
    const input: ChannelInput<'callbacks.record'> = {
      taskIds: call.reasons.filter((r) => included.has(r.taskId)).map((r) => r.taskId),
      outcome,
      appointmentAt: outcome === 'appointment' && when ? when.toISOString() : null,
      callBackAt: outcome === 'call_back_at' && when ? when.toISOString() : null,
      notes: notes.trim() || null,
      csi:
        withSurvey && csi.overall
          ? {
              kind: csiKinds.includes(csi.kind) ? csi.kind : csiKinds[0]!,
              overall: csi.overall,
              nps: csi.nps,
              advisorScore: csi.advisorScore,
              qualityScore: csi.qualityScore,
              timelinessScore: csi.timelinessScore,
              priceScore: csi.priceScore,
              facilityScore: csi.facilityScore,
              notes: csi.notes.trim() || null,
            }
          : null,
      closure: closure.inputFor(isReached(outcome)),
      event: eventAnswer.inputFor(outcome),
    };
    // The schema main validates with: a bad time or a survey on an unreached call is caught before the round trip.
    const parsed = callbacksContract['callbacks.record'].input.safeParse(input);
    if (!parsed.success) {
      void message.error(parsed.error.issues[0]?.message ?? t('common.loadFailed'));
      return;
    }
    record.mutate(input);
  };

  useHotkeys((e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      // Not from inside the confirmation: there its own buttons answer.
      if (!(e.target instanceof HTMLElement && e.target.closest('.ant-modal'))) submit();
      return true;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return false;
    const o = outcomeByKey.get(e.key);
    if (o) {
      pick(o);
      return true;
    }
    // Enter with nothing in particular focused records; on a button, the button's own action wins.
    if (e.key === 'Enter' && e.target === document.body) {
      submit();
      return true;
    }
    return false;
  });

  const panel = (
    <div className="cb-call" aria-label={t('callbacks.call.title')} role="region">
      <CallHeader call={call} releasing={release.isPending} onRelease={() => release.mutate()} />
      <div className="cb-call-body">
        <aside className="cb-call-col cb-call-left">
          <CallCustomerSummary call={call} />
        </aside>
        <section
          className={`cb-call-col cb-call-middle${csiShown || closure.shown || eventAnswer.shown ? ' has-csi' : ''}`}
        >
          {/* The scripts scroll on their own; the survey stays in view under them (1280×720 included). */}
          <div className="cb-reasons-scroll">
            <h2 className="cb-section-title">
              {t('callbacks.call.sections.reasons', { count: call.reasons.length })}
            </h2>
            <CallReasons
              reasons={call.reasons}
              included={included}
              onToggle={(id, on) => {
                const next = new Set(included);
                if (on) next.add(id);
                else next.delete(id);
                setIncluded(next);
              }}
            />
          </div>
          {csiShown && (
            <CsiForm
              kinds={csiKinds}
              value={csiKinds.includes(csi.kind) ? csi : { ...csi, kind: csiKinds[0]! }}
              onChange={setCsi}
              disabled={!csiEnabled}
              overallRef={csiRef}
            />
          )}
          {eventAnswer.event && (
            <EventCallAnswer
              event={eventAnswer.event}
              value={eventAnswer.value}
              onChange={eventAnswer.setValue}
              onOutcome={(o) => {
                setOutcome(o);
                if (o === 'call_back_at') pendingFocus.current = 'picker';
                refocus();
              }}
            />
          )}
          {closure.shown && (
            <ClosureQuestion
              tickets={closure.tickets}
              value={closure.value}
              onChange={closure.setValue}
              disabled={!csiEnabled}
            />
          )}
        </section>
        <section className="cb-call-col cb-call-right">
          <OutcomePad
            outcome={outcome}
            onPick={pick}
            when={when}
            onWhen={(d) => {
              setWhen(d);
              if (d) pendingFocus.current = 'submit';
            }}
            notes={notes}
            onNotes={setNotes}
            notice={notice}
            submitting={record.isPending}
            onSubmit={() => submit()}
            pickerRef={pickerRef}
            submitRef={submitRef}
          />
        </section>
      </div>
    </div>
  );
  // A number revealed during this call stays shown for this call only (personal-data/reveal-scope.tsx).
  return <RevealScope key={`${call.customer.id}:${call.claimExpiresAt}`}>{panel}</RevealScope>;
}
