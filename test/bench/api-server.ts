import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { postApi } from './api-client';

const repo = path.resolve(import.meta.dirname, '../..');
export const benchPassword = 'Bench-Admin-2026';

export interface BenchServer {
  url: string;
  token: string;
  call(channel: string, input: unknown): Promise<unknown>;
  /** The same as another user, by their session token. */
  callAs(channel: string, input: unknown, token: string | null): Promise<unknown>;
  /** The server process, for figures of its own (the lan-load module reads its CPU time). */
  pid: number | undefined;
  /** Ends the server process; resolves once it has exited (its database connection closed). */
  stop(): Promise<void>;
}

/** The real `serve` command in its own process, so API timings include HTTP, JSON and the router. */
export async function startBenchServer(
  dataDir: string,
  port: number,
  opts: {
    upkeep?: boolean;
    warmUp?: boolean;
    privacy?: boolean;
    /** Also the store host's HTTPS listener on this port, budgeting loopback peers like LAN PCs (lan-load). */
    lanPort?: number;
  } = {},
): Promise<BenchServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/cli/serve.ts',
      '--no-build',
      // Off unless asked for: the figures are of a steady server, except where the daily pass is the point.
      ...(opts.upkeep ? [] : ['--no-upkeep']),
      ...(opts.warmUp === false ? ['--no-warm-up'] : []),
      // The privacy module's comparison server: masking and the card-view log off (privacy-bench.ts only).
      ...(opts.privacy === false ? ['--bench-without-privacy'] : []),
      ...(opts.lanPort
        ? ['--lan', '--lan-port', String(opts.lanPort), '--no-mdns', '--bench-lan-budget-loopback']
        : []),
      '--port',
      String(port),
      '--data-dir',
      dataDir,
      '--admin-password',
      benchPassword,
    ],
    { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('bench server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  const post = (channel: string, input: unknown, token?: string) =>
    postApi(url, channel, input, token ?? null);
  const { token } = (await post('auth.login', { username: 'admin', password: benchPassword })) as {
    token: string;
  };
  return {
    url,
    token,
    pid: child.pid,
    call: (channel, input) => post(channel, input, token),
    callAs: (channel, input, as) => postApi(url, channel, input, as),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
