import { expect, test } from '@playwright/test';
import { adminApi, ensureDemoData, shot, shotBoth, uiLogin } from './e2e-helpers';

// 审计日志: an administrator opens 个人信息 → 审计日志, narrows it to one customer's changes, reads a change
// (before → after, masked), exports it, verifies the chain; on the card, 查看记录 says who looked at it.

interface Created {
  id: number;
  version: number;
}

test('an administrator filters the audit log, reads a change and verifies the chain', async ({
  page,
  request,
}) => {
  await ensureDemoData(request);
  const api = await adminApi(request);
  // A person of this spec's own: created and edited through the API, so their rows are known.
  const mobile = `1390${String(Date.now()).slice(-7)}`;
  const c = await api<Created>('customers.create', { name: '审计测试员', mobile, district: '惠城区' });
  await api('customers.update', {
    id: c.id,
    version: c.version,
    fields: { name: '审计测试员', mobile: `1370${mobile.slice(4)}`, district: '惠阳区' },
  });
  await uiLogin(page);

  await test.step('the card shows the administrator who looked at this person', async () => {
    await page.goto(`/#/customers/${c.id}`);
    const panel = page.locator('.card-section').filter({ hasText: '查看记录' });
    await expect(panel).toBeVisible();
    await expect(panel.getByText(/人查看过/)).toBeVisible();
    // The panel closes the card's side column: scrolled into view at each size before its picture.
    for (const [width, height] of [
      [1440, 900],
      [1280, 720],
    ] as const) {
      await page.setViewportSize({ width, height });
      await panel.scrollIntoViewIfNeeded();
      await shot(page, `70-card-access-log-${width}x${height}`);
    }
    await panel.getByRole('button', { name: '明细' }).click();
    const drawer = page.getByRole('dialog', { name: /查看记录/ });
    await expect(drawer.getByText('查看客户卡片').first()).toBeVisible();
    await shotBoth(page, '70-card-access-drawer');
    await drawer.getByRole('link', { name: '在审计日志中查看全部' }).click();
    // The link opens the log on this customer.
    await expect(page.getByRole('tab', { name: '审计日志', selected: true })).toBeVisible();
    await expect(page.locator('.audit-table').getByText('审计测试员').first()).toBeVisible();
  });

  await test.step('filters to the customer’s changes and opens one: before → after, personal values masked', async () => {
    await page.getByRole('menuitem', { name: '个人信息' }).click();
    await page.getByRole('tab', { name: '审计日志' }).click();
    await expect(page.locator('.audit-table tbody tr').first()).toBeVisible();
    await shotBoth(page, '70-audit-log');

    // The list of actions is long (and virtualised): narrowed by typing, as staff do.
    const actionBox = page.getByRole('combobox', { name: '操作', exact: true });
    await actionBox.click();
    await actionBox.pressSequentially('修改客户');
    await page.locator('.ant-select-dropdown:visible').getByText('修改客户', { exact: true }).click();
    await page.keyboard.press('Escape');
    const customerBox = page.locator('.audit-filter-customer').getByRole('combobox');
    await customerBox.click();
    await customerBox.fill('审计测试员');
    await page.locator('.ant-select-dropdown:visible .picker-option').first().click();

    const rows = page.locator('.audit-table tbody tr.ant-table-row');
    await expect(rows).toHaveCount(1);
    await expect(page.getByText('共 1 条')).toBeVisible();
    await expect(rows.first()).toContainText('修改客户');
    await expect(rows.first()).toContainText('手机号码、区县');
    await rows.first().getByRole('button', { name: /展开/ }).click();
    const detail = page.locator('.audit-changes');
    await expect(detail.getByRole('row', { name: /手机号码/ })).toContainText(
      `${mobile.slice(0, 3)}****${mobile.slice(-4)}`,
    );
    await expect(detail.getByRole('row', { name: /区县/ })).toContainText('惠阳区');
    await expect(page.locator('.audit-tab')).not.toContainText(mobile);
    await shotBoth(page, '70-audit-change');
  });

  await test.step('exports what is filtered', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    expect((await download).suggestedFilename()).toMatch(/^审计日志-\d{8}\.xlsx$/);
    await expect(page.getByText('已导出 1 条记录')).toBeVisible();
  });

  await test.step('verifies the chain', async () => {
    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.getByRole('button', { name: '校验审计链' }).click();
    await expect(page.getByText(/审计链完整：已校验 [\d,]+ 条记录/)).toBeVisible();
    // The check and the export are themselves in the log.
    await expect(page.locator('.audit-table tbody tr.ant-table-row').first()).toContainText('校验审计链');
    await expect(page.locator('.audit-table').getByText('导出审计日志').first()).toBeVisible();
    await shotBoth(page, '70-audit-verified');
  });
});
