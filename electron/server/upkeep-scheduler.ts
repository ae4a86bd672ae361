import type Database from 'better-sqlite3';
import type { Clock } from '../domain/clock';
import type { UpkeepSummary } from '../domain/upkeep/daily-upkeep';
import { runDailyUpkeep } from '../domain/upkeep/daily-upkeep';

const checkEveryMs = 5 * 60_000;
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs the daily upkeep soon after start and again whenever the store day changes while the app stays open.
 * The timer does not keep the process alive; `stop` ends it.
 */
export function scheduleDailyUpkeep(
  sqlite: Database.Database,
  clock: Clock,
  log: (message: string, error?: unknown) => void,
  onDone?: (summary: UpkeepSummary) => void,
): { stop(): void; running(): Promise<void> } {
  let current: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    current = current.then(async () => {
      if (stopped) return;
      try {
        const summary = await runDailyUpkeep(sqlite, clock, async () => {
          if (stopped) throw new UpkeepStopped();
          await yieldToRequests();
        });
        if (summary) {
          log(
            `每日维护 ${summary.today}: 客户阶段/等级 ${summary.derived.changed}/${summary.derived.checked} 更新，` +
              `回访任务新建 ${summary.callbacks.created}`,
          );
          onDone?.(summary);
        }
      } catch (error) {
        if (!(error instanceof UpkeepStopped)) log('每日维护失败', error);
      }
    });
  };
  // The first pass starts at once (it yields between slices, so start-up is not held up).
  tick();
  const timer = setInterval(tick, checkEveryMs);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
    running: () => current,
  };
}

class UpkeepStopped extends Error {}
