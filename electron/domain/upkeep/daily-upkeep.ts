import type Database from 'better-sqlite3';
import type { GenerationSummary } from '../callbacks/full-regeneration';
import { regenerateAllSliced } from '../callbacks/full-regeneration';
import { runMarks } from '../callbacks/run-marks';
import type { Clock } from '../clock';
import { localDate } from '../clock';
import type { DerivedPassSummary } from '../customers/refresh-all-derived';
import { refreshAllDerived } from '../customers/refresh-all-derived';

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
    // Small slices: each customer's stage and grade is a few reads in JS, about 0.1 ms at scale L.
    const derived = await refreshAllDerived(sqlite, today, { pause, sliceSize: opts.sliceSize ?? 100 });
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
