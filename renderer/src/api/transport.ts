import type { Envelope } from '../../../electron/contract/errors';

/** How a call reaches main: IPC in the desktop app, HTTP in the browser. The rest of the UI never asks which. */
export interface CallOptions {
  /** Made by the screen itself, not by a person (see user-activity.ts): not counted as use of the session. */
  background?: boolean;
}

export interface ApiTransport {
  invoke(channel: string, input: unknown, options?: CallOptions): Promise<Envelope<unknown>>;
}

declare global {
  interface Window {
    dealerCrm?: ApiTransport;
  }
}
