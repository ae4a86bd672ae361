import type { WorkingCalendar } from '../../common/working-time';
import { addWorkingMs, closeOfNthWorkingDay, workingMsBetween } from '../../common/working-time';
import type { GradeTargets, SlaTarget } from '../../contract/complaint-settings';
import type { ComplaintTimer, TimerState } from '../../contract/complaint-terms';
import { complaintTimers, pausableTimers, slaWarningShare } from '../../contract/complaint-terms';
import type { SlaSummary, TimerStatus } from '../../contract/complaints';

/**
 * The SLA engine: a ticket's deadlines and where each stands at an instant, from its receipt, its targets, its
 * pauses and the store calendar. Pure (no database, no clock), so the calendar tests drive it directly.
 *
 * A timer has a budget of counted time (real minutes around the clock, or minutes inside working hours) and
 * counts from receipt. Pauses stop the solution and closing timers (never the first response): paused time is
 * not counted, so the due time moves on by the paused working (or real) time. A regrade only swaps the budget:
 * the pauses stay, so paused time survives a change of grade.
 */

export interface TicketTiming {
  receivedAt: number;
  targets: GradeTargets;
  firstResponseAt: number | null;
  solutionAgreedAt: number | null;
  closedAt: number | null;
  /** In order; at most the last is open (end null). */
  pauses: readonly { start: number; end: number | null }[];
  manufacturerDueAt: number | null;
}

interface Meter {
  count(from: number, to: number): number;
  advance(from: number, ms: number): number;
}

const clockMeter: Meter = {
  count: (from, to) => Math.max(0, to - from),
  advance: (from, ms) => from + Math.max(0, ms),
};

function workingMeter(cal: WorkingCalendar): Meter {
  return {
    count: (from, to) => workingMsBetween(cal, from, to),
    advance: (from, ms) => addWorkingMs(cal, from, ms),
  };
}

const hourMs = 3_600_000;

/** The budget of a target, in the meter's milliseconds, counted from `receivedAt`. */
export function budgetOf(target: SlaTarget, cal: WorkingCalendar, receivedAt: number): number {
  switch (target.unit) {
    case 'clock_hours':
    case 'working_hours':
      return target.amount * hourMs;
    case 'working_days':
      // "N working days" end at closing time of the Nth working day after the day received.
      return workingMsBetween(cal, receivedAt, closeOfNthWorkingDay(cal, receivedAt, target.amount));
  }
}

export function meterOf(target: SlaTarget, cal: WorkingCalendar): Meter {
  return target.unit === 'clock_hours' ? clockMeter : workingMeter(cal);
}

interface Walk {
  /** When the budget runs out; null when an open pause holds it before then. */
  due: number | null;
  elapsed: number;
  paused: number;
  pausedNow: boolean;
}

/** When the budget of counted time since `start`, not counting the pauses, runs out (null: held by a pause). */
function dueOf(meter: Meter, start: number, budget: number, pauses: TicketTiming['pauses']): number | null {
  let cursor = start;
  let left = budget;
  for (const p of pauses) {
    if (p.end !== null && p.end <= cursor) continue;
    const from = Math.max(p.start, cursor);
    const before = meter.count(cursor, from);
    if (before >= left) return meter.advance(cursor, left);
    left -= before;
    if (p.end === null) return null;
    cursor = p.end;
  }
  return meter.advance(cursor, left);
}

/** Counted time in `[start, until)` and how much of it was paused. */
function walk(
  meter: Meter,
  start: number,
  budget: number,
  pauses: TicketTiming['pauses'],
  until: number,
): Walk {
  let paused = 0;
  let pausedNow = false;
  for (const p of pauses) {
    const from = Math.max(p.start, start);
    const to = Math.min(p.end ?? Number.POSITIVE_INFINITY, until);
    if (to > from) paused += meter.count(from, to);
    if (p.start <= until && (p.end === null || p.end > until)) pausedNow = true;
  }
  const elapsed = meter.count(start, until) - paused;
  return { due: dueOf(meter, start, budget, pauses), elapsed, paused, pausedNow };
}

const minutes = (ms: number) => Math.round(ms / 60_000);

function stopOf(timer: ComplaintTimer, t: TicketTiming): number | null {
  if (timer === 'first_response') return t.firstResponseAt;
  if (timer === 'solution') return t.solutionAgreedAt;
  return t.closedAt;
}

function timerState(stopped: boolean, over: boolean, pausedNow: boolean, used: number): TimerState {
  if (stopped) return over ? 'breached' : 'met';
  if (over) return 'breached';
  if (pausedNow) return 'paused';
  return used >= slaWarningShare ? 'warning' : 'running';
}

/** One of the three timers at `now`. */
export function timerAt(
  timer: ComplaintTimer,
  t: TicketTiming,
  cal: WorkingCalendar,
  now: number,
): TimerStatus {
  const target = t.targets[timer];
  const meter = meterOf(target, cal);
  const budget = budgetOf(target, cal, t.receivedAt);
  const stop = stopOf(timer, t);
  const until = Math.max(t.receivedAt, stop ?? now);
  const pauses = (pausableTimers as readonly ComplaintTimer[]).includes(timer) ? t.pauses : [];
  const w = walk(meter, t.receivedAt, budget, pauses, until);
  const over = w.elapsed > budget;
  const used = budget > 0 ? w.elapsed / budget : 1;
  return {
    timer,
    target: { amount: target.amount, unit: target.unit },
    dueAt: w.due === null ? null : new Date(w.due).toISOString(),
    state: timerState(stop !== null, over, stop === null && w.pausedNow, used),
    stoppedAt: stop === null ? null : new Date(stop).toISOString(),
    minutesLeft: minutes(budget - w.elapsed),
    budgetMinutes: minutes(budget),
    used: Math.round(used * 1000) / 1000,
    pausedMinutes: minutes(w.paused),
  };
}

/** The manufacturer's own deadline on a forwarded case: a fixed instant, never paused, met by closing. */
export function manufacturerTimerAt(t: TicketTiming, now: number): TimerStatus | null {
  if (t.manufacturerDueAt === null) return null;
  const due = t.manufacturerDueAt;
  const stop = t.closedAt;
  const at = stop ?? now;
  const budget = Math.max(0, due - t.receivedAt);
  const elapsed = Math.max(0, at - t.receivedAt);
  const used = budget > 0 ? elapsed / budget : at > due ? 2 : 1;
  return {
    timer: 'manufacturer',
    target: null,
    dueAt: new Date(due).toISOString(),
    state: timerState(stop !== null, at > due, false, used),
    stoppedAt: stop === null ? null : new Date(stop).toISOString(),
    minutesLeft: minutes(due - at),
    budgetMinutes: minutes(budget),
    used: Math.round(used * 1000) / 1000,
    pausedMinutes: 0,
  };
}

/** Every timer of a ticket at `now`: the three, then the manufacturer's when it has one. */
export function timersAt(t: TicketTiming, cal: WorkingCalendar, now: number): TimerStatus[] {
  const out = complaintTimers.map((timer) => timerAt(timer, t, cal, now));
  const m = manufacturerTimerAt(t, now);
  if (m) out.push(m);
  return out;
}

const rank: Record<TimerState, number> = { breached: 5, warning: 4, paused: 3, running: 2, met: 1 };

/**
 * The list chip: breached if any timer is (running or stopped late), else the most urgent running state. The
 * timer it names is the running one due first; with none running (a paused ticket whose first response is
 * given) it is the paused one with the least time left, frozen (no due time while paused).
 */
export function summarise(timers: readonly TimerStatus[]): SlaSummary {
  let state: TimerState = 'met';
  for (const t of timers) if (rank[t.state] > rank[state]) state = t.state;
  const running = timers
    .filter((t) => t.stoppedAt === null && t.dueAt !== null)
    .sort((a, b) => (a.dueAt! < b.dueAt! ? -1 : a.dueAt! > b.dueAt! ? 1 : 0));
  const frozen = timers
    .filter((t) => t.stoppedAt === null && t.state === 'paused')
    .sort((a, b) => a.minutesLeft - b.minutesLeft);
  const next = running[0] ?? frozen[0] ?? null;
  return {
    state,
    nextTimer: next?.timer ?? null,
    nextDueAt: next?.dueAt ?? null,
    nextUnit: next?.target?.unit ?? null,
    minutesLeft: next?.minutesLeft ?? null,
    breachedTimers: timers.filter((t) => t.state === 'breached').map((t) => t.timer),
  };
}

/** Deadlines a new ticket of this grade received at `receivedAt` would get (the form shows them). */
export function deadlinesFor(
  targets: GradeTargets,
  cal: WorkingCalendar,
  receivedAt: number,
): { timer: ComplaintTimer; dueAt: string }[] {
  return complaintTimers.map((timer) => {
    const target = targets[timer];
    const due = meterOf(target, cal).advance(receivedAt, budgetOf(target, cal, receivedAt));
    return { timer, dueAt: new Date(due).toISOString() };
  });
}
