import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { vinCheckDigit } from '../../electron/common/vin';
import { databaseFileName } from '../../electron/server/data-dir';
import type { ApiCaller } from './e2e-helpers';
import { adminApi, apiCaller, apiLogin, ensureDemoData, ensureUser, shotBoth, uiLogin } from './e2e-helpers';

/** A valid VIN of our own (GB 16735 check digit), new on every run. */
function freshVin(run: string): string {
  const draft = `LSVAM4187R${run.padStart(7, '0')}`.slice(0, 17);
  return `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const masked = (mobile: string) => `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;

/** The app's own audit rows, read from its database file (read-only) beside the server. */
function auditRows(action: string, customerId: number): { username: string; detail: string | null }[] {
  const file = path.join(process.env.DEALER_E2E_DATA_DIR!, databaseFileName);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('select username, detail from audit_log where action = ? and customer_id = ? order by id')
      .all(action, customerId) as { username: string; detail: string | null }[];
  } finally {
    db.close();
  }
}

async function logout(page: Page, displayName: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(displayName) }).click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await expect(page.getByLabel('用户名', { exact: true })).toBeVisible();
}

test('masking: the operator sees masked numbers and reveals one during a call; the manager exports masked', async ({
  page,
  request,
}, testInfo) => {
  await ensureDemoData(request);
  const admin = await adminApi(request);
  const run = String(Date.now()).slice(-7);
  const mobile = `199${run}${run.slice(-1)}`;
  const mobile2 = `188${run}${run.slice(0, 1)}`;
  const name = `隐私测试${run.slice(-3)}`;
  const { today } = await admin<{ today: string }>('callbacks.queue', { scope: 'team', limit: 1 });

  // A customer delivered three days ago: the 3-day call is due today.
  const customer = await admin<{ id: number }>('customers.create', {
    name,
    gender: 'female',
    mobile,
    mobile2,
    wechat: `wx_mask_${run}`,
    address: '广东省惠州市惠城区江北三新南路18号2栋501',
    district: '惠城区',
  });
  await admin('vehicles.create', {
    customerId: customer.id,
    fields: {
      vin: freshVin(run),
      plate: `粤LM${run.slice(-4)}`,
      brand: '大众',
      series: '帕萨特',
      deliveryDate: addDays(today, -3),
      mileageKm: 300,
    },
  });
  await admin('callbacks.generate', {});
  const operatorName = `mask-op-${run}`;
  const password = await ensureUser(request, operatorName, 'callback_operator', '回访专员小林');
  const op: ApiCaller = apiCaller(request, await apiLogin(request, operatorName, password));
  const me = await op<{ id: number }>('auth.me', {});
  const team = await admin<{ rows: { customerId: number; tasks: { taskId: number }[] }[] }>(
    'callbacks.queue',
    {
      scope: 'team',
      limit: 200,
    },
  );
  const ours = team.rows.find((r) => r.customerId === customer.id);
  expect(ours, 'the new customer has a call due').toBeTruthy();
  await admin('callbacks.assign', { taskIds: ours!.tasks.map((t) => t.taskId), userId: me.id });

  await uiLogin(page, operatorName, password);
  const panel = page.getByRole('region', { name: '回访通话' });

  await test.step('the queue row shows the mobile masked; the full number is not on the page', async () => {
    await page.goto('/#/callbacks');
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row).toBeVisible();
    await expect(row).toContainText(masked(mobile));
    await expect(page.locator('body')).not.toContainText(mobile);
    await shotBoth(page, '72-queue-masked');
  });

  await test.step('the call screen shows both numbers masked; 查看 reveals one at once, the call being the reason', async () => {
    await page.getByRole('row').filter({ hasText: name }).getByRole('button', { name: '拨打' }).click();
    await expect(panel).toBeVisible();
    await expect(panel.locator('.cb-call-head')).toContainText(masked(mobile));
    await expect(panel).toContainText(masked(mobile2));
    await expect(panel).not.toContainText(mobile);
    await shotBoth(page, '72-call-masked');

    const before = auditRows('personal.revealed', customer.id).length;
    await panel.locator('.cb-call-head').getByRole('button', { name: '查看完整手机号码' }).click();
    // No reason asked for: the call is the reason.
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(panel.locator('.cb-call-head')).toContainText(mobile);
    // The second mobile stays masked until asked for.
    await expect(panel).toContainText(masked(mobile2));
    await shotBoth(page, '72-call-revealed');
    const rows = auditRows('personal.revealed', customer.id);
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)!.username).toBe(operatorName);
    expect(JSON.parse(rows.at(-1)!.detail!)).toMatchObject({
      field: 'mobile',
      reason: expect.stringMatching(/^回访任务 #\d+/),
    });
  });

  await test.step('the reveal lasts for that view: after a reload the number is masked again', async () => {
    await page.reload();
    await expect(panel).toBeVisible();
    await expect(panel.locator('.cb-call-head')).toContainText(masked(mobile));
    await expect(panel).not.toContainText(mobile);
  });

  await test.step('on the card, 查看 asks for a reason first', async () => {
    await page.goto(`/#/customers/${customer.id}`);
    const profile = page.locator('.card-section').filter({ hasText: '身份证' }).first();
    await expect(profile).toContainText(masked(mobile));
    await expect(profile).toContainText('广东省惠州市惠城区江北三新南路***');
    await profile.getByRole('button', { name: '查看完整详细地址' }).click();
    const dialog = page.getByRole('dialog', { name: '查看完整详细地址' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: '查看' }).click();
    await expect(dialog.getByText('请填写查看原因（至少 2 个字）')).toBeVisible();
    await dialog.getByText('核对资料准确性').click();
    await shotBoth(page, '72-card-reveal-reason');
    await dialog.getByRole('button', { name: '查看' }).click();
    await expect(dialog).toBeHidden();
    await expect(profile).toContainText('江北三新南路18号2栋501');
    expect(JSON.parse(auditRows('personal.revealed', customer.id).at(-1)!.detail!)).toMatchObject({
      field: 'address',
      reason: '核对资料准确性',
    });
    await shotBoth(page, '72-card-revealed');
    // Opening the card is logged once for the hour, however often it is opened.
    await page.reload();
    await expect(profile).toContainText(masked(mobile));
    expect(auditRows('customer.viewed', customer.id).filter((r) => r.username === operatorName)).toHaveLength(
      1,
    );
  });

  await test.step('the manager exports the list masked, with the exporter named in the file', async () => {
    await op('callbacks.release', { taskIds: ours!.tasks.map((t) => t.taskId) });
    await logout(page, '回访专员小林');
    const managerName = `mask-mgr-${run}`;
    const managerPassword = await ensureUser(request, managerName, 'manager', '客服经理老陈');
    await uiLogin(page, managerName, managerPassword);
    await page.goto(`/#/customers?q=${encodeURIComponent(name)}`);
    await expect(page.getByRole('row').filter({ hasText: name })).toBeVisible();
    await page.getByRole('button', { name: '导出' }).click();
    const dialog = page.getByRole('dialog', { name: '导出客户列表' });
    await expect(dialog).toContainText('将脱敏显示');
    // personal.reveal is not enough to take a file home unmasked.
    await expect(dialog.getByText('导出完整信息（不脱敏）')).toHaveCount(0);
    await shotBoth(page, '72-export-dialog-manager');
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: '导出' }).click();
    const download = await downloading;
    await expect(page.getByText('已导出 1 位客户（已脱敏）')).toBeVisible();
    const file = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(file);
    const bytes = fs.readFileSync(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    const sheet = book.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const cell = (header: string) => sheet.getRow(2).getCell(headers.indexOf(header) + 1).value;
    expect(cell('姓名')).toBe(name);
    expect(cell('手机')).toBe(masked(mobile));
    expect(cell('备用手机')).toBe(masked(mobile2));
    expect(cell('地址')).toBe('广东省惠州市惠城区江北三新南路***');
    expect(String(cell('微信'))).toMatch(/^wx\*{4}/);
    expect(sheet.getRow(3).getCell(1).value).toMatch(
      new RegExp(`^由 客服经理老陈（${managerName}） 于 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} 导出（已脱敏）$`),
    );
    expect(fs.readFileSync(file).includes(Buffer.from(mobile))).toBe(false);
  });

  await test.step('the administrator may export unmasked, with a reason', async () => {
    await logout(page, '客服经理老陈');
    await uiLogin(page);
    await page.goto(`/#/customers?q=${encodeURIComponent(name)}`);
    await expect(page.getByRole('row').filter({ hasText: name })).toBeVisible();
    await page.getByRole('button', { name: '导出' }).click();
    const dialog = page.getByRole('dialog', { name: '导出客户列表' });
    await dialog.getByText('导出完整信息（不脱敏）').click();
    await dialog.getByRole('button', { name: '导出' }).click();
    await expect(dialog.getByText('导出未脱敏的个人信息须填写原因（至少 2 个字）')).toBeVisible();
    await dialog.getByLabel('导出原因').fill('厂家年度客户资料核对');
    await shotBoth(page, '72-export-dialog-admin');
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: '导出' }).click();
    await downloading;
    await expect(page.getByText('已导出 1 位客户（未脱敏，已记录）')).toBeVisible();
  });
});
