import { expect, test } from '@playwright/test';
import { vinCheckDigit } from '../../electron/common/vin';
import { apiCaller, apiLogin, ensureDemoData, ensureUser, shotBoth, uiLogin } from './e2e-helpers';

// 维修工单导入: the front desk picks 维修工单 in the import wizard, uploads a small DMS export, sees the dry run's
// row errors (unknown VIN, future date, negative amount, a repeated order), imports the good orders and finds
// the visit on the customer's card.

function makeVin(serial: number): string {
  const raw = `LSGKB54H0R${String(serial).padStart(7, '0')}`;
  return raw.slice(0, 8) + vinCheckDigit(raw) + raw.slice(9);
}

/** The store's date (Asia/Shanghai) `offset` days from now, as the server counts it. */
function storeDay(offset: number): string {
  const d = new Date(Date.now() + offset * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
}

test('repair-order import: choose the kind, see the dry run errors, apply, the visit is on the card', async ({
  page,
  request,
}) => {
  await ensureDemoData(request);
  const password = await ensureUser(request, 'e2e_ro_desk', 'front_desk', '前台梁晓');
  const desk = apiCaller(request, await apiLogin(request, 'e2e_ro_desk', password));
  const stamp = Date.now() % 1_000_000;
  const customer = await desk<{ id: number }>('customers.create', {
    name: '欧阳建华',
    mobile: `1398${String(stamp).padStart(6, '0')}${stamp % 10}`,
  });
  const vin = makeVin(stamp);
  const plate = `粤L${String(stamp % 100_000).padStart(5, '0')}`;
  await desk('vehicles.create', {
    customerId: customer.id,
    fields: { vin, plate, brand: '别克', series: '君越', deliveryDate: storeDay(-400), mileageKm: 12_000 },
  });
  const ro = `E2E${stamp}`;
  const csv = [
    '工单号,车架号,车牌号,进厂日期,结算日期,进厂里程,维修类型,工时费,材料费,结算金额,服务顾问,维修项目',
    `${ro}-1,${vin},${plate},${storeDay(-3)},${storeDay(-2)},18500,定期保养,180,420.5,600.5,周顾问,更换机油机滤`,
    `${ro}-2,${makeVin(stamp + 1)},,${storeDay(-3)},${storeDay(-3)},9000,维修,100,0,100,周顾问,`,
    `${ro}-3,${vin},,${storeDay(5)},${storeDay(5)},18600,维修,100,0,100,周顾问,`,
    `${ro}-4,${vin},,${storeDay(-1)},${storeDay(-1)},18550,维修,-80,0,-80,周顾问,`,
    `${ro}-1,${vin},,${storeDay(-3)},${storeDay(-2)},18500,定期保养,180,420.5,600.5,周顾问,`,
    '合计,,,,,,,,,,,',
  ].join('\n');

  await uiLogin(page, 'e2e_ro_desk', password);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('menuitem', { name: '数据维护' }).click();
  await expect(page).toHaveURL(/#\/data-care\/import/);

  await test.step('the wizard reads repair orders once 维修工单 is chosen', async () => {
    await page.getByText('维修工单', { exact: true }).click();
    await expect(page.getByText(/每行一张维修工单/)).toBeVisible();
    await shotBoth(page, '96-ro-import-file');
  });

  await test.step('the dry run lists each bad row with its reason', async () => {
    await page.locator('input[type="file"]').setInputFiles({
      name: 'dms-ro.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    const count = (key: string) => page.locator(`[data-count="${key}"] .import-count-value`);
    await expect(count('rows')).toHaveText('5');
    await expect(count('create')).toHaveText('1');
    await expect(count('withErrors')).toHaveText('4');
    const rows = page.locator('.import-rows');
    await expect(rows).toContainText('系统中没有车架号为');
    await expect(rows).toContainText(`晚于今天（${storeDay(0)}）`);
    await expect(rows).toContainText('结算金额“-80”为负数');
    await expect(rows).toContainText(`工单号 ${ro}-1 与第 2 行重复`);
    await expect(page.locator('.import-mapping')).toContainText('工单号');
    await shotBoth(page, '96-ro-import-preview');
  });

  await test.step('apply writes the one good order', async () => {
    await page.getByRole('button', { name: '开始导入（1 行）' }).click();
    await expect(page.locator('.import-outcome-title')).toHaveText('导入完成');
    await expect(page.getByText(/新增进站记录 1 条/)).toBeVisible();
    await shotBoth(page, '96-ro-import-result');
  });

  await test.step('the visit is on the customer card', async () => {
    await page.goto(`/#/customers/${customer.id}`);
    const visit = page.locator('.tl-item.is-visit').filter({ hasText: `工单号 ${ro}-1` });
    await expect(visit).toHaveCount(1);
    await expect(visit).toContainText('600.50');
    await shotBoth(page, '96-ro-import-card');
  });
});
