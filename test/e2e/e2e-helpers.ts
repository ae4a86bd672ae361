import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { adminPassword, repoRoot, screenshotDir } from './e2e-env';

// Every spec must pass alone and in any order on the one server the config starts: a spec that needs the
// demo dealership calls ensureDemoData before it writes anything (a customer written first would make the
// database non-empty and the demo button refuse), and creates what it asserts about with names or numbers
// of its own. Only a spec about an empty database starts its own server (startFreshServer).

/** Lets antd's enter animations settle, then saves the picture under test-results/screenshots. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

/** Screenshots at both sizes staff use (1440×900 and 1280×720), restoring the viewport after. */
export async function shotBoth(page: Page, name: string): Promise<void> {
  const before = page.viewportSize();
  for (const [w, h] of [
    [1440, 900],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await shot(page, `${name}-${w}x${h}`);
  }
  if (before) await page.setViewportSize(before);
}

export async function apiLogin(
  request: APIRequestContext,
  username: string,
  password: string,
): Promise<string> {
  const res = await request.post('/api/auth.login', { data: { username, password } });
  const body = (await res.json()) as { ok: boolean; data: { token: string } };
  expect(body.ok).toBe(true);
  return body.data.token;
}

export type ApiCaller = <T>(channel: string, input: unknown) => Promise<T>;

export function apiCaller(request: APIRequestContext, token: string): ApiCaller {
  return async <T>(channel: string, input: unknown): Promise<T> => {
    const res = await request.post(`/api/${channel}`, {
      data: input,
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as { ok: boolean; data: T; error?: { message: string } };
    if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
    return body.data;
  };
}

export async function adminApi(request: APIRequestContext): Promise<ApiCaller> {
  return apiCaller(request, await apiLogin(request, 'admin', adminPassword));
}

/**
 * Gives a spec the scale-S demo dealership whether or not another spec ran before it, so each spec can run
 * alone (`npx playwright test -c test/e2e/playwright.config.ts 40-callbacks`). Call it first, before the spec
 * creates anything.
 */
export async function ensureDemoData(request: APIRequestContext): Promise<void> {
  const api = await adminApi(request);
  const info = await api<{ empty: boolean; customerCount: number }>('system.info', {});
  if (info.empty) await api('demo.generate', { scale: 'S' });
  else
    expect(
      info.customerCount,
      'the database was not empty but holds no demo data: a spec wrote customers before calling ensureDemoData',
    ).toBeGreaterThan(1000);
}

/** Creates a staff user of the role (idempotent by username) and returns its password. */
export async function ensureUser(
  request: APIRequestContext,
  username: string,
  role: string,
  displayName: string,
): Promise<string> {
  const password = 'E2e-Staff-Pass1';
  const api = await adminApi(request);
  const list = await api<{ username: string }[]>('users.list', {});
  if (!list.some((u) => u.username === username))
    await api('users.create', { username, displayName, role, password });
  return password;
}

export async function uiLogin(page: Page, username = 'admin', password = adminPassword): Promise<void> {
  await page.goto('/');
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.locator('.ant-layout-sider')).toBeVisible();
}

export interface FreshServer {
  baseURL: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * A second server on an empty database in a temp dir (any free port, the renderer the config's server built),
 * for a spec about the first run whatever the shared server already holds. stop() ends it and removes the dir.
 */
export async function startFreshServer(): Promise<FreshServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-crm-e2e-fresh-'));
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/cli/serve.ts',
      '--port',
      '0',
      '--no-build',
      '--data-dir',
      dataDir,
      '--admin-password',
      adminPassword,
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const baseURL = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`fresh server did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /已启动：(http:\/\/[^/\s]+)\//.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`fresh server exited (${code}):\n${output}`));
    });
  });
  return {
    baseURL,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
