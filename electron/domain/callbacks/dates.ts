/**
 * Calendar-date arithmetic on YYYY-MM-DD strings, in plain integer arithmetic: the incremental path runs it a
 * few hundred times per customer, where dayjs cost ~10 µs a step (test/unit/callback-rules-dates.test.ts checks
 * it against dayjs). Month and year steps clamp to the month's end (31 Jan + 1 month = 28/29 Feb; 29 Feb + 1 year
 * = 28 Feb), exactly as SQLite's `date(d, '+N months', 'floor')` does on the set-based path.
 * The store's "today" comes from localDate() in ../clock.
 */
const msPerDay = 86_400_000;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function format(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : monthDays[month - 1]!;
}

function utcMs(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

export function addDays(date: string, days: number): string {
  const d = new Date(utcMs(date) + days * msPerDay);
  return format(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addMonths(date: string, months: number): string {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return format(year, month, Math.min(Number(date.slice(8, 10)), daysInMonth(year, month)));
}

export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMs(to) - utcMs(from)) / msPerDay);
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** The same month and day in `year`; 29 February becomes the 28th in a common year. */
export function sameDayInYear(date: string, year: number): string {
  const monthDay = date.slice(5, 10);
  if (monthDay === '02-29' && !isLeapYear(year)) return `${String(year).padStart(4, '0')}-02-28`;
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

export function minDate(a: string, b: string | null): string {
  return b !== null && b < a ? b : a;
}

export function maxDate(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}
