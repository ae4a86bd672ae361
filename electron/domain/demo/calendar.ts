import { storeDate, storeDayStart } from '../clock';

/**
 * Calendar days as integers (days since 1970-01-01 of the store's wall-clock calendar), so the generator can
 * add intervals without Date objects; strings are made only at the edge and cached.
 */

const msPerDay = 86_400_000;

/** The store's calendar date of `d` (see electron/domain/clock.ts). */
export function dayOf(d: Date): number {
  const date = storeDate(d);
  return dayFromParts(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

export function dayFromParts(year: number, month: number, date: number): number {
  return Math.round(Date.UTC(year, month - 1, date) / msPerDay);
}

const isoCache = new Map<number, string>();

/** YYYY-MM-DD. */
export function isoDay(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * msPerDay).toISOString().slice(0, 10);
    isoCache.set(day, s);
  }
  return s;
}

export function yearOf(day: number): number {
  return new Date(day * msPerDay).getUTCFullYear();
}

export function monthOf(day: number): number {
  return new Date(day * msPerDay).getUTCMonth() + 1;
}

const midnightCache = new Map<number, number>();

/** An ISO UTC timestamp (as the app stores them) for a minute of a store day on the store's wall clock. */
export function timestamp(day: number, minuteOfDay: number): string {
  let midnight = midnightCache.get(day);
  if (midnight === undefined) {
    midnight = storeDayStart(isoDay(day)).getTime();
    midnightCache.set(day, midnight);
  }
  return new Date(midnight + minuteOfDay * 60_000).toISOString();
}

/** The same month and day `years` later; 29 February falls back to the 28th. */
export function addYears(day: number, years: number): number {
  const u = new Date(day * msPerDay);
  const y = u.getUTCFullYear() + years;
  const m = u.getUTCMonth();
  const d = Math.min(u.getUTCDate(), m === 1 && !isLeap(y) ? 28 : 31);
  return Math.round(Date.UTC(y, m, d) / msPerDay);
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
