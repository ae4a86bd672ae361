import { addDays, addMonths } from '../customers/customer-rules/rule-dates';
import { storeDayStart } from '../clock';

/** A report month's store days, and the windows its KPIs and tables count over (all bounds inclusive). */
export interface MonthWindow {
  month: string;
  from: string;
  to: string;
  /** The 12 months ending with the month: its first day is the day after the same day a year before `to`. */
  year: { from: string; to: string };
  /** The 12 months before those (13–24 months before the month's end). */
  priorYear: { from: string; to: string };
}

export function monthWindow(month: string): MonthWindow {
  const from = `${month}-01`;
  const to = addDays(addMonths(from, 1), -1);
  const yearFrom = addMonths(from, -11);
  const priorFrom = addMonths(from, -23);
  return {
    month,
    from,
    to,
    year: { from: yearFrom, to },
    priorYear: { from: priorFrom, to: addDays(yearFrom, -1) },
  };
}

/** `month` moved by `n` months (YYYY-MM). */
export function shiftMonth(month: string, n: number): string {
  return addMonths(`${month}-01`, n).slice(0, 7);
}

/** The 12 months ending with `month`, oldest first. */
export function last12Months(month: string): string[] {
  return Array.from({ length: 12 }, (_, i) => shiftMonth(month, i - 11));
}

/** A share rounded to 3 decimals (as the complaint KPIs round), null when there is nothing to divide by. */
export function share(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 1000) / 1000 : null;
}

/** The instants bounding the month's store days, as the tables store instants (ISO, UTC). */
export function monthInstants(w: Pick<MonthWindow, 'from' | 'to'>): { fromIso: string; toIso: string } {
  return {
    fromIso: storeDayStart(w.from).toISOString(),
    toIso: storeDayStart(addDays(w.to, 1)).toISOString(),
  };
}
