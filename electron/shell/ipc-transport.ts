import { ipcMain } from 'electron';
import type { WebContents } from 'electron';
import { channelNames } from '../contract';
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
