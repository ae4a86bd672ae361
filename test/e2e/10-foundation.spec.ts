import type { Page } from '@playwright/test';
import { expect, test as base } from '@playwright/test';
import { adminPassword } from './e2e-env';
import type { FreshServer } from './e2e-helpers';
import { shot, startFreshServer, uiLogin } from './e2e-helpers';

// The first run is about an empty database, so this spec gets a server of its own on a fresh data dir:
// it passes alone, first or last, and the other specs fill the shared server with ensureDemoData.
const test = base.extend<{ firstRunServer: FreshServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function destructures
  firstRunServer: async ({}, use) => {
    const server = await startFreshServer();
    await use(server);
    await server.stop();
  },
  baseURL: async ({ firstRunServer }, use) => {
    await use(firstRunServer.baseURL);
  },
});

async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

const grid = (page: Page) => page.getByRole('table', { name: '客户列表' });

test('foundation: login, customers, placeholder, settings, logout', async ({ page }) => {
  await test.step('the login screen comes first', async () => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
    await expect(page).toHaveTitle('经销商客户关系管理');
    await shot(page, '01-login');
  });

  await test.step('a wrong password is refused in Chinese', async () => {
    await submitLogin(page, 'admin', 'not-the-password');
    await expect(page.getByText('用户名或密码错误')).toBeVisible();
  });

  await test.step('the administrator signs in and meets the first-run demo button', async () => {
    await uiLogin(page, 'admin', adminPassword);
    await expect(page.getByRole('heading', { name: '客户', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: /系统管理员/ })).toBeVisible();
    await expect(page.getByText('数据库还是空的')).toBeVisible();
    await expect(page.getByRole('button', { name: '生成演示数据' })).toBeVisible();
    await shot(page, '02-customers-first-run');
  });

  await test.step('the first-run button fills the empty database with demo data', async () => {
    await page.getByRole('button', { name: '生成演示数据' }).click();
    await expect(page.getByText(/已生成演示数据/)).toBeVisible({ timeout: 120_000 });
    await expect(page.getByText(/^共 [\d,]+ 位客户$/)).toBeVisible();
    await expect(grid(page).getByRole('row').nth(1)).toBeVisible();
    await shot(page, '03-customers-list');
  });

  await test.step('the list renders only the rows in view and loads more while scrolling', async () => {
    const rendered = await grid(page).getByRole('row').count();
    expect(rendered).toBeLessThan(80);
    const lastRowIndex = async () =>
      Number(await grid(page).getByRole('row').last().getAttribute('aria-rowindex'));
    const before = await lastRowIndex();
    for (let i = 0; i < 6; i++) {
      await grid(page).evaluate((el) => el.scrollBy(0, el.clientHeight * 3));
      await page.waitForTimeout(150);
    }
    await expect.poll(lastRowIndex).toBeGreaterThan(before + 100);
    expect(await grid(page).getByRole('row').count()).toBeLessThan(80);
  });

  await test.step('clicking 姓名 sorts by name on the server', async () => {
    await grid(page).getByRole('button', { name: '姓名' }).click();
    await expect(grid(page).getByRole('columnheader', { name: '姓名' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await expect(page).toHaveURL(/sort=name&dir=asc/);
    await expect(grid(page).getByRole('row').nth(1)).toBeVisible();
  });

  await test.step('an invalid mobile number shows the Chinese error beside the field', async () => {
    await page.getByRole('button', { name: '新建客户' }).click();
    const drawer = page.getByRole('dialog', { name: '新建客户' });
    await expect(drawer).toBeVisible();
    await drawer.getByLabel('姓名', { exact: true }).fill('张三丰');
    await drawer.getByLabel('手机', { exact: true }).fill('12345');
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(drawer.getByText('手机号码无效：应为 11 位大陆手机号，以 1 开头')).toBeVisible();
    await shot(page, '04-create-form-error');
  });

  await test.step('a valid customer is created and shows in the list', async () => {
    const drawer = page.getByRole('dialog', { name: '新建客户' });
    await drawer.getByLabel('手机', { exact: true }).fill('13812345678');
    await drawer.getByLabel('区县', { exact: true }).fill('天河区');
    await drawer.getByLabel('预算（元）').fill('150000');
    await drawer.getByLabel('阶段', { exact: true }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '意向客户' }).click();
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('已创建客户')).toBeVisible();
    await expect(drawer).toBeHidden();
    // A new card is shown newest-first, so it is on screen whatever the list held before.
    await expect(page).toHaveURL(/sort=created&dir=desc/);
    const row = grid(page).getByRole('row').filter({ hasText: '13812345678' });
    await expect(row).toBeVisible();
    await expect(row).toContainText('张三丰');
    await expect(row).toContainText('天河区');
    await expect(row).toContainText('意向客户');
    await shot(page, '05-customer-created');
  });

  await test.step('after a reload the customer is still there', async () => {
    await page.reload();
    await expect(grid(page).getByRole('row').filter({ hasText: '13812345678' })).toContainText('张三丰');
  });

  await test.step('投诉 opens the ticket list', async () => {
    await page.getByRole('menuitem', { name: '投诉' }).click();
    await expect(page.getByRole('heading', { name: '投诉工单' })).toBeVisible();
    await expect(page.getByRole('tab', { name: '部门收件箱' })).toBeVisible();
    await shot(page, '06-complaints-list');
  });

  await test.step('设置: the administrator creates a front-desk user', async () => {
    await page.getByRole('menuitem', { name: '设置' }).click();
    await expect(page.getByRole('tab', { name: '用户管理' })).toBeVisible();
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog', { name: '新建用户' });
    await dialog.getByLabel('用户名', { exact: true }).fill('qiantai01');
    await dialog.getByLabel('姓名', { exact: true }).fill('李晓雯');
    await dialog.getByLabel('初始密码').fill('Front-desk-01');
    await dialog.getByLabel('确认密码').fill('Front-desk-01');
    await dialog.getByRole('button', { name: '创建' }).click();
    await expect(page.getByText('已创建用户 李晓雯')).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: 'qiantai01' });
    await expect(row).toContainText('前台 / 客服专员');
    await expect(row).toContainText('正常');
    await shot(page, '07-settings-users');
  });

  await test.step('the language switch in the user menu turns the interface into English and back', async () => {
    await page.getByRole('menuitem', { name: '客户' }).click();
    await page.getByRole('button', { name: /系统管理员/ }).click();
    await page.getByRole('menuitem', { name: '语言' }).hover();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: 'Customers' })).toBeVisible();
    await expect(
      page.getByRole('table', { name: 'Customer list' }).getByRole('columnheader', { name: 'Last visit' }),
    ).toBeVisible();
    await shot(page, '08-customers-english');
    await page.getByRole('button', { name: /Administrator/ }).click();
    await page.getByRole('menuitem', { name: 'Language' }).hover();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await expect(page.getByRole('heading', { name: '客户', exact: true })).toBeVisible();
  });

  await test.step('logging out returns to the login screen', async () => {
    await page.getByRole('button', { name: /系统管理员/ }).click();
    await expect(page.getByRole('menuitem', { name: '修改密码' })).toBeVisible();
    await shot(page, '09-user-menu');
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  });

  await test.step('the front-desk user sees only their own account in 设置', async () => {
    await uiLogin(page, 'qiantai01', 'Front-desk-01');
    await expect(page.getByRole('button', { name: /前台/ })).toBeVisible();
    await page.getByRole('menuitem', { name: '设置' }).click();
    await expect(page.getByRole('tab', { name: '我的账号' })).toBeVisible();
    await expect(page.getByRole('tab', { name: '用户管理' })).toHaveCount(0);
    await shot(page, '10-settings-own-account');
    await page.getByRole('button', { name: /前台/ }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  });
});
