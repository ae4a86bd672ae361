import type { LanHost } from './lan-host';

/** How the process that answers host.* calls is run, for the Settings screen's state line. */
export interface HostProcessInfo {
  /** The database and API run in a process of their own (the desktop's host process), not the window's. */
  separate: boolean;
  pid: number;
  /** Times the host process was started again after it stopped unexpectedly. */
  restarts: number;
  startedAt: string;
}

/**
 * Set once by the process that owns the database and may listen on the LAN (the host process or `serve`);
 * left unset in API tests and scripts, where the switch answers that this PC cannot serve the LAN from here.
 */
let control: LanHost | null = null;
let processInfo: HostProcessInfo | null = null;

export function setHostControl(c: LanHost | null, info: HostProcessInfo | null): void {
  control = c;
  processInfo = info;
}

export const hostControl = (): LanHost | null => control;
export const hostProcessInfo = (): HostProcessInfo | null => processInfo;
