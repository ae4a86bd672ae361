import type Database from 'better-sqlite3';
import { runMarks } from '../domain/callbacks/run-marks';
import type { Clock } from '../domain/clock';
import { runEscalation } from '../domain/complaints/escalation';
import type { UpkeepOptions, UpkeepSummary } from '../domain/upkeep/daily-upkeep';
import { runDailyUpkeep } from '../domain/upkeep/daily-upkeep';

/**
 * The pause between slices. A request takes several turns of the event loop (headers, body, handler, reply):
 * with only a setImmediate between slices it would wait behind several of them, so each slice is followed by
 * a gap about as long as one.
 */
const gapMs = 10;
const yieldToRequests = () => new Promise<void>((resolve) => setTimeout(resolve, gapMs));

export interface UpkeepSchedule extends UpkeepOptions {
  /** How often the store day is looked at while the app stays open. */
  checkEveryMs?: number;
  /** After a failed pass, how soon it is tried again. */
  retryMs?: number;
  onDone?: (summary: UpkeepSummary) => void;
}

/**
 * Runs the daily upkeep soon after start and again whenever the store day changes while the app stays open, and
 * the complaint escalation pass (warnings and breaches) at every check;
 * a failed pass is retried after `retryMs`. While it is registered, a queue read that finds the day's queue not
 * yet generated asks it to run (instead of building the queue itself in one long transaction). The timers do
 * not keep the process alive; `stop` ends them and cuts a running pass short at its next slice.
 */
export function scheduleDailyUpkeep(
  sqlite: Database.Database,
  clock: Clock,
  log: (message: string, error?: unknown) => void,
  opts: UpkeepSchedule = {},
): { stop(): void; running(): Promise<void> } {
  let current: Promise<void> = Promise.resolve();
  let busy = false;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;
  const pass = async () => {
    try {
      const summary = await runDailyUpkeep(
        sqlite,
        clock,
        async () => {
          if (stopped) throw new UpkeepStopped();
          await yieldToRequests();
        },
        opts,
      );
      if (summary) {
        log(
          `每日维护 ${summary.today}: 客户阶段/等级 ${summary.derived.changed}/${summary.derived.checked} 更新，` +
            `回访任务新建 ${summary.callbacks?.created ?? 0}`,
        );
        opts.onDone?.(summary);
      }
    } catch (error) {
      if (error instanceof UpkeepStopped || stopped) return;
      log('每日维护失败，稍后重试', error);
      retry = setTimeout(tick, opts.retryMs ?? 60_000);
      retry.unref();
    }
  };
  // Complaint deadlines: warnings at 75% and breaches, on every tick (one short transaction over open tickets).
  const escalate = () => {
    if (stopped) return;
    try {
      const s = runEscalation(sqlite, clock);
      if (s.warnings || s.breaches) {
        log(`投诉时限检查：${s.checked} 张未结工单，预警 ${s.warnings}，超时 ${s.breaches}（${s.ms} ms）`);
      }
    } catch (error) {
      log('投诉时限检查失败，下次再试', error);
    }
  };
  const startPass = () => {
    if (stopped || busy) return;
    busy = true;
    current = pass().finally(() => {
      busy = false;
    });
  };
  const tick = () => {
    escalate();
    startPass();
  };
  // A queue read that finds the day not done only starts the pass: it is asked on every read until the queue is
  // generated, and the escalation pass (some 20 ms at scale L) on each of them held every request behind it.
  runMarks.setRunner(sqlite, startPass);
  // The first pass starts at once (it yields between slices, so start-up is not held up).
  tick();
  const timer = setInterval(tick, opts.checkEveryMs ?? 5 * 60_000);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
      if (retry) clearTimeout(retry);
      runMarks.setRunner(sqlite, null);
    },
    running: () => current,
  };
}

class UpkeepStopped extends Error {}
