import type { Envelope } from '../../contract/errors';
import type { ChangeBus, ChangeListener } from '../change-bus';
import type { CallAuth, Router } from '../router';
import type { FromHost, HostChild, HostLauncher, HostStartOptions } from './host-protocol';

export type HostProcessState = 'starting' | 'running' | 'restarting' | 'stopped';

export interface HostSupervisorStatus {
  state: HostProcessState;
  pid: number | null;
  restarts: number;
}

export interface HostSupervisorOptions {
  launch: HostLauncher;
  start: Omit<HostStartOptions, 'restarts'>;
  log?: (line: string) => void;
  /** Waits before each restart after a crash, the last repeated (reset once it ran a minute). */
  restartDelaysMs?: readonly number[];
  /** How long a call waits for a restarting host before it is answered that the host is not there. */
  callWaitMs?: number;
  /** How long a proper stop (backup at shutdown included) may take before the process is ended. */
  stopTimeoutMs?: number;
}

export interface HostSupervisor {
  /** The desktop's router: the same channels and envelopes, answered by the host process. */
  router: Router;
  /** Live changes from the host process, for the desktop windows. */
  changes: ChangeBus;
  /** Resolves when the first start finished; rejects with the host's message if it could not open the data. */
  ready: Promise<void>;
  status(): HostSupervisorStatus;
  /** Closes the host process properly (its backup at shutdown included) and does not restart it. */
  stop(): Promise<void>;
}

const lostMessage = '门店主机进程意外退出，已自动重启；这次操作可能没有保存，请刷新后核对再重试';
const awayMessage = '门店主机进程正在重启，请稍等几秒再试';
const fail = (message: string): Envelope<never> => ({ ok: false, error: { kind: 'internal', message } });

/**
 * Runs the host process (host-process.ts) and stands in for its router in main. One process owns the database
 * — the host process — and main never opens it: main only passes calls on, so the SQLite file has one writer
 * even while workstations write over HTTPS. A crash is restarted with a short backoff; calls that were in flight
 * are answered that they may not have been saved (the screen keeps its input), calls made meanwhile wait.
 */
export function superviseHost(opts: HostSupervisorOptions): HostSupervisor {
  const log = opts.log ?? (() => undefined);
  const delays = opts.restartDelaysMs ?? [200, 1000, 3000, 10_000];
  const callWaitMs = opts.callWaitMs ?? 20_000;
  const stopTimeoutMs = opts.stopTimeoutMs ?? 120_000;

  const listeners = new Set<ChangeListener>();
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  let nextId = 0;
  let child: HostChild | null = null;
  let state: HostProcessState = 'starting';
  let restarts = 0;
  let crashesInARow = 0;
  let stopRequested = false;
  let everReady = false;
  let up: { promise: Promise<void>; resolve: () => void } = deferred();
  let firstStart: { resolve: () => void; reject: (e: Error) => void } | null = null;
  const ready = new Promise<void>((resolve, reject) => {
    firstStart = { resolve, reject };
  });
  let healthyTimer: NodeJS.Timeout | null = null;

  const launch = () => {
    const c = opts.launch();
    child = c;
    let failedMessage: string | null = null;
    c.onMessage((m: FromHost) => {
      if (c !== child) return;
      if (m.t === 'result') {
        pending.get(m.id)?.(m.envelope);
        pending.delete(m.id);
      } else if (m.t === 'changes') {
        for (const l of listeners) {
          try {
            l(m.change);
          } catch {
            // A closed window must not stop the others hearing the change.
          }
        }
      } else if (m.t === 'ready') {
        state = 'running';
        everReady = true;
        up.resolve();
        firstStart?.resolve();
        firstStart = null;
        // Running a minute again: the next crash restarts quickly again.
        healthyTimer = setTimeout(() => (crashesInARow = 0), 60_000);
        healthyTimer.unref?.();
      } else if (m.t === 'failed') failedMessage = m.message;
      else if (m.t === 'log') log(m.line);
    });
    c.onExit((code) => {
      if (c !== child) return;
      child = null;
      if (healthyTimer) clearTimeout(healthyTimer);
      for (const answer of pending.values()) answer(fail(lostMessage));
      pending.clear();
      if (stopRequested) {
        state = 'stopped';
        return;
      }
      if (!everReady) {
        // It could not open the data: starting again would fail the same way (a migration, a locked file).
        state = 'stopped';
        firstStart?.reject(new Error(failedMessage ?? `门店主机进程未能启动（退出码 ${code}）`));
        firstStart = null;
        return;
      }
      state = 'restarting';
      up = deferred();
      const wait = delays[Math.min(crashesInARow, delays.length - 1)] ?? 1000;
      crashesInARow++;
      restarts++;
      log(`门店主机进程意外退出（退出码 ${code}），${wait} 毫秒后重启（第 ${restarts} 次）`);
      setTimeout(() => {
        if (!stopRequested) launch();
      }, wait);
    });
    c.send({ t: 'start', options: { ...opts.start, restarts } });
  };

  const router: Router = async (channel: string, input: unknown, auth: CallAuth) => {
    if (state !== 'running') {
      if (state === 'stopped') return fail('门店主机进程已关闭');
      const came = await Promise.race([up.promise.then(() => true), sleep(callWaitMs).then(() => false)]);
      if (!came || !child) return fail(awayMessage);
    }
    const c = child;
    if (!c) return fail(awayMessage);
    const id = ++nextId;
    return new Promise<Envelope<unknown>>((resolve) => {
      pending.set(id, resolve);
      c.send({ t: 'call', id, channel, input, auth });
    });
  };

  const changes: ChangeBus = {
    // Writes are published inside the host process; main only relays what it hears.
    publish: () => undefined,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    listeners: () => listeners.size,
    stop: () => listeners.clear(),
  };

  launch();
  return {
    router,
    changes,
    ready,
    status: () => ({ state, pid: child?.pid ?? null, restarts }),
    async stop() {
      stopRequested = true;
      const c = child;
      if (!c) {
        state = 'stopped';
        return;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => c.kill(), stopTimeoutMs);
        c.onExit(() => {
          clearTimeout(timer);
          resolve();
        });
        c.send({ t: 'stop' });
      });
      state = 'stopped';
      changes.stop();
    },
  };
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref?.());
