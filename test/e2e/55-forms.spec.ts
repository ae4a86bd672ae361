import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { vinCheckDigit } from '../../electron/common/vin';
import { adminApi, apiCaller, apiLogin, ensureDemoData, ensureUser, shotBoth, uiLogin } from './e2e-helpers';

// Issue 9, forms: Enter in a date picker, a future birthday, a VIN already on file, who saved in between,
// and the call-back rules table in staff words. Run alone: E2E_PORT=5255 npx playwright test … 55-forms.

interface Detail {
  id: number;
  name: string;
  version: number;
  mobile: string | null;
}
interface Card {
  vehicles: { vin: string; priceFen: number | null; deliveryDate: string | null }[];
}

const stamp = Date.now() % 1_000_000;
const phone = (n: number) => `139${String(stamp).padStart(6, '0')}${String(n).padStart(2, '0')}`;
const vinOf = (n: number) => {
  const s = `LFV5B55K0P${String(stamp).padStart(6, '0')}${n}`;
  return `${s.slice(0, 8)}${vinCheckDigit(s)}${s.slice(9)}`;
};

const openCard = async (page: Page, customer: Detail) => {
  await page.goto(`/#/customers/${customer.id}`);
  await expect(page.getByRole('heading', { name: customer.name, exact: true })).toBeVisible();
};

test('forms speak staff words and do not save half a drawer', async ({ page, request }) => {
  await ensureDemoData(request);
  const admin = await adminApi(request);
  const colleaguePassword = await ensureUser(request, 'h2zhou', 'front_desk', '前台小周');
  const colleague = apiCaller(request, await apiLogin(request, 'h2zhou', colleaguePassword));
  const buyer = await admin<Detail>('customers.create', { name: `郑表单${stamp}`, mobile: phone(1) });
  await uiLogin(page);

  await test.step('Enter in a date picker confirms the date and leaves the drawer open', async () => {
    await openCard(page, buyer);
    await page.getByRole('button', { name: '添加车辆' }).first().click();
    const drawer = page.getByRole('dialog', { name: '添加车辆' });
    await drawer.getByLabel('VIN（车架号）').fill(vinOf(1));
    await drawer.getByLabel('品牌', { exact: true }).fill('丰田');
    await drawer.getByLabel('车系', { exact: true }).fill('凯美瑞');
    const delivery = drawer.getByLabel('交车日期', { exact: true });
    await delivery.click();
    await delivery.fill('2025-06-01');
    await delivery.press('Enter');
    await expect(delivery).toHaveValue('2025-06-01');
    // Still open, and nothing was saved: price and mileage can still be typed.
    await page.waitForTimeout(600);
    await expect(drawer).toBeVisible();
    expect((await admin<Card>('customers.card', { id: buyer.id })).vehicles).toHaveLength(0);
    await drawer.getByLabel('购车价格（元）').fill('189800');
    await shotBoth(page, '55-vehicle-drawer-after-enter');
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('已添加车辆')).toBeVisible();
    const [car] = (await admin<Card>('customers.card', { id: buyer.id })).vehicles;
    expect(car).toMatchObject({ vin: vinOf(1), deliveryDate: '2025-06-01', priceFen: 18_980_000 });
  });

  await test.step('a future birthday is refused on the field and nothing is created', async () => {
    await page.goto('/#/customers');
    await page.getByRole('button', { name: '新建客户' }).click();
    const drawer = page.getByRole('dialog', { name: '新建客户' });
    await drawer.getByLabel('姓名', { exact: true }).fill(`冯生日${stamp}`);
    await drawer.getByLabel('手机', { exact: true }).fill(phone(2));
    const birthday = drawer.getByLabel('生日', { exact: true });
    await birthday.click();
    await birthday.fill('2030-05-01');
    await birthday.press('Enter');
    await expect(drawer).toBeVisible();
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect(drawer.getByText('生日 2030-05-01 晚于今天，请检查')).toBeVisible();
    await expect(drawer).toBeVisible();
    await expect(page.getByText('已创建客户')).toHaveCount(0);
    const found = await admin<{ results: unknown[] }>('customers.search', { q: phone(2) });
    expect(found.results).toHaveLength(0);
    await shotBoth(page, '55-future-birthday');
    await drawer.getByRole('button', { name: '取消' }).click();
    await page.getByRole('button', { name: '放弃' }).click();
  });

  await test.step('a VIN on another card names its owner masked and offers the transfer', async () => {
    const seller = await admin<Detail>('customers.create', { name: '王小明', mobile: phone(3) });
    await admin('vehicles.create', {
      customerId: seller.id,
      fields: { vin: vinOf(2), plate: '粤L·E5522', brand: '本田', series: '雅阁' },
    });
    await openCard(page, buyer);
    await page.getByRole('button', { name: '添加车辆' }).first().click();
    const drawer = page.getByRole('dialog', { name: '添加车辆' });
    await drawer.getByLabel('VIN（车架号）').fill(vinOf(2).toLowerCase());
    await drawer.getByLabel('品牌', { exact: true }).fill('本田');
    await drawer.getByLabel('车系', { exact: true }).fill('雅阁');
    await drawer.getByRole('button', { name: '保存' }).click();
    const masked = `王**（${phone(3).slice(0, 3)}****${phone(3).slice(7)}）`;
    const notice = drawer.getByTestId('vin-taken');
    await expect(notice).toContainText(`该车架号已登记在客户 ${masked}名下（粤L·E5522 雅阁）`);
    await expect(notice).not.toContainText('小明');
    await expect(drawer.getByRole('button', { name: '打开车主资料卡' })).toBeVisible();
    await shotBoth(page, '55-vin-taken');

    await drawer.getByRole('button', { name: `过户给${buyer.name}` }).click();
    const transfer = page.getByRole('dialog', { name: /过户：/ });
    await expect(transfer).toContainText('王**');
    await expect(
      transfer.getByRole('combobox', { name: '新车主' }).locator('..').locator('..'),
    ).toContainText(buyer.name);
    await shotBoth(page, '55-vin-transfer');
    await transfer.getByRole('button', { name: '确认过户' }).click();
    await expect(page.getByText(`已过户给 ${buyer.name}`)).toBeVisible();
    await expect(drawer).toBeHidden();
    const vins = (await admin<Card>('customers.card', { id: buyer.id })).vehicles.map((v) => v.vin);
    expect(vins).toContain(vinOf(2));
  });

  await test.step('the conflict dialog says who saved in between, and when', async () => {
    await openCard(page, buyer);
    await page.getByRole('button', { name: '编辑资料' }).click();
    const drawer = page.getByRole('dialog', { name: /编辑客户/ });
    await expect(drawer).toContainText('上次保存');
    await expect(drawer).not.toContainText('版本');
    const fresh = await colleague<Detail>('customers.get', { id: buyer.id });
    await colleague('customers.update', {
      id: buyer.id,
      version: fresh.version,
      fields: { ...fresh, district: '惠阳区' },
    });
    await drawer.getByLabel('区县', { exact: true }).fill('惠东县');
    await drawer.getByRole('button', { name: '保存' }).click();
    const conflict = page.getByRole('dialog', { name: '没有保存：这位客户的资料刚刚更新过' });
    await expect(conflict).toContainText(/前台小周 在 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 保存了这位客户的资料/);
    await expect(conflict.getByRole('row').filter({ hasText: '区县' })).toContainText('前台小周改过');
    await expect(conflict).not.toContainText(/他人|版本/);
    await shotBoth(page, '55-conflict-named');
    await conflict.getByRole('button', { name: '载入最新内容' }).click();
    await expect(drawer.getByLabel('区县', { exact: true })).toHaveValue('惠阳区');
    await shotBoth(page, '55-edit-drawer-title');
    await drawer.getByRole('button', { name: '取消' }).click();
  });

  await test.step('the call-back rules table says when a call falls due as staff say it', async () => {
    await page.goto('/#/settings');
    await page.getByRole('tab', { name: '回访规则' }).click();
    const table = page.getByRole('tabpanel', { name: '回访规则' });
    const firstService = table.getByRole('row').filter({ hasText: '首保提醒' });
    await expect(firstService).toContainText('首保到期前 7 天提醒');
    await expect(firstService).toContainText('错过后 14 天内仍补建');
    await expect(table.getByRole('row').filter({ hasText: '交车3天回访' })).toContainText('交车后 3 天回访');
    await expect(table).not.toContainText(/偏移|补建窗口/);
    await shotBoth(page, '55-callback-rules');
  });

  await test.step('an .xls from an older DMS is read, with future and impossible dates flagged', async () => {
    await page.goto('/#/data-care/import');
    await expect(page.getByText('.xls', { exact: false }).first()).toBeVisible();
    await page
      .locator('input[type="file"]')
      .setInputFiles(path.resolve(import.meta.dirname, '../fixtures/imports/customers-dms.xls'));
    const counts = page.getByRole('group', { name: '预览统计' });
    await expect(counts.locator('[data-count="rows"] .import-count-value')).toHaveText('6');
    await expect(counts.locator('[data-count="withErrors"] .import-count-value')).toHaveText('3');
    await expect(page.getByText(/工作表“客户” · 表头在第 3 行/)).toBeVisible();
    await expect(page.getByText(/交车日期 2030-01-01 晚于今天/)).toBeVisible();
    await expect(page.getByText('交车日期“2026-02-30”不是真实存在的日期')).toBeVisible();
    await shotBoth(page, '55-import-xls');
  });
});
