import type { BackupRetention } from '../../contract/backups';

export interface RetentionItem {
  name: string;
  /** The store's calendar date of the copy, YYYY-MM-DD. */
  storeDate: string;
  /** The instant, ISO: orders copies made on the same day. */
  createdAt: string;
}

/** ISO 8601 week of a calendar date ('2026-W01'): weeks start on Monday, as Chinese calendars print them. */
export function isoWeekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = d.getUTCDay() || 7;
  // The week belongs to the year its Thursday falls in.
  const thursday = new Date(d.getTime() + (4 - weekday) * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

const periods: { key: keyof BackupRetention; of: (date: string) => string }[] = [
  { key: 'daily', of: (d) => d },
  { key: 'weekly', of: isoWeekOf },
  { key: 'monthly', of: (d) => d.slice(0, 7) },
];

/**
 * Grandfather-father-son retention: the newest copy of each of the last `daily` days, `weekly` ISO weeks and
 * `monthly` months that have a copy (counted over periods with copies, not calendar periods, so a store
 * closed over the Spring Festival does not lose its weeklies while nothing new is made). A copy kept for
 * any reason is kept. Every copy of the newest day is kept too: a copy made by hand before an import stays
 * beside the evening's copy until a later day has one. Returns the names to keep.
 */
export function selectRetained(items: readonly RetentionItem[], rule: BackupRetention): Set<string> {
  const newestFirst = [...items].sort(
    (a, b) => b.storeDate.localeCompare(a.storeDate) || b.createdAt.localeCompare(a.createdAt),
  );
  const keep = new Set<string>();
  const newestDay = newestFirst[0]?.storeDate;
  for (const item of newestFirst) if (item.storeDate === newestDay) keep.add(item.name);
  for (const { key, of } of periods) {
    const seen = new Set<string>();
    for (const item of newestFirst) {
      if (seen.size >= rule[key]) break;
      const period = of(item.storeDate);
      if (seen.has(period)) continue;
      seen.add(period);
      keep.add(item.name);
    }
  }
  return keep;
}
