import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { adminPassword, screenshotDir } from './e2e-env';

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
 * alone (`npx playwright test -c test/e2e/playwright.config.ts 40-callbacks`).
 */
export async function ensureDemoData(request: APIRequestContext): Promise<void> {
  const api = await adminApi(request);
  const info = await api<{ empty: boolean }>('system.info', {});
  if (info.empty) await api('demo.generate', { scale: 'S' });
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
