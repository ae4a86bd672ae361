import type { Envelope } from '../../../electron/contract/errors';
import type { LiveChange } from '../../../electron/contract/live-topics';

/** How a call reaches main: IPC in the desktop app, HTTP in the browser. The rest of the UI never asks which. */
export interface CallOptions {
  /** Made by the screen itself, not by a person (see user-activity.ts): not counted as use of the session. */
  background?: boolean;
}

export interface ApiTransport {
  invoke(channel: string, input: unknown, options?: CallOptions): Promise<Envelope<unknown>>;
  /** The desktop's pushed live changes; absent over HTTP, where the page reads GET /api/changes. */
  onChanges?(listener: (change: LiveChange) => void): () => void;
}

declare global {
  interface Window {
    dealerCrm?: ApiTransport;
  }
}
