import type { Browser, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { adminApi, apiCaller, apiLogin, ensureDemoData, ensureUser, shotBoth, uiLogin } from './e2e-helpers';

// Two workstations at once (issue 15): two front-desk users edit one card — the same field gives the second
// the shared conflict dialog with both values (and who saved, and what it was), resolved per field and saved
// again; different fields both stand with no dialog. An operator's recorded call changes the other
// operator's 现在可拨 count within 2 seconds through the live stream, without a reload.

interface Detail {
  id: number;
  version: number;
  district: string | null;
  occupation: string | null;
  employer: string | null;
}
interface QueuePage {
  rows: { customerId: number; tasks: { taskId: number }[] }[];
}
interface Pool {
  claimable: { tasks: number };
}

async function signedIn(browser: Browser, username: string, password: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await uiLogin(page, username, password);
  return page;
}

async function openEditor(page: Page, customerId: number) {
  await page.goto(`/#/customers/${customerId}`);
  await page.getByRole('button', { name: '编辑资料' }).click();
  const drawer = page.getByRole('dialog', { name: /编辑客户/ });
  await expect(drawer.getByLabel('区县', { exact: true })).toBeVisible();
  return drawer;
}

const run = String(Date.now()).slice(-7);

test.describe('two workstations', () => {
  test.beforeAll(async ({ request }) => {
    await ensureDemoData(request);
  });

  test('the same field: the second sees both values and resolves them; different fields just merge', async ({
    browser,
    request,
  }) => {
    const admin = await adminApi(request);
    const pw1 = await ensureUser(request, 'h15-desk1', 'front_desk', '前台小王');
    const pw2 = await ensureUser(request, 'h15-desk2', 'front_desk', '前台小陈');
    const customer = await admin<Detail>('customers.create', {
      name: `双工作站${run}`,
      mobile: `139${run}1`.slice(0, 11),
      district: '惠城区',
    });
    const first = await signedIn(browser, 'h15-desk1', pw1);
    const second = await signedIn(browser, 'h15-desk2', pw2);

    await test.step('same field: conflict dialog with mine, theirs (named) and what it was', async () => {
      const a = await openEditor(first, customer.id);
      const b = await openEditor(second, customer.id);
      await a.getByLabel('区县', { exact: true }).fill('惠阳区');
      await a.getByRole('button', { name: '保存' }).click();
      await expect(first.getByText('已保存客户资料')).toBeVisible();

      await b.getByLabel('区县', { exact: true }).fill('惠东县');
      await b.getByLabel('职业', { exact: true }).fill('教师');
      await b.getByRole('button', { name: '保存' }).click();
      const dialog = second.getByRole('dialog', { name: '没有保存：这位客户的资料刚刚更新过' });
      await expect(dialog).toBeVisible();
      await expect(dialog).toContainText(/前台小王 在 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 保存了这位客户的资料/);
      const row = dialog.getByRole('row').filter({ hasText: '区县' });
      await expect(row).toContainText('惠城区');
      await expect(row).toContainText('惠东县');
      await expect(row).toContainText('惠阳区');
      await expect(row).toContainText('前台小王改过');
      await expect(dialog.getByRole('columnheader', { name: /前台小王保存的/ })).toBeVisible();
      await expect(dialog).not.toContainText(/他人|版本/);
      // Only the clashing field needs a decision; the occupation only this user typed is not in question.
      await expect(dialog.getByRole('row').filter({ hasText: '职业' })).toHaveCount(1);
      await shotBoth(second, '88-conflict-dialog');
      // Nothing was overwritten.
      expect((await admin<Detail>('customers.get', { id: customer.id })).district).toBe('惠阳区');

      await row.getByText('用我的').click();
      await dialog.getByRole('button', { name: '按所选保存' }).click();
      await expect(second.getByText('已保存客户资料')).toBeVisible();
      await expect(dialog).toBeHidden();
      const saved = await admin<Detail>('customers.get', { id: customer.id });
      expect(saved).toMatchObject({ district: '惠东县', occupation: '教师' });
    });

    await test.step('different fields: both saved, no dialog', async () => {
      // The first step's toasts must be gone, or the next one cannot be told apart from them.
      await expect(first.getByText('已保存客户资料')).toHaveCount(0);
      await expect(second.getByText('已保存客户资料')).toHaveCount(0);
      const a = await openEditor(first, customer.id);
      const b = await openEditor(second, customer.id);
      await a.getByLabel('职业', { exact: true }).fill('工程师');
      await a.getByRole('button', { name: '保存' }).click();
      await expect(first.getByText('已保存客户资料')).toBeVisible();
      await b.getByLabel('单位', { exact: true }).fill('惠州一中');
      await b.getByRole('button', { name: '保存' }).click();
      await expect(second.getByText('已保存客户资料')).toBeVisible();
      await expect(second.getByRole('dialog', { name: /没有保存/ })).toHaveCount(0);
      const saved = await admin<Detail>('customers.get', { id: customer.id });
      expect(saved).toMatchObject({ district: '惠东县', occupation: '工程师', employer: '惠州一中' });
    });
    await first.context().close();
    await second.context().close();
  });

  test('a call recorded at one workstation changes the other operator’s count without reload', async ({
    browser,
    request,
  }) => {
    const admin = await adminApi(request);
    await admin('callbacks.generate', {});
    const pw = await ensureUser(request, 'h15-op1', 'callback_operator', '回访专员甲');
    await ensureUser(request, 'h15-op2', 'callback_operator', '回访专员乙');
    const watcher = await signedIn(browser, 'h15-op2', pw);
    await expect(watcher).toHaveURL(/#\/callbacks/);
    const strip = watcher.getByTestId('callback-pool');
    const op2 = apiCaller(request, await apiLogin(request, 'h15-op2', pw));
    const before = (await op2<Pool>('callbacks.pool', {})).claimable.tasks;
    await expect(strip).toContainText(`现在可拨 ${before.toLocaleString('zh-CN')} 个任务`);

    // The other operator, at their own workstation, takes the next overdue customer and records the call.
    const caller = await signedIn(browser, 'h15-op1', pw);
    const op1 = apiCaller(caller.request, await apiLogin(caller.request, 'h15-op1', pw));
    const team = await admin<QueuePage>('callbacks.queue', { scope: 'team', bucket: 'overdue', limit: 5 });
    const target = team.rows[0]!;
    const panel = await op1<{ reasons: { taskId: number }[] }>('callbacks.next', {
      customerId: target.customerId,
    });
    await op1('callbacks.record', { taskIds: panel.reasons.map((r) => r.taskId), outcome: 'reached' });
    const after = (await op2<Pool>('callbacks.pool', {})).claimable.tasks;
    expect(after).toBeLessThan(before);
    await expect(strip).toContainText(`现在可拨 ${after.toLocaleString('zh-CN')} 个任务`, { timeout: 2000 });
    await caller.context().close();
    await watcher.context().close();
  });
});
