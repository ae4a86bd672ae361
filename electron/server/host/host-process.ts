import { MigrationError } from '../../../db/migrate';
import { defaultErrorMessages } from '../../contract/errors';
import type { AppCore } from '../app-core';
import { startAppCore } from '../app-core';
import { setHostControl } from './host-control';
import type { FromHost, ToHost } from './host-protocol';
import type { LanHost } from './lan-host';
import { createLanHost } from './lan-host';

/**
 * The host process: the only process that opens the database (one writer to the SQLite file). It answers the
 * desktop window's calls, passed on by main over the process channel, and the workstations' HTTPS requests —
 * both through the one router — so a busy or frozen window never stalls a workstation, and a crash here is
 * restarted by main (host-supervisor.ts) while the window stays open.
 *
 * Plain Node: started with child_process.fork (process.send) or Electron's utilityProcess (process.parentPort).
 */
interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

function parentLink(): { send(m: FromHost): void; onMessage(fn: (m: ToHost) => void): void } {
  const port = (process as { parentPort?: ParentPort }).parentPort;
  if (port)
    return {
      send: (m) => port.postMessage(m),
      onMessage: (fn) => port.on('message', (e) => fn(e.data as ToHost)),
    };
  const send = process.send?.bind(process);
  if (!send) throw new Error('the host process needs a parent to talk to (fork or utilityProcess)');
  return {
    // After the parent is gone there is no one to tell; the process is closing anyway.
    send: (m) => {
      if (process.connected) send(m);
    },
    onMessage: (fn) => process.on('message', (m) => fn(m as ToHost)),
  };
}

const link = parentLink();
let core: AppCore | null = null;
let lan: LanHost | null = null;
let stopping: Promise<void> | null = null;
const log = (line: string) => link.send({ t: 'log', line });

async function start(options: Extract<ToHost, { t: 'start' }>['options']): Promise<void> {
  // The import and backup workers this process starts open the same better-sqlite3 build (Electron's ABI).
  if (options.nativeBinding) process.env.DEALER_CRM_SQLITE_BINDING ??= options.nativeBinding;
  try {
    core = await startAppCore({
      dataDir: options.dataDir,
      adminPassword: options.adminPassword,
      migrationsFolder: options.migrationsFolder,
      nativeBinding: options.nativeBinding,
      keyDir: options.keyDir,
      dailyUpkeep: options.dailyUpkeep,
      warmUp: options.warmUp,
      backgroundCheckpoint: true,
      backupSchedule: options.backupSchedule,
      log: (message, error) => log(error ? `${message} ${String(error)}` : message),
    });
  } catch (error) {
    const message = error instanceof MigrationError ? error.message : `启动失败：${String(error)}`;
    link.send({ t: 'failed', message });
    process.exit(1);
  }
  const c = core;
  c.changes.subscribe((change) => link.send({ t: 'changes', change }));
  lan = createLanHost({
    dataDir: options.dataDir,
    router: c.router,
    changes: c.changes,
    staticDir: options.staticDir,
    announce: options.announce,
    log,
  });
  setHostControl(lan, {
    separate: true,
    pid: process.pid,
    restarts: options.restarts,
    startedAt: new Date().toISOString(),
  });
  // A port that cannot be opened is shown in Settings; this PC's own window works on regardless.
  await lan.resume();
  link.send({ t: 'ready', pid: process.pid });
}

function stop(): Promise<void> {
  stopping ??= (async () => {
    try {
      await lan?.close();
      await core?.shutdown();
    } finally {
      link.send({ t: 'stopped' });
      process.exit(0);
    }
  })();
  return stopping;
}

link.onMessage((message) => {
  if (message.t === 'start') void start(message.options);
  else if (message.t === 'stop') void stop();
  else if (message.t === 'call') {
    const { id } = message;
    if (!core || stopping) {
      link.send({
        t: 'result',
        id,
        envelope: { ok: false, error: { kind: 'internal', message: '门店主机进程正在关闭，请稍后重试' } },
      });
      return;
    }
    core.router(message.channel, message.input, message.auth).then(
      (envelope) => link.send({ t: 'result', id, envelope }),
      () =>
        link.send({
          t: 'result',
          id,
          envelope: { ok: false, error: { kind: 'internal', message: defaultErrorMessages.internal } },
        }),
    );
  }
});

// The parent went away without a word (a forked child keeps running otherwise): close the data properly.
process.on('disconnect', () => void stop());
process.on('SIGTERM', () => void stop());
