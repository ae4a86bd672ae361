import type { ServerType } from '@hono/node-server';

/**
 * Node closes an idle keep-alive connection after 5 s. A client that reuses its pooled connection at that
 * moment — or a request that arrives while a long report keeps the event loop busy past the 5 s — gets
 * "socket hang up" for a request the server never read. Workstations and the renderer keep connections
 * open between calls, so the server keeps them longer than any client's own idle limit (browsers ≈ 60 s).
 */
export function keepConnectionsAlive(server: ServerType): void {
  if (!('keepAliveTimeout' in server)) return;
  server.keepAliveTimeout = 75_000;
  // Must exceed keepAliveTimeout, or Node may drop a connection that is just sending its next headers.
  server.headersTimeout = 80_000;
}
