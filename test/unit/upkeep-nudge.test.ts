import type Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { runMarks } from '../../electron/domain/callbacks/run-marks';
import { runEscalation } from '../../electron/domain/complaints/escalation';
import { runDailyUpkeep } from '../../electron/domain/upkeep/daily-upkeep';
import { scheduleDailyUpkeep } from '../../electron/server/upkeep-scheduler';

vi.mock('../../electron/domain/complaints/escalation', () => ({
  runEscalation: vi.fn(() => ({ checked: 0, warnings: 0, breaches: 0, ms: 0 })),
}));
let finishPass: (() => void) | null = null;
vi.mock('../../electron/domain/upkeep/daily-upkeep', () => ({
  runDailyUpkeep: vi.fn(
    () =>
      new Promise((resolve) => {
        finishPass = () => resolve(null);
      }),
  ),
}));

// Until the day's queue is generated, every queue read asks the scheduler to run the pass; the escalation pass
// (~20 ms at scale L) ran on each of those asks and held every other request behind it.
describe('a queue read that finds the day not done', () => {
  it('only starts the pass: no escalation run, no second pass while one runs', async () => {
    const sqlite = {} as Database.Database;
    const schedule = scheduleDailyUpkeep(
      sqlite,
      () => new Date('2026-12-04T01:00:00Z'),
      () => undefined,
    );
    expect(runEscalation).toHaveBeenCalledTimes(1);
    expect(runDailyUpkeep).toHaveBeenCalledTimes(1);
    const nudge = runMarks.runner(sqlite);
    expect(nudge).toBeTypeOf('function');
    for (let i = 0; i < 5; i++) nudge?.();
    expect(runEscalation).toHaveBeenCalledTimes(1);
    expect(runDailyUpkeep).toHaveBeenCalledTimes(1);
    finishPass?.();
    await schedule.running();
    nudge?.();
    expect(runDailyUpkeep).toHaveBeenCalledTimes(2);
    expect(runEscalation).toHaveBeenCalledTimes(1);
    schedule.stop();
    expect(runMarks.runner(sqlite)).toBeUndefined();
  });
});
