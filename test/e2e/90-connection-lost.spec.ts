import { expect, test } from '@playwright/test';
import { ensureDemoData, ensureUser, shotBoth, uiLogin } from './e2e-helpers';

// A workstation loses the store host mid-work: the banner says so and retries, a save that could not get
// through says it may not have been saved and the drawer keeps what was typed; once the host answers again the
// banner goes and the same save goes through.

test('connection lost: banner with retries, the unsaved form kept, saved once the host is back', async ({
  page,
  request,
}) => {
  await ensureDemoData(request);
  const password = await ensureUser(request, 'e2e_offline_desk', 'front_desk', '前台林晓');
  await uiLogin(page, 'e2e_offline_desk', password);
  await page.getByRole('menuitem', { name: '客户' }).click();
  const stamp = Date.now() % 100_000;
  const mobile = `1358${String(stamp).padStart(5, '0')}${String(stamp % 89).padStart(2, '0')}`;

  await test.step('the host goes away while a new card is typed', async () => {
    await page.getByRole('button', { name: '新建客户' }).click();
    const drawer = page.getByRole('dialog', { name: '新建客户' });
    await drawer.getByLabel('姓名', { exact: true }).fill('断网测试');
    await drawer.getByLabel('手机', { exact: true }).fill(mobile);
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText(/这次操作可能没有保存/).first()).toBeVisible();
    const banner = page.locator('.connection-banner');
    await expect(banner).toContainText('与服务器（门店主机）的连接已断开');
    await expect(banner).toContainText(/\d+ 秒后再试/);
    // Nothing typed is lost.
    await expect(drawer).toBeVisible();
    await expect(drawer.getByLabel('姓名', { exact: true })).toHaveValue('断网测试');
    await expect(drawer.getByLabel('手机', { exact: true })).toHaveValue(mobile);
    await shotBoth(page, '90-connection-lost');
  });

  await test.step('the host is back: the banner goes and the same save goes through', async () => {
    await page.unroute('**/api/**');
    await page.getByRole('button', { name: '立即重试' }).click();
    await expect(page.locator('.connection-banner')).toHaveCount(0);
    const drawer = page.getByRole('dialog', { name: '新建客户' });
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('已创建客户')).toBeVisible();
    await expect(drawer).toBeHidden();
  });
});
