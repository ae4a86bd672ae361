import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import { afterEach, expect, test } from 'vitest';
import { keepConnectionsAlive } from '../../electron/server/keep-alive';

let server: ServerType | null = null;
afterEach(() => {
  server?.close();
  server = null;
});

function get(port: number, agent: http.Agent): Promise<{ status: number; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
    });
    req.on('error', reject);
  });
}

// A pooled connection idle for longer than Node’s default 5 s (it closes at 6 s) is still open: the next call on it is answered
// (CI's e2e 94 failed with "socket hang up" when the server had closed it as the client reused it).
test('a connection idle past Node’s 5 s (+1 s grace) is reused, not closed under the client', async () => {
  const s = serve({ fetch: () => new Response('ok'), port: 0, hostname: '127.0.0.1' });
  server = s;
  keepConnectionsAlive(s);
  await new Promise<void>((resolve) => s.once('listening', () => resolve()));
  const port = (s.address() as AddressInfo).port;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    expect(await get(port, agent)).toEqual({ status: 200, reused: false });
    await new Promise((r) => setTimeout(r, 7_000));
    expect(await get(port, agent)).toEqual({ status: 200, reused: true });
  } finally {
    agent.destroy();
  }
});
