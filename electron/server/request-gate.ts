import type { Router } from './router';

const pausedMessage = '正在恢复备份，系统将在片刻后恢复使用，请稍候再试';

/**
 * The router every transport holds, in front of the one for the database in use: while a restore switches
 * databases it answers at once that the system is busy, and the switch waits for the calls already running.
 */
export function createRequestGate(current: () => Router): {
  router: Router;
  /** Stops new calls and waits (up to `waitMs`) until only `own` calls (the restore's) are running. */
  pause(own?: number, waitMs?: number): Promise<void>;
  resume(): void;
} {
  let paused = false;
  let inFlight = 0;
  const router: Router = async (channel, input, auth) => {
    if (paused) return { ok: false, error: { kind: 'conflict', message: pausedMessage } };
    inFlight++;
    try {
      return await current()(channel, input, auth);
    } finally {
      inFlight--;
    }
  };
  return {
    router,
    async pause(own = 1, waitMs = 30_000) {
      paused = true;
      const until = Date.now() + waitMs;
      while (inFlight > own && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    },
    resume() {
      paused = false;
    },
  };
}
