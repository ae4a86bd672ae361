// The package's own data (holidays and make-up working days by date). Its functions read a date through the
// host's zone, and west of UTC they shift it a day (isWorkday('2026-10-12'), a Monday, is false in New York),
// so the weekday is worked out here from the date alone.
import calendarData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { addCalendarDays } from './store-time';

const national = calendarData as { holidays: Record<string, string>; workdays: Record<string, string> };

/**
 * The store's working-day calendar for deadlines: the national schedule (法定节假日) including make-up working
 * days (调休, e.g. Sunday 2026-09-20 and Saturday 2026-10-10 around National Day), from the `chinese-days`
 * package. Dates are store calendar dates (YYYY-MM-DD, see clock.ts); no time zone is involved here.
 *
 * The package knows announced years only (to 2026 in 1.5.7); later years count Monday–Friday until it is
 * updated, which is what the State Council's schedule will mostly say anyway.
 */
export function isStoreWorkday(date: string): boolean {
  if (Object.hasOwn(national.workdays, date)) return true;
  if (Object.hasOwn(national.holidays, date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * Days the store itself is closed on top of the national calendar (门店休息日, a complaint setting): none for
 * legal deadlines such as a data-subject request's 15 working days, which count the national calendar only.
 */
export type ClosingDays = ReadonlySet<string>;
const noClosingDays: ClosingDays = new Set();

/** A national working day on which the store is open. */
export function isWorkingDate(date: string, closed: ClosingDays = noClosingDays): boolean {
  return isStoreWorkday(date) && !closed.has(date);
}

/** The `n`-th working day after `date` (the day itself not counted; n = 0 gives the date back). */
export function addWorkingDays(date: string, n: number, closed: ClosingDays = noClosingDays): string {
  let at = date;
  for (let left = n; left > 0;) {
    at = addCalendarDays(at, 1);
    if (isWorkingDate(at, closed)) left--;
  }
  return at;
}

/**
 * Working days from `from` to `to`: the working days after `from` up to and including `to`, so a deadline
 * today gives 0 and the next working day's 1. Once `to` has passed: minus the working days after it up to and
 * including `from` (a deadline yesterday is -1 on a working day, still 0 on a holiday).
 */
export function workingDaysBetween(from: string, to: string): number {
  const [low, high, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  // Bounded: a date decades away still ends the walk.
  for (let at = low, i = 0; at < high && i < 40_000; i++) {
    at = addCalendarDays(at, 1);
    if (isStoreWorkday(at)) count++;
  }
  return count === 0 ? 0 : sign * count;
}
