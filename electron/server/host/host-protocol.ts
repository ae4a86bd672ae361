import type { Envelope } from '../../contract/errors';
import type { LiveChange } from '../../contract/live-topics';
import type { CallAuth } from '../router';

/** What the host process needs to open the data folder as the desktop would in-process. */
export interface HostStartOptions {
  dataDir: string;
  adminPassword?: string;
  migrationsFolder?: string;
  nativeBinding?: string;
  keyDir?: string;
  dailyUpkeep?: boolean;
  warmUp?: boolean;
  backupSchedule?: boolean;
  /** The built UI, served to browsers on the LAN. */
  staticDir?: string;
  /** Announce on the LAN (mDNS); off in tests. */
  announce?: boolean;
  /** Times the supervisor started it again after an unexpected exit (shown in 设置 → 门店主机). */
  restarts: number;
}

/** Parent (desktop main, or a test) → host process. */
export type ToHost =
  | { t: 'start'; options: HostStartOptions }
  | { t: 'call'; id: number; channel: string; input: unknown; auth: CallAuth }
  /** Close properly: the LAN listener, the backup at shutdown, the database; then exit. */
  | { t: 'stop' };

/** Host process → parent. */
export type FromHost =
  | { t: 'ready'; pid: number }
  /** Could not open the data (a failed migration names its backup): the parent shows it and does not retry. */
  | { t: 'failed'; message: string }
  | { t: 'result'; id: number; envelope: Envelope<unknown> }
  | { t: 'changes'; change: LiveChange }
  | { t: 'log'; line: string }
  | { t: 'stopped' };

/**
 * The parent's handle on one host process, whichever way it was started: child_process.fork (serve, tests) or
 * Electron's utilityProcess (electron/shell/host-launcher.ts). Messages are structured clones either way.
 */
export interface HostChild {
  readonly pid: number | undefined;
  send(message: ToHost): void;
  onMessage(listener: (message: FromHost) => void): void;
  onExit(listener: (code: number | null) => void): void;
  /** Ends it at once (after a stop that did not finish in time). */
  kill(): void;
}

export type HostLauncher = () => HostChild;
