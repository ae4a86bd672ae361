import type { ChangeBus } from '../change-bus';
import type { Router } from '../router';
import { readHostSettings, writeHostSettings } from './host-settings';
import type { LanListener } from './lan-listener';
import { startLanListener } from './lan-listener';

export type LanHostStatus = 'off' | 'starting' | 'on' | 'failed';

export interface LanHostState {
  /** The saved choice (设置 → 门店主机), kept for the next start. */
  enabled: boolean;
  status: LanHostStatus;
  /** The port it listens on, or will. */
  port: number;
  /** Why it could not start (port taken, certificate folder not writable…), in words for staff. */
  error: string | null;
}

export interface LanHostOptions {
  dataDir: string;
  router: Router;
  changes: ChangeBus;
  staticDir?: string;
  announce?: boolean;
  log?: (line: string) => void;
  /** The port offered before one was saved (serve: its own port + 1). */
  defaultPort?: number;
  /** Passed to the listener (see LanListenerOptions): the bench's load run budgets loopback peers too. */
  rateLimitExempt?: (peer: string | null) => boolean;
}

export interface LanHost {
  state(): LanHostState;
  /** Listens on the LAN. `persist`: keep it on for the next start (the Settings switch; not `serve --lan`). */
  start(port?: number, opts?: { persist?: boolean }): Promise<LanHostState>;
  /** Stops listening and saves it off (workstations lose the host; this PC keeps working). */
  stop(): Promise<LanHostState>;
  /** At start-up: listen if the saved choice says so. */
  resume(): Promise<LanHostState>;
  /** Shutting down: stop listening, the saved choice unchanged. */
  close(): Promise<void>;
}

function startError(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') return `端口 ${port} 已被其他程序占用，请换一个端口`;
  if (code === 'EACCES') return `没有权限使用端口 ${port}，请换一个 1024 以上的端口`;
  return `局域网服务未能启动：${error instanceof Error ? error.message : String(error)}`;
}

/**
 * The switch "this PC is the store host": the HTTPS listener for workstations started and stopped in the
 * process that owns the database (the host process in the desktop app, `serve` itself headless), on the same
 * router as this PC's own window, so the two can never disagree about the data.
 */
export function createLanHost(opts: LanHostOptions): LanHost {
  let listener: LanListener | null = null;
  let status: LanHostStatus = 'off';
  let error: string | null = null;
  let port = readHostSettings(opts.dataDir, opts.defaultPort).port;
  // One switch at a time: a double click must not start two listeners.
  let busy: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = busy.then(fn, fn);
    busy = next.catch(() => undefined);
    return next;
  };
  const state = (): LanHostState => ({
    enabled: readHostSettings(opts.dataDir, opts.defaultPort).enabled,
    status,
    port: listener?.port ?? port,
    error,
  });
  const listen = async (wanted: number) => {
    if (listener && listener.port === wanted) return;
    if (listener) await listener.close();
    listener = null;
    status = 'starting';
    error = null;
    port = wanted;
    try {
      listener = await startLanListener({ ...opts, port: wanted });
      status = 'on';
      opts.log?.(`门店主机已在局域网端口 ${listener.port} 上提供服务（HTTPS）`);
    } catch (e) {
      status = 'failed';
      error = startError(e, wanted);
      opts.log?.(error);
    }
  };
  const unlisten = async () => {
    const l = listener;
    listener = null;
    status = 'off';
    error = null;
    await l?.close();
  };
  return {
    state,
    start: (wanted, o = {}) =>
      serial(async () => {
        const p = wanted ?? port;
        await listen(p);
        // A port that could not be opened is not saved: the next start would only fail again.
        if (o.persist && status === 'on') writeHostSettings(opts.dataDir, { enabled: true, port: p });
        return state();
      }),
    stop: () =>
      serial(async () => {
        await unlisten();
        writeHostSettings(opts.dataDir, {
          ...readHostSettings(opts.dataDir, opts.defaultPort),
          enabled: false,
        });
        return state();
      }),
    resume: () =>
      serial(async () => {
        const saved = readHostSettings(opts.dataDir, opts.defaultPort);
        if (saved.enabled) await listen(saved.port);
        return state();
      }),
    close: () => serial(unlisten),
  };
}
