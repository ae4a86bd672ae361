import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChannelName, ChannelOutput } from '../../electron/contract';
import type { Envelope } from '../../electron/contract/errors';
import type { Role } from '../../electron/contract/permissions';
import type { Clock } from '../../electron/domain/clock';
import type { AppCore } from '../../electron/server/app-core';
import { startAppCore } from '../../electron/server/app-core';

export const adminPassword = 'Admin-Pass-2026';

export interface TestApp {
  core: AppCore;
  dataDir: string;
  /** Calls the router as a transport would; returns the raw envelope. */
  call(channel: string, input: unknown, token?: string | null): Promise<Envelope<unknown>>;
  /** Calls and expects success, typed by the contract. */
  ok<C extends ChannelName>(channel: C, input: unknown, token: string | null): Promise<ChannelOutput<C>>;
  login(username: string, password: string): Promise<string>;
  /** Creates a staff user of the role (via the admin) and returns a session token for them. */
  userWithRole(role: Role): Promise<string>;
  adminToken: string;
  close(): void;
}

/**
 * `idleTimeout` is off unless asked for: most tests move their clock by hours or days with one token, which
 * is not what they test (test/api/account-security.test.ts tests the timeout).
 */
export async function createTestApp(
  opts: { clock?: Clock; idleTimeout?: boolean; backgroundCheckpoint?: boolean } = {},
): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-crm-test-'));
  const core = await startAppCore({
    dataDir,
    adminPassword,
    validateOutput: true,
    clock: opts.clock,
    idleTimeout: opts.idleTimeout ?? false,
    backgroundCheckpoint: opts.backgroundCheckpoint,
  });
  const call = (channel: string, input: unknown, token: string | null = null) =>
    core.router(channel, input, { token });
  const ok = async <C extends ChannelName>(channel: C, input: unknown, token: string | null) => {
    const result = await call(channel, input, token);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.kind} ${result.error.message}`);
    return result.data as ChannelOutput<C>;
  };
  const login = async (username: string, password: string) => {
    const data = await ok('auth.login', { username, password }, null);
    if (!data.token) throw new Error('no token');
    return data.token;
  };
  const adminToken = await login('admin', adminPassword);
  let n = 0;
  return {
    core,
    dataDir,
    call,
    ok,
    login,
    adminToken,
    async userWithRole(role) {
      const username = `${role.replace(/_/g, '')}${++n}`;
      await ok(
        'users.create',
        { username, displayName: `测试${role}`, role, password: 'Staff-Pass-1' },
        adminToken,
      );
      return login(username, 'Staff-Pass-1');
    },
    close() {
      core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
