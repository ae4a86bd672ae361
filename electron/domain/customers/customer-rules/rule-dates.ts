/**
 * Calendar arithmetic on YYYY-MM-DD strings for the rules: pure, no time zone (the store's dates are already
 * local dates when they reach a rule).
 */

const msPerDay = 86_400_000;

function toDay(iso: string): number {
  return Math.round(
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / msPerDay,
  );
}

function fromDay(day: number): string {
  return new Date(day * msPerDay).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). Timestamps are cut to their date. */
export function daysBetween(from: string, to: string): number {
  return toDay(to.slice(0, 10)) - toDay(from.slice(0, 10));
}

export function addDays(iso: string, days: number): string {
  return fromDay(toDay(iso.slice(0, 10)) + days);
}

/** The same day of the month `months` later; a day the month lacks falls back to its last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  const d = Number(iso.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
}

export function laterOf(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

/** ¥12,345 from fen: the reasons staff read quote money in whole yuan. */
export function yuan(fen: number): string {
  return `¥${Math.round(fen / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

export function km(value: number): string {
  return `${value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')} km`;
}
