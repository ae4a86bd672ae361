import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { LiveChange } from '../contract/live-topics';
import type { ChangeBus } from './change-bus';
import type { CallAuth, Router } from './router';

/** How often an idle stream says it is alive (proxies drop silent connections) and rechecks the session. */
const heartbeatMs = 20_000;

/**
 * GET /api/changes: the live-change stream (server-sent events) of one signed-in client. It carries topic
 * names and the ids of the customers changed, never records' contents: each screen refetches through the
 * ordinary channels, so permissions and masking stay where they are. The session is the same as for every request (cookie or Bearer), checked at the start
 * and at each heartbeat without counting as use; a session that ended ends the stream with `ended`.
 */
export async function serveChangeStream(c: Context, bus: ChangeBus, router: Router, auth: CallAuth) {
  const check = () => router('auth.me', {}, { ...auth, background: true });
  const first = await check();
  if (!first.ok) return c.json(first, 401);
  return streamSSE(c, async (stream) => {
    let queue: LiveChange[] = [];
    let wake: (() => void) | null = null;
    let closed = false;
    const unsubscribe = bus.subscribe((change) => {
      queue.push(change);
      wake?.();
    });
    stream.onAbort(() => {
      closed = true;
      wake?.();
    });
    try {
      await stream.writeSSE({ event: 'ready', data: '{}', retry: 2000 });
      let checkedAt = Date.now();
      while (!closed) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, heartbeatMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
        if (closed) break;
        const batch = queue;
        queue = [];
        for (const change of batch)
          await stream.writeSSE({ event: 'change', id: String(change.seq), data: JSON.stringify(change) });
        if (Date.now() - checkedAt >= heartbeatMs) {
          checkedAt = Date.now();
          if (!(await check()).ok) {
            await stream.writeSSE({ event: 'ended', data: '{}' });
            break;
          }
          await stream.writeSSE({ event: 'ping', data: '{}' });
        }
      }
    } finally {
      unsubscribe();
    }
  });
}
