import { addDays, addMonths, daysInMonth } from '../callbacks/dates';

/** Points earned on `earnedOn` expire at the end of the Nth calendar year after that year (N = expiryYears). */
export function expiryDateOf(earnedOn: string, expiryYears: number): string {
  return `${String(Number(earnedOn.slice(0, 4)) + expiryYears).padStart(4, '0')}-12-31`;
}

/** The first day of the 12 months that end on `today` (a tier counts what was earned from then on). */
export function windowStart(today: string): string {
  return addDays(addMonths(today, -12), 1);
}

/** This year's review day for an MM-DD setting (29 February falls on the 28th in a common year). */
export function reviewDayIn(year: number, monthDay: string): string {
  const month = Number(monthDay.slice(0, 2));
  const day = Math.min(Number(monthDay.slice(3, 5)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${monthDay.slice(0, 2)}-${String(day).padStart(2, '0')}`;
}

/** The latest review day on or before `today`. */
export function lastReviewDay(today: string, monthDay: string): string {
  const year = Number(today.slice(0, 4));
  const thisYear = reviewDayIn(year, monthDay);
  return thisYear <= today ? thisYear : reviewDayIn(year - 1, monthDay);
}
