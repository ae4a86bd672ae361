import { addCalendarDays, dateInZone, instantInZone, minuteOfHm } from './store-time';
import type { ClosingDays } from './working-days';
import { isWorkingDate } from './working-days';

/**
 * The store's working time for deadlines, on its own wall clock: working hours (one span a day, e.g.
 * 08:30–17:30) on working days (the national calendar with its 调休 make-up days, minus the store's closing
 * days). Pure: the zone, hours and closing days are passed in, so tests fix them and the host's zone never
 * matters. Times are epoch milliseconds.
 */
export interface WorkingCalendar {
  zone: string;
  /** 'HH:mm', start before end. */
  hours: { start: string; end: string };
  closingDays: ClosingDays;
}

/** Walks stop after this many calendar days (a century of dates), whatever the input. */
const maxDays = 40_000;

interface DaySpan {
  start: number;
  end: number;
}

function spanOf(cal: WorkingCalendar, date: string): DaySpan | null {
  if (!isWorkingDate(date, cal.closingDays)) return null;
  return {
    start: instantInZone(date, minuteOfHm(cal.hours.start), cal.zone),
    end: instantInZone(date, minuteOfHm(cal.hours.end), cal.zone),
  };
}

/** Milliseconds inside working hours between two instants (0 when `to` is not after `from`). */
export function workingMsBetween(cal: WorkingCalendar, from: number, to: number): number {
  if (to <= from) return 0;
  const last = dateInZone(to, cal.zone);
  let total = 0;
  let date = dateInZone(from, cal.zone);
  for (let i = 0; date <= last && i < maxDays; i++, date = addCalendarDays(date, 1)) {
    const span = spanOf(cal, date);
    if (!span) continue;
    const lo = Math.max(span.start, from);
    const hi = Math.min(span.end, to);
    if (hi > lo) total += hi - lo;
  }
  return total;
}

/**
 * The instant at which `ms` of working time have passed since `from`: a budget used up exactly at closing time
 * ends at closing time, not at the next opening. `ms` ≤ 0 gives `from` back.
 */
export function addWorkingMs(cal: WorkingCalendar, from: number, ms: number): number {
  if (ms <= 0) return from;
  let left = ms;
  let date = dateInZone(from, cal.zone);
  for (let i = 0; i < maxDays; i++, date = addCalendarDays(date, 1)) {
    const span = spanOf(cal, date);
    if (!span) continue;
    const lo = Math.max(span.start, from);
    if (span.end <= lo) continue;
    const available = span.end - lo;
    if (left <= available) return lo + left;
    left -= available;
  }
  throw new Error('working calendar: no working time within a century');
}

/** Closing time of the `n`-th working day after the store day of `from` (that day itself not counted). */
export function closeOfNthWorkingDay(cal: WorkingCalendar, from: number, n: number): number {
  let date = dateInZone(from, cal.zone);
  for (let left = n, i = 0; left > 0 && i < maxDays; i++) {
    date = addCalendarDays(date, 1);
    if (isWorkingDate(date, cal.closingDays)) left--;
  }
  return instantInZone(date, minuteOfHm(cal.hours.end), cal.zone);
}

/** Whether the instant falls inside working hours on a working day. */
export function isWorkingInstant(cal: WorkingCalendar, at: number): boolean {
  const span = spanOf(cal, dateInZone(at, cal.zone));
  return span !== null && at >= span.start && at < span.end;
}
