import type Database from 'better-sqlite3';
import type { GenerationSummary } from '../callbacks/full-regeneration';
import { regenerateAll } from '../callbacks/full-regeneration';
import type { Clock } from '../clock';
import { localDate } from '../clock';
import type { DerivedPassSummary } from '../customers/refresh-all-derived';
import { refreshAllDerived } from '../customers/refresh-all-derived';

export interface UpkeepSummary {
  today: string;
  derived: DerivedPassSummary;
  callbacks: GenerationSummary;
}

const upkeptOn = new WeakMap<Database.Database, string>();

/**
 * The start-of-day work, once per store day and database: first the stored stages and grades catch up with
 * the calendar (the list filters on them, and the lost-prospect call-back rule reads the stage), then the
 * call-back queue is regenerated in full. The first pass yields between slices so requests keep being served.
 */
export async function runDailyUpkeep(
  sqlite: Database.Database,
  clock: Clock,
  pause: () => Promise<void>,
): Promise<UpkeepSummary | null> {
  const today = localDate(clock());
  if (upkeptOn.get(sqlite) === today) return null;
  upkeptOn.set(sqlite, today);
  try {
    const derived = await refreshAllDerived(sqlite, today, { pause });
    const callbacks = regenerateAll(sqlite, today, clock().toISOString());
    return { today, derived, callbacks };
  } catch (error) {
    upkeptOn.delete(sqlite);
    throw error;
  }
}
