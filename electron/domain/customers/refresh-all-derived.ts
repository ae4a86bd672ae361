import type Database from 'better-sqlite3';
import type { DerivedSubject } from './customer-derived';
import { derivedSubjectColumns, refreshDerivedRow } from './customer-derived';
import { runMarks } from '../callbacks/run-marks';
import { prepared } from './sql-cache';

export interface DerivedPassSummary {
  checked: number;
  changed: number;
}

/**
 * One slice of the pass: customers with id > afterId, at most `limit`, in one transaction. With `budgetMs` the
 * slice also stops once that much time has gone (a few customers with hundreds of visits cost far more than
 * the average the limit was sized by), so a request never waits behind a long slice.
 */
export function refreshDerivedSlice(
  sqlite: Database.Database,
  today: string,
  afterId: number,
  limit: number,
  budgetMs = Infinity,
): DerivedPassSummary & { lastId: number | null } {
  const rows = prepared(
    sqlite,
    `select ${derivedSubjectColumns} from customers where id > ? and merged_into_id is null order by id limit ?`,
  ).all(afterId, limit) as DerivedSubject[];
  let changed = 0;
  let checked = 0;
  const deadline = performance.now() + budgetMs;
  sqlite.transaction(() => {
    for (const row of rows) {
      const r = refreshDerivedRow(sqlite, row, today);
      checked++;
      if (r.stage !== row.stage || r.baseGrade !== row.baseGrade) changed++;
      if (performance.now() >= deadline) break;
    }
  })();
  return { checked, changed, lastId: checked ? rows[checked - 1]!.id : null };
}

/**
 * The same for the customers ids[from..end) (ascending), in one transaction that stops once `budgetMs`
 * is spent. Returns where the next slice starts and who changed stage (their call-backs may read it).
 */
export function refreshDerivedIds(
  sqlite: Database.Database,
  today: string,
  ids: readonly number[],
  range: { from: number; end: number },
  budgetMs: number,
): DerivedPassSummary & { next: number; stageChanged: number[] } {
  const select = prepared(sqlite, `select ${derivedSubjectColumns} from customers where id = ?`);
  const stageChanged: number[] = [];
  let changed = 0;
  let i = range.from;
  const deadline = performance.now() + budgetMs;
  sqlite.transaction(() => {
    while (i < range.end) {
      const row = select.get(ids[i++]) as DerivedSubject | undefined;
      if (row) {
        const r = refreshDerivedRow(sqlite, row, today);
        if (r.stage !== row.stage || r.baseGrade !== row.baseGrade) changed++;
        if (r.stageChanged) stageChanged.push(row.id);
      }
      if (performance.now() >= deadline) break;
    }
  })();
  return { checked: i - range.from, changed, next: i, stageChanged };
}

/** The pass as slices in id order: each step refreshes one slice and yields what it did. */
function* derivedSlices(sqlite: Database.Database, today: string, sliceSize: number) {
  let after = 0;
  for (;;) {
    const slice = refreshDerivedSlice(sqlite, today, after, sliceSize);
    if (slice.lastId === null) return;
    after = slice.lastId;
    yield slice;
  }
}

/**
 * Reapplies the stage and grade rules to every customer as of `today`: time alone moves stages (新车客户 → 老客户
 * after six months, 流失 after a year without a visit, 休眠 leads), and the list filters on the stored values.
 * Works in slices so a caller on an event loop can yield between them (`pause`); each slice is its own
 * transaction, so a pass cut short leaves every customer either refreshed or as it was.
 */
export async function refreshAllDerived(
  sqlite: Database.Database,
  today: string,
  opts: { sliceSize?: number; pause?: () => Promise<void> } = {},
): Promise<DerivedPassSummary> {
  const total: DerivedPassSummary = { checked: 0, changed: 0 };
  for (const slice of derivedSlices(sqlite, today, opts.sliceSize ?? 500)) {
    total.checked += slice.checked;
    total.changed += slice.changed;
    if (opts.pause) await opts.pause();
  }
  runMarks.markDerived(sqlite, today);
  return total;
}

/** The same pass without yielding, for callers that already hold a transaction (the demo generator). */
export function refreshAllDerivedNow(sqlite: Database.Database, today: string): DerivedPassSummary {
  const total: DerivedPassSummary = { checked: 0, changed: 0 };
  for (const slice of derivedSlices(sqlite, today, 5000)) {
    total.checked += slice.checked;
    total.changed += slice.changed;
  }
  // Everyone is up to date as of `today`: the daily upkeep picks up from here.
  runMarks.markDerived(sqlite, today);
  return total;
}
