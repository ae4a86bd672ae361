import type { Envelope } from '../../../electron/contract/errors';

/** How a call reaches main: IPC in the desktop app, HTTP in the browser. The rest of the UI never asks which. */
export interface ApiTransport {
  invoke(channel: string, input: unknown): Promise<Envelope<unknown>>;
}

declare global {
  interface Window {
    dealerCrm?: ApiTransport;
  }
}
