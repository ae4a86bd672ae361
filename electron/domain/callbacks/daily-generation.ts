import { localDate } from '../clock';
import type { ServiceContext } from '../context';
import { expireOncePerDay } from './close-expired';
import type { GenerationSummary } from './full-regeneration';
import { regenerateAll } from './full-regeneration';
import { runMarks } from './run-marks';

/**
 * Full regeneration at most once per store day (start of day); returns the summary when it ran. Meant for the
 * server's start-up, and also run before queue reads and claims so a server left running overnight catches up.
 */
export function ensureDailyGeneration(ctx: ServiceContext): GenerationSummary | null {
  const now = ctx.clock();
  const today = localDate(now);
  const sqlite = ctx.db.$client;
  if (runMarks.generated(sqlite) === today) {
    expireOncePerDay(sqlite, today, now.toISOString());
    return null;
  }
  return regenerateAll(sqlite, today, now.toISOString());
}
