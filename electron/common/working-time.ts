import { dateInZone, instantInZone, minuteOfHm } from './store-time';
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
const dayMs = 86_400_000;

interface DaySpan {
  start: number;
  end: number;
}

/**
 * Each store day's working span (or null: not a working day), by day number on the store's wall clock. Lists
 * compute the timers of every row on every read, so a day's span is worked out once per calendar, not once per
 * timer: the walks below are integer steps and map lookups.
 */
interface CalendarCache {
  spans: Map<number, DaySpan | null>;
}
const caches = new Map<string, CalendarCache>();
const maxCalendars = 16;

/** The same calendar object asks again and again within a request: found by identity before by content. */
const byObject = new WeakMap<WorkingCalendar, CalendarCache>();

function cacheOf(cal: WorkingCalendar): CalendarCache {
  const known = byObject.get(cal);
  if (known) return known;
  const key = `${cal.zone}|${cal.hours.start}|${cal.hours.end}|${[...cal.closingDays].sort().join(',')}`;
  let cache = caches.get(key);
  if (!cache) {
    if (caches.size >= maxCalendars) caches.clear();
    cache = { spans: new Map() };
    caches.set(key, cache);
  }
  byObject.set(cal, cache);
  return cache;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function dateOfDay(day: number): string {
  const d = new Date(day * dayMs);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** The store day number (days since 1970-01-01 on the store's wall clock) of an instant. */
function dayOf(cal: WorkingCalendar, at: number): number {
  const date = dateInZone(at, cal.zone);
  return Math.round(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / dayMs,
  );
}

function spanOf(cal: WorkingCalendar, cache: CalendarCache, day: number): DaySpan | null {
  let span = cache.spans.get(day);
  if (span === undefined) {
    const date = dateOfDay(day);
    span = isWorkingDate(date, cal.closingDays)
      ? {
          start: instantInZone(date, minuteOfHm(cal.hours.start), cal.zone),
          end: instantInZone(date, minuteOfHm(cal.hours.end), cal.zone),
        }
      : null;
    if (cache.spans.size > 50_000) cache.spans.clear();
    cache.spans.set(day, span);
  }
  return span;
}

/** Milliseconds inside working hours between two instants (0 when `to` is not after `from`). */
export function workingMsBetween(cal: WorkingCalendar, from: number, to: number): number {
  if (to <= from) return 0;
  const cache = cacheOf(cal);
  const last = dayOf(cal, to);
  let total = 0;
  for (let day = dayOf(cal, from), i = 0; day <= last && i < maxDays; day++, i++) {
    const span = spanOf(cal, cache, day);
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
  const cache = cacheOf(cal);
  let left = ms;
  for (let day = dayOf(cal, from), i = 0; i < maxDays; day++, i++) {
    const span = spanOf(cal, cache, day);
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
  const cache = cacheOf(cal);
  let day = dayOf(cal, from);
  for (let left = n, i = 0; left > 0 && i < maxDays; i++) {
    day++;
    if (spanOf(cal, cache, day)) left--;
  }
  return instantInZone(dateOfDay(day), minuteOfHm(cal.hours.end), cal.zone);
}

/** Whether the instant falls inside working hours on a working day. */
export function isWorkingInstant(cal: WorkingCalendar, at: number): boolean {
  const span = spanOf(cal, cacheOf(cal), dayOf(cal, at));
  return span !== null && at >= span.start && at < span.end;
}
