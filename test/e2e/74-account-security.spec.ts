import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { ApiCaller } from './e2e-helpers';
import { adminApi, apiCaller, apiLogin, ensureUser, shot, shotBoth, uiLogin } from './e2e-helpers';

// Account security: five wrong passwords lock a name out with a message saying until when; a manager lifts
// it in 设置 → 登录锁定; the administrator sees where a colleague is signed in and ends one session; a
// session ended for inactivity brings the login screen up saying so.

interface Lockout {
  scope: string;
  username: string | null;
  address: string;
}

/** Every spec signs in from this machine: its wrong passwords must not add up to an address lockout. */
async function forgetAddressFailures(admin: ApiCaller): Promise<void> {
  for (const address of ['127.0.0.1', '::ffff:127.0.0.1', '::1']) {
    await admin('users.unlock', { address }).catch(() => undefined);
  }
}

/** One sign-in on the login form, waiting for main's answer (the alert of the attempt before looks the same). */
async function tryLogin(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth.login'));
  // By type, not by name: antd can leave the spinner's leave-animation node (aria-label "loading") behind.
  await page.locator('form button[type="submit"]').click();
  await answered;
}

test('five wrong passwords lock the name out until a stated time; a manager unlocks it', async ({
  page,
  request,
}) => {
  const username = `e2e_lock_${Date.now() % 100_000}`;
  const password = await ensureUser(request, username, 'front_desk', '前台林晓');
  const managerPassword = await ensureUser(request, 'e2e_lock_manager', 'manager', '客服经理周敏');
  const admin = await adminApi(request);

  try {
    await page.goto('/');
    await test.step('four wrong passwords are answered plainly, the fifth with the lockout', async () => {
      for (let i = 1; i <= 4; i++) {
        await tryLogin(page, username, `wrong-pass-${i}`);
        await expect(page.locator('.auth-alert')).toHaveText('用户名或密码错误');
      }
      await tryLogin(page, username, 'wrong-pass-5');
      await expect(page.locator('.auth-alert')).toHaveText(/^密码错误次数过多，请于 \d{2}:\d{2} 后再试$/);
      // The right password is refused too while the lockout lasts.
      await tryLogin(page, username, password);
      await expect(page.locator('.auth-alert')).toContainText('密码错误次数过多');
      await shotBoth(page, '74-login-locked');
    });

    await test.step('the manager sees the lockout in 设置 → 登录锁定 and lifts it', async () => {
      await tryLogin(page, 'e2e_lock_manager', managerPassword);
      await expect(page.locator('.ant-layout-sider')).toBeVisible();
      await page.getByRole('menuitem', { name: '设置' }).click();
      await page.getByRole('tab', { name: '登录锁定' }).click();
      const row = page.locator('.ant-table-row').filter({ hasText: username });
      await expect(row).toContainText('前台林晓');
      await expect(row).toContainText('账号');
      await shotBoth(page, '74-lockouts-tab');
      await row.getByRole('button', { name: '解除锁定' }).click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: '解除锁定' }).click();
      await expect(page.getByText(`已解除 前台林晓（${username}） 的登录锁定`)).toBeVisible();
      await expect(page.getByText('当前没有被锁定的账号或地址')).toBeVisible();
    });

    await test.step('the colleague signs in again', async () => {
      await page.getByRole('button', { name: /周敏/ }).click();
      await page.getByRole('menuitem', { name: '退出登录' }).click();
      await tryLogin(page, username, password);
      await expect(page.locator('.ant-layout-sider')).toBeVisible();
    });
  } finally {
    const left = await admin<Lockout[]>('users.lockouts', {});
    for (const l of left.filter((x) => x.username === username)) {
      await admin('users.unlock', { username, address: l.address }).catch(() => undefined);
    }
    await forgetAddressFailures(admin);
  }
});

test('the administrator sees a colleague’s sessions and ends one, and unlocks a locked account', async ({
  page,
  request,
}) => {
  const password = await ensureUser(request, 'e2e_sessions_op', 'callback_operator', '回访专员陈静');
  const lockedPassword = await ensureUser(request, 'e2e_locked_sales', 'sales', '销售顾问吴磊');
  const first = await apiLogin(request, 'e2e_sessions_op', password);
  const second = await apiLogin(request, 'e2e_sessions_op', password);
  await apiCaller(request, first)('auth.me', {});
  for (let i = 0; i < 5; i++) {
    await request.post('/api/auth.login', {
      data: { username: 'e2e_locked_sales', password: `guess-${i}-x` },
    });
  }

  await uiLogin(page);
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('tab', { name: '用户管理' }).click();

  await test.step('the locked account is marked in the list and unlocked from its row', async () => {
    const locked = page.locator('.ant-table-row').filter({ hasText: 'e2e_locked_sales' });
    await expect(locked.locator('.ant-tag').filter({ hasText: '已锁定' })).toBeVisible();
    await shotBoth(page, '74-users-tab-locked');
    await locked.getByRole('button', { name: '解除锁定' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '解除锁定' }).click();
    await expect(page.getByText('已解除 销售顾问吴磊 的登录锁定')).toBeVisible();
    await expect(locked.locator('.ant-tag').filter({ hasText: '已锁定' })).toHaveCount(0);
    expect((await apiLogin(request, 'e2e_locked_sales', lockedPassword)).length).toBeGreaterThan(20);
    await forgetAddressFailures(await adminApi(request));
  });

  const row = page.locator('.ant-table-row').filter({ hasText: 'e2e_sessions_op' });
  await row.getByRole('button', { name: '会话' }).click();
  const drawer = page.locator('.ant-drawer').filter({ hasText: '回访专员陈静 的登录会话' });
  await expect(drawer).toBeVisible();
  const sessions = drawer.locator('.ant-table-row');
  const before = await sessions.count();
  expect(before).toBeGreaterThanOrEqual(2);
  await expect(sessions.first()).toContainText('127.0.0.1');
  await shotBoth(page, '74-user-sessions');

  await sessions.first().getByRole('button', { name: '结束会话' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '结束会话' }).click();
  await expect(page.getByText('已结束该会话')).toBeVisible();
  await expect(sessions).toHaveCount(before - 1);

  // Exactly one of the two ended (the one used last is listed first): the other still works.
  const answers = await Promise.all(
    [first, second].map((token) =>
      request.post('/api/auth.me', { data: {}, headers: { authorization: `Bearer ${token}` } }),
    ),
  );
  expect(answers.map((r) => r.status()).sort()).toEqual([200, 401]);
});

test('a session ended for inactivity brings up the login screen saying so', async ({ page }) => {
  await uiLogin(page);
  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('tab', { name: '门店设置' }).click();
  const idle = page.locator('form.store-settings').getByLabel('空闲自动退出');
  await expect(idle).toHaveValue('30');
  // The field is the form's last: scrolled to at each size (shotBoth would resize after scrolling).
  for (const [width, height] of [
    [1440, 900],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    await idle.scrollIntoViewIfNeeded();
    await shot(page, `74-store-settings-idle-${width}x${height}`);
  }

  // Thirty minutes cannot pass in a test: main's answer to the first call after them is stood in for (the
  // timing itself is tested in test/api/account-security.test.ts).
  await page.route('**/api/**', async (route) => {
    if (route.request().url().endsWith('/api/auth.status')) return route.fallback();
    await route.fulfill({
      status: 401,
      contentType: 'application/json',
      body: JSON.stringify({
        ok: false,
        error: {
          kind: 'unauthenticated',
          message: '长时间未操作，已自动退出登录，请重新登录',
          details: { reason: 'idle' },
        },
      }),
    });
  });
  // The customers page asks main for its list (a page already loaded might answer from its cache).
  await page.goto('/#/customers');
  await page.reload();
  await expect(page.locator('.auth-alert')).toHaveText('长时间未操作，已自动退出登录，请重新登录');
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible();
  await shotBoth(page, '74-login-idle');
});
