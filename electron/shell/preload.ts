import { contextBridge, ipcRenderer } from 'electron';
import { channelNames } from '../contract';
import type { Envelope } from '../contract/errors';

const allowed = new Set<string>(channelNames);

/** The renderer's only door to main: one invoke, limited to the contract's channels. */
contextBridge.exposeInMainWorld('dealerCrm', {
  invoke(channel: string, input: unknown): Promise<Envelope<unknown>> {
    if (!allowed.has(channel)) {
      return Promise.resolve({ ok: false, error: { kind: 'not_found', message: `未知的接口：${channel}` } });
    }
    return ipcRenderer.invoke(channel, input) as Promise<Envelope<unknown>>;
  },
});
