import { localDate } from '../clock';
import type { ServiceContext } from '../context';
import { expireOncePerDay } from './close-expired';
import type { GenerationSummary } from './full-regeneration';
import { regenerateAll } from './full-regeneration';
import { runMarks } from './run-marks';

/**
 * The day's queue before queue reads and claims, so a server left running overnight catches up. Where the
 * server's upkeep runs (its scheduler is registered), it is asked to do it — in slices, while requests go on —
 * and the reader works with the queue as it is meanwhile; without one (tools, tests), the full pass runs here.
 * Returns the summary when it ran here.
 */
export function ensureDailyGeneration(ctx: ServiceContext): GenerationSummary | null {
  const now = ctx.clock();
  const today = localDate(now);
  const sqlite = ctx.db.$client;
  if (runMarks.generated(sqlite) === today) {
    expireOncePerDay(sqlite, today, now.toISOString());
    return null;
  }
  const runner = runMarks.runner(sqlite);
  if (runner) {
    runner();
    expireOncePerDay(sqlite, today, now.toISOString());
    return null;
  }
  return regenerateAll(sqlite, today, now.toISOString());
}
