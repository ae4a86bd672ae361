import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { adminApi, apiCaller, apiLogin, ensureDemoData, ensureUser, shotBoth, uiLogin } from './e2e-helpers';

interface Pool {
  claimable: { tasks: number; overdue: number; dueToday: number };
  resting: { tasks: number; nextAt: string | null };
}
interface QueuePage {
  today: string;
  total: number | null;
  counts: { overdue: number; dueToday: number; upcoming: number; resting: number } | null;
  rows: {
    customerId: number;
    customerName: string;
    restingUntil: string | null;
    tasks: { taskId: number }[];
  }[];
}
interface Panel {
  customer: { id: number; name: string };
  reasons: { taskId: number; dueDate: string }[];
}

const menu = (page: Page) => page.getByRole('navigation', { name: '主导航' });

test.describe('the operator’s day', () => {
  test.beforeAll(async ({ request }) => {
    await ensureDemoData(request);
    // The demo dealership's call-back queue (idempotent: a second pass adds nothing).
    await (
      await adminApi(request)
    )('callbacks.generate', {});
  });

  test('the operator lands on 回访 and sees the pool "next call" draws from', async ({ page, request }) => {
    const password = await ensureUser(request, 'h3-operator', 'callback_operator', '回访专员小周');
    const op = apiCaller(request, await apiLogin(request, 'h3-operator', password));
    await uiLogin(page, 'h3-operator', password);
    await expect(page).toHaveURL(/#\/callbacks/);
    await expect(menu(page).getByRole('menuitem', { name: '回访' })).toBeVisible();
    // Sections not built yet are not offered to a role that will not work there.
    for (const name of ['投诉', '活动', '报表', '数据维护'])
      await expect(menu(page).getByRole('menuitem', { name })).toHaveCount(0);

    const pool = await op<Pool>('callbacks.pool', {});
    expect(pool.claimable.tasks).toBeGreaterThan(0);
    const strip = page.getByTestId('callback-pool');
    await expect(strip).toContainText(`现在可拨 ${pool.claimable.tasks.toLocaleString('zh-CN')} 个任务`);
    await expect(strip).toContainText(`已逾期 ${pool.claimable.overdue.toLocaleString('zh-CN')}`);
    await shotBoth(page, 'h3-operator-pool');
  });

  test('a resting retry reads 稍后重拨 in its tab, its row and the footer', async ({ page, request }) => {
    const password = await ensureUser(request, 'h3-operator', 'callback_operator', '回访专员小周');
    const token = await apiLogin(request, 'h3-operator', password);
    const op = apiCaller(request, token);
    const admin = await adminApi(request);
    const me = await op<{ user: { id: number } }>('auth.status', {});
    // A call of the operator's own with an overdue reason, tried once without an answer.
    const team = await admin<QueuePage>('callbacks.queue', { scope: 'team', bucket: 'overdue', limit: 5 });
    const target = team.rows[0]!;
    await admin('callbacks.assign', { taskIds: target.tasks.map((t) => t.taskId), userId: me.user.id });
    const panel = await op<Panel>('callbacks.next', { customerId: target.customerId });
    await op('callbacks.record', { taskIds: panel.reasons.map((r) => r.taskId), outcome: 'no_answer' });

    await uiLogin(page, 'h3-operator', password);
    await expect(page).toHaveURL(/#\/callbacks/);
    const mine = await op<QueuePage>('callbacks.queue', { scope: 'mine', bucket: 'resting' });
    expect(mine.counts!.resting).toBeGreaterThan(0);
    const restingTab = page.locator('.cb-bucket-resting');
    await expect(restingTab).toContainText(`稍后重拨${mine.counts!.resting}`);
    await restingTab.click();
    const row = page.getByRole('row').filter({ hasText: target.customerName });
    await expect(row).toContainText('稍后重拨');
    await expect(page.locator('.cb-queue-footer')).toContainText(
      `${mine.counts!.resting} 个任务，共 ${mine.total} 位客户`,
    );
    await shotBoth(page, 'h3-resting-tab');

    // Under 已逾期 it is gone, and nothing under 即将到期 says it is overdue.
    await page.locator('.cb-bucket-overdue').click();
    await expect(page.getByRole('row').filter({ hasText: target.customerName })).toHaveCount(0);
    await page.locator('.cb-bucket-upcoming').click();
    await expect(page.locator('.cb-table-box .cb-overdue')).toHaveCount(0);
    await page.locator('.cb-bucket-all').click();
    await expect(page.getByRole('row').filter({ hasText: target.customerName })).toContainText('稍后重拨');
    await shotBoth(page, 'h3-mine-all');
  });

  test('the complaint handler has no 回访 in the menu and a friendly page at its address', async ({
    page,
    request,
  }) => {
    const password = await ensureUser(request, 'h3-complaints', 'complaint_handler', '投诉专员小吴');
    await uiLogin(page, 'h3-complaints', password);
    // Complaint handlers start their day on the tickets.
    await expect(page).toHaveURL(/#\/complaints/);
    await expect(menu(page).getByRole('menuitem', { name: '回访' })).toHaveCount(0);
    await expect(menu(page).getByRole('menuitem', { name: '投诉' })).toBeVisible();
    await page.goto('/#/callbacks');
    await expect(page.getByText('您没有使用“回访”的权限')).toBeVisible();
    await shotBoth(page, 'h3-no-access');
    await page.getByRole('button', { name: '回到“投诉”' }).click();
    await expect(page).toHaveURL(/#\/complaints/);
  });

  test('the manager’s report shows done in the period beside due in it', async ({ page, request }) => {
    // The operator works three overdue calls: done today, due days ago.
    const password = await ensureUser(request, 'h3-operator', 'callback_operator', '回访专员小周');
    const op = apiCaller(request, await apiLogin(request, 'h3-operator', password));
    let done = 0;
    for (let i = 0; i < 3; i++) {
      const panel = await op<Panel>('callbacks.next', {});
      await op('callbacks.record', { taskIds: panel.reasons.map((r) => r.taskId), outcome: 'reached' });
      done += panel.reasons.length;
    }
    expect(done).toBeGreaterThan(0);
    await uiLogin(page);
    await expect(page).toHaveURL(/#\/customers/);
    await page.goto('/#/callbacks?tab=team');
    await expect(page.getByTestId('callback-pool')).toContainText('现在可拨', { timeout: 60_000 });
    await shotBoth(page, 'h3-team-queue');
    await page.getByRole('tab', { name: '工作量' }).click();
    await expect(page.getByRole('columnheader', { name: '期内到期的任务' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: '期内完成' }).first()).toBeVisible();
    const operatorRow = page.getByRole('row').filter({ hasText: '回访专员小周' });
    // 人员, 角色, 已分配, 逾期, 期内完成…: the fifth cell.
    await expect(operatorRow.getByRole('cell').nth(4)).toHaveText(String(done));
    await shotBoth(page, 'h3-report');
  });
});
