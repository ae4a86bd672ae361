import { describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../db/migrate';
import { openDatabase } from '../../db/open-database';
import { runMarks } from '../../electron/domain/callbacks/run-marks';
import { addDays } from '../../electron/domain/customers/customer-rules/rule-dates';
import { customersDueForRefresh } from '../../electron/domain/customers/derived-due';
import { refreshDerivedIds, refreshDerivedSlice } from '../../electron/domain/customers/refresh-all-derived';
import { generateDemo } from '../../electron/domain/demo/generate-demo';

const now = new Date(2026, 10, 22, 10, 0, 0);
const start = '2026-11-22';

/**
 * The daily upkeep refreshes only the customers derived-due.ts names. Walk the calendar forward from the demo
 * data's day in steps of one day to two months, refresh just those, and check after every step that refreshing
 * everyone would change nothing more: the candidates cover every change time alone makes.
 */
describe('incremental stage and grade upkeep', () => {
  it('names every customer the calendar moves, day after day, and few others', () => {
    const db = openDatabase(':memory:');
    migrateDatabase(db, { dbFile: null });
    generateDemo(db, { scale: 'S', seed: 20261122, now });
    const sqlite = db.$client;
    expect(runMarks.derived(sqlite)).toBe(start);
    const total = sqlite
      .prepare('select count(*) from customers where merged_into_id is null')
      .pluck()
      .get() as number;

    const steps = [1, 1, 2, 5, 11, 17, 29, 31, 45, 61, 1, 62, 60, 59, 90];
    let since = start;
    let movedByCandidates = 0;
    const dayStepCandidates: number[] = [];
    for (const step of steps) {
      const today = addDays(since, step);
      const ids = customersDueForRefresh(sqlite, since, today);
      if (step === 1) dayStepCandidates.push(ids.length);
      const done = refreshDerivedIds(sqlite, today, ids, { from: 0, end: ids.length }, Infinity);
      movedByCandidates += done.changed;
      const missed = refreshDerivedSlice(sqlite, today, 0, total + 10);
      expect({ today, missed: missed.changed }).toEqual({ today, missed: 0 });
      since = today;
    }
    // The walk covers well over a year, so stages did move (the check above could have failed)…
    expect(movedByCandidates).toBeGreaterThan(100);
    // …and a day's candidates are a small part of everyone.
    for (const n of dayStepCandidates) expect(n).toBeLessThan(total * 0.1);
    db.$client.close();
  }, 120_000);
});
