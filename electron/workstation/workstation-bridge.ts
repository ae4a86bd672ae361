import type { DiscoveredHost } from './host-discovery';

/**
 * The first-start screen's door to main (window.dealerWorkstation, desktop only): find hosts, pair with one,
 * or keep the data on this PC. Each choice is saved and the app starts again in that mode.
 */
export interface WorkstationBridge {
  /** 'setup': nothing chosen yet, show the first-start screen. */
  readonly state: 'setup' | 'ready';
  discover(): Promise<DiscoveredHost[]>;
  pair(request: PairRequest): Promise<PairResult>;
  useLocal(): Promise<void>;
}

export interface PairRequest {
  address: string;
  port: number;
  code: string;
  /** This PC's name for the audit log (前台2号机). */
  name: string;
}

export type PairResult = { ok: true } | { ok: false; message: string };

export const workstationIpc = {
  state: 'dealer-crm:workstation-state',
  discover: 'dealer-crm:workstation-discover',
  pair: 'dealer-crm:workstation-pair',
  useLocal: 'dealer-crm:workstation-use-local',
} as const;

/** The store host's port when the person types only an address. */
export const defaultHostPort = 5171;
