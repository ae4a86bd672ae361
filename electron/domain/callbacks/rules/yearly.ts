import { addDays, sameDayInYear, yearOf } from '../dates';
import type { DueRange } from './rule-types';

/**
 * Yearly dates (birthdays, purchase anniversaries) that can fall due in the range: the same month and day last
 * year, this year and next year (ranges reach at most ~400 days from today), 29 February becoming the 28th.
 */
export function yearlyDueDates(
  date: string,
  today: string,
  offsetDays: number,
  range: DueRange,
  afterYear: number | null,
): { anchor: string; due: string }[] {
  const out: { anchor: string; due: string }[] = [];
  const thisYear = yearOf(today);
  for (const year of [thisYear - 1, thisYear, thisYear + 1]) {
    if (afterYear !== null && year <= afterYear) continue;
    const anchor = sameDayInYear(date, year);
    const due = addDays(anchor, offsetDays);
    if (due >= range.from && due <= range.to) out.push({ anchor, due });
  }
  return out;
}

/** SQL twin of sameDayInYear for column `col` and year expression `year`. */
export function sameDayInYearSql(col: string, year: string): string {
  return `case when substr(${col}, 6, 5) = '02-29' and not ((${year}) % 4 = 0 and ((${year}) % 100 <> 0 or (${year}) % 400 = 0))
    then printf('%04d-02-28', ${year}) else printf('%04d', ${year}) || substr(${col}, 5, 6) end`;
}

/**
 * The anchor range cut into calendar-year pieces, joined as `seg` (year, first MM-DD, last MM-DD), with the
 * condition that `col`'s month and day fall in the piece: a string comparison per row instead of building
 * three dates for every customer. A 29 February date is let through wherever the 28th is.
 */
export function yearSegmentsJoin(col: string, lo: string, hi: string): string {
  const segments: string[] = [];
  for (let y = yearOf(lo); y <= yearOf(hi); y++) {
    const first = y === yearOf(lo) ? lo.slice(5, 10) : '01-01';
    const last = y === yearOf(hi) ? hi.slice(5, 10) : '12-31';
    segments.push(`(${y}, '${first}', '${last}')`);
  }
  const md = `substr(${col}, 6, 5)`;
  return `join (values ${segments.join(', ')}) as seg
    on (${md} between seg.column2 and seg.column3 or (${md} = '02-29' and seg.column2 <= '02-28' and seg.column3 >= '02-28'))`;
}
