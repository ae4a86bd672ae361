import type Database from 'better-sqlite3';
import type { GenerationSummary } from '../callbacks/full-regeneration';
import { regenerateAllSliced } from '../callbacks/full-regeneration';
import { runMarks } from '../callbacks/run-marks';
import type { Clock } from '../clock';
import { localDate } from '../clock';
import type { DerivedPassSummary } from '../customers/refresh-all-derived';
import { refreshDerivedSlice } from '../customers/refresh-all-derived';

export interface UpkeepSummary {
  today: string;
  derived: DerivedPassSummary;
  /** Null when the queue had already been generated that store day (by hand, or by an import). */
  callbacks: GenerationSummary | null;
}

export interface UpkeepOptions {
  /** Customers per slice of the call-back pass (tests use small slices to see requests between them). */
  sliceSize?: number;
}

const runningOn = new WeakMap<Database.Database, string>();

/**
 * The start-of-day work, once per store day and database: first the stored stages and grades catch up with
 * the calendar (the list filters on them, and the lost-prospect call-back rule reads the stage), then the
 * call-back queue is regenerated. Both go in slices, each its own short transaction, awaiting `pause` between
 * them so requests keep being served. The day is marked done in the database only when both finished, so a
 * restart the same day does nothing and a pass that failed (or was stopped) is done again.
 */
export async function runDailyUpkeep(
  sqlite: Database.Database,
  clock: Clock,
  pause: () => Promise<void>,
  opts: UpkeepOptions = {},
): Promise<UpkeepSummary | null> {
  const today = localDate(clock());
  if (runMarks.upkept(sqlite) === today || runningOn.get(sqlite) === today) return null;
  runningOn.set(sqlite, today);
  const t0 = performance.now();
  try {
    const derived = await refreshDerivedInTime(sqlite, today, pause, opts.sliceSize);
    const callbacks =
      runMarks.generated(sqlite) === today
        ? null
        : await regenerateAllSliced(sqlite, today, clock().toISOString(), {
            pause,
            sliceSize: opts.sliceSize,
          });
    runMarks.markUpkept(sqlite, today, performance.now() - t0);
    return { today, derived, callbacks };
  } finally {
    runningOn.delete(sqlite);
  }
}

const sliceTargetMs = 10;

/**
 * Stages and grades for everyone, in slices sized from the last one's time (a customer's facts are a dozen
 * reads, about 0.7 ms at scale L: a fixed slice of a few hundred would hold requests for a fifth of a second).
 * A fixed `sliceSize` is for tests.
 */
async function refreshDerivedInTime(
  sqlite: Database.Database,
  today: string,
  pause: () => Promise<void>,
  sliceSize?: number,
): Promise<DerivedPassSummary> {
  const total: DerivedPassSummary = { checked: 0, changed: 0 };
  let size = sliceSize ?? 20;
  for (let after = 0; ;) {
    await pause();
    const started = performance.now();
    const slice = refreshDerivedSlice(sqlite, today, after, size, sliceSize ? Infinity : sliceTargetMs);
    total.checked += slice.checked;
    total.changed += slice.changed;
    if (slice.lastId === null) return total;
    after = slice.lastId;
    if (sliceSize === undefined) {
      const took = Math.max(0.5, performance.now() - started);
      size = Math.max(5, Math.min(2000, Math.round((slice.checked * sliceTargetMs) / took) + 1));
    }
  }
}
