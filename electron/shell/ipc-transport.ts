import { BrowserWindow, ipcMain } from 'electron';
import type { WebContents } from 'electron';
import { channelNames } from '../contract';
import { liveChangesChannel } from '../contract/live-topics';
import type { ChangeBus } from '../server/change-bus';
import type { Router } from '../server/router';

/**
 * IPC transport: one `ipcMain.handle` per contract channel, all into the shared router. The session token
 * stays in main, keyed by the window, so renderer code never holds it.
 */
export function bindIpc(router: Router, trustedSender: (sender: WebContents) => boolean): void {
  const tokens = new Map<number, string>();
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event, input: unknown, background: unknown) => {
      if (!trustedSender(event.sender)) {
        return { ok: false, error: { kind: 'forbidden', message: '来源不受信任' } };
      }
      const id = event.sender.id;
      const result = await router(channel, input, {
        token: tokens.get(id) ?? null,
        client: 'desktop',
        background: background === true,
      });
      if (!result.ok) return result;
      if (channel === 'auth.login' || channel === 'auth.setup') {
        const data = result.data as { token?: string };
        if (data.token) tokens.set(id, data.token);
        return { ok: true, data: { ...data, token: undefined } };
      }
      if (channel === 'auth.logout') tokens.delete(id);
      return result;
    });
  }
}

/** The desktop's live-change push: the same topics the HTTP stream carries, sent to every app window. */
export function pushChanges(changes: ChangeBus, trustedSender: (sender: WebContents) => boolean): () => void {
  return changes.subscribe((change) => {
    for (const win of BrowserWindow.getAllWindows()) {
      if (!win.isDestroyed() && trustedSender(win.webContents))
        win.webContents.send(liveChangesChannel, change);
    }
  });
}
