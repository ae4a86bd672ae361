import { contextBridge, ipcRenderer } from 'electron';
import { channelNames } from '../contract';
import type { Envelope } from '../contract/errors';
import type { LiveChange } from '../contract/live-topics';
import { liveChangesChannel } from '../contract/live-topics';
import type { PairRequest, PairResult, WorkstationBridge } from '../workstation/workstation-bridge';
import { workstationIpc } from '../workstation/workstation-bridge';

const allowed = new Set<string>(channelNames);

/** The renderer's only door to main: one invoke, limited to the contract's channels. */
contextBridge.exposeInMainWorld('dealerCrm', {
  invoke(channel: string, input: unknown, options?: { background?: boolean }): Promise<Envelope<unknown>> {
    if (!allowed.has(channel)) {
      return Promise.resolve({ ok: false, error: { kind: 'not_found', message: `未知的接口：${channel}` } });
    }
    // Only a flag crosses: whether a person made the call (see renderer/src/api/user-activity.ts).
    return ipcRenderer.invoke(channel, input, options?.background === true) as Promise<Envelope<unknown>>;
  },
  /** Live changes pushed by main (topic names and customer ids, never contents); returns the unsubscribe. */
  onChanges(listener: (change: LiveChange) => void): () => void {
    const handler = (_event: unknown, change: LiveChange) => listener(change);
    ipcRenderer.on(liveChangesChannel, handler);
    return () => ipcRenderer.removeListener(liveChangesChannel, handler);
  },
});

/** The first-start screen (this PC holds the data, or connect to the store host); see workstation-bridge.ts. */
const workstation: WorkstationBridge = {
  state: ipcRenderer.sendSync(workstationIpc.state) as WorkstationBridge['state'],
  discover: () => ipcRenderer.invoke(workstationIpc.discover) as ReturnType<WorkstationBridge['discover']>,
  pair: (request: PairRequest) => ipcRenderer.invoke(workstationIpc.pair, request) as Promise<PairResult>,
  useLocal: () => ipcRenderer.invoke(workstationIpc.useLocal) as Promise<void>,
};
contextBridge.exposeInMainWorld('dealerWorkstation', workstation);
