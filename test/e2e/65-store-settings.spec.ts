import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { adminApi, ensureDemoData, shotBoth, uiLogin } from './e2e-helpers';

// 门店设置 and the call screen's pickers: an administrator narrows the calling hours, and the call-back
// picker then greys out every hour outside them (the booking picker keeps to the service department's hours).

async function typeTime(page: Page, input: ReturnType<Page['locator']>, value: string): Promise<void> {
  await input.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(value);
}

/** The hours the open picker offers (its first time column, cells not greyed out), and how many it lists. */
async function openHours(page: Page): Promise<{ listed: number; open: string[] }> {
  const cells = page
    .locator('.ant-picker-dropdown:visible .ant-picker-time-panel-column')
    .first()
    .locator('li');
  const open: string[] = [];
  const all = await cells.all();
  for (const li of all) {
    if (!((await li.getAttribute('class')) ?? '').includes('disabled'))
      open.push((await li.textContent()) ?? '');
  }
  return { listed: all.length, open: open.map((h) => h.trim()).sort() };
}

test('calling hours set in 门店设置 hold in the call screen’s pickers', async ({ page, request }) => {
  await ensureDemoData(request);
  const api = await adminApi(request);
  // The queue is filled by the daily pass; run it now so there is a call to open.
  await api('callbacks.generate', {});
  const defaults = { callingHours: { start: '09:00', end: '20:00' } };
  await uiLogin(page);

  await test.step('the administrator sets calling hours 10:00–16:00 in 门店设置', async () => {
    await page.getByRole('menuitem', { name: '设置' }).click();
    await page.getByRole('tab', { name: '门店设置' }).click();
    const form = page.locator('form.store-settings');
    await expect(form.getByLabel('门店时区')).toBeVisible();
    await expect(form.getByText('Asia/Shanghai')).toBeVisible();
    await shotBoth(page, '65-store-settings');
    await typeTime(page, form.getByLabel('回访拨打时段 开始'), '10:00');
    await page.keyboard.press('Enter');
    await typeTime(page, form.getByLabel('回访拨打时段 结束'), '16:00');
    await page.keyboard.press('Enter');
    await form.getByRole('button', { name: '保存门店设置' }).click();
    await expect(page.getByText('已保存门店设置')).toBeVisible();
    const saved = await api<{ callingHours: { start: string; end: string } }>('settings.get', {});
    expect(saved.callingHours).toEqual({ start: '10:00', end: '16:00' });
  });

  try {
    await test.step('约定回电 offers only 10:00–15:55 on a later day', async () => {
      await page.getByRole('menuitem', { name: '回访' }).click();
      await page.getByRole('button', { name: /下一个电话/ }).click();
      const panel = page.getByRole('region', { name: '回访通话' });
      await expect(panel).toBeVisible();
      await panel.getByRole('button', { name: /约定回电/ }).click();
      await expect(panel.getByTestId('store-hours-hint')).toHaveText(
        '只能选择回访拨打时段（10:00–16:00）内的时间',
      );
      await panel.locator('#cb-when').click();
      const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString('sv-SE', {
        timeZone: 'Asia/Shanghai',
      });
      await page.locator(`.ant-picker-dropdown:visible td[title="${tomorrow}"]`).click();
      const hours = await openHours(page);
      expect(hours.listed).toBe(24);
      expect(hours.open).toEqual(['10', '11', '12', '13', '14', '15']);
      await shotBoth(page, '65-callback-picker');
      await page.keyboard.press('Escape');
    });

    await test.step('已预约到店 keeps to the service department’s hours', async () => {
      const panel = page.getByRole('region', { name: '回访通话' });
      await panel.getByRole('button', { name: /已预约到店/ }).click();
      await expect(panel.getByTestId('store-hours-hint')).toHaveText(
        '只能选择售后接待时段（08:30–18:00）内的时间',
      );
      await panel.locator('#cb-when').click();
      const inTwoDays = new Date(Date.now() + 2 * 86_400_000).toLocaleDateString('sv-SE', {
        timeZone: 'Asia/Shanghai',
      });
      await page.locator(`.ant-picker-dropdown:visible td[title="${inTwoDays}"]`).click();
      const hours = await openHours(page);
      expect(hours.open).toEqual(['08', '09', '10', '11', '12', '13', '14', '15', '16', '17']);
      await shotBoth(page, '65-appointment-picker');
      await page.keyboard.press('Escape');
    });
  } finally {
    await api('settings.update', defaults);
  }
});
