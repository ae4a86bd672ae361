import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { existingInDb, fixtureVin } from '../fixtures/imports/make-fixtures';
import { adminPassword, repoRoot } from './e2e-env';
import type { ApiCaller } from './e2e-helpers';
import { apiCaller, apiLogin, ensureDemoData, shot, uiLogin } from './e2e-helpers';

const messyWorkbook = path.join(repoRoot, 'test/fixtures/imports/customers-messy.xlsx');

async function login(page: Page, username: string, password: string): Promise<void> {
  await uiLogin(page, username, password);
  await expect(page.getByRole('heading', { name: '客户', exact: true })).toBeVisible();
}

/** The API as a script sees it: Bearer token, envelope unwrapped, failures fail the test. */
async function apiAs(request: APIRequestContext, username: string, password: string): Promise<ApiCaller> {
  return apiCaller(request, await apiLogin(request, username, password));
}

/** A mobile number no demo card has: the demo numbers never repeat, and this one is new on every run. */
function freshMobile(): string {
  return `199${String(Date.now()).slice(-8)}`;
}

const customerTotal = async (page: Page): Promise<number> => {
  const text = await page.getByText(/^共 [\d,]+ 位客户$/).textContent();
  return Number((text ?? '').replace(/[^\d]/g, ''));
};

test.describe('data care', () => {
  // The demo dealership first: duplicates to merge, and a list long enough to export.
  test.beforeEach(async ({ request }) => {
    await ensureDemoData(request);
  });

  test('import a workbook with errors: preview, apply with progress, revert from history', async ({
    page,
    request,
  }) => {
    const call = await apiAs(request, 'admin', adminPassword);
    // The customers the fixture's update rows expect: 王五 by mobile, 赵六 by the VIN of his car.
    await call('customers.create', {
      name: existingInDb.name,
      mobile: existingInDb.mobile,
      district: '惠城区',
    });
    const zhao = await call<{ id: number }>('customers.create', {
      name: existingInDb.vehicleOwner,
      mobile: '13100131000',
    });
    await call('vehicles.create', {
      customerId: zhao.id,
      fields: {
        vin: existingInDb.vin,
        plate: '粤L00001',
        brand: '大众',
        series: '朗逸',
        mileageKm: 20000,
        deliveryDate: '2022-01-01',
      },
    });

    await login(page, 'admin', adminPassword);

    await test.step('数据维护 opens the import wizard', async () => {
      await page.getByRole('menuitem', { name: '数据维护' }).click();
      await expect(page).toHaveURL(/#\/data-care\/import/);
      await expect(page.getByRole('heading', { name: '数据维护' })).toBeVisible();
      await expect(page.getByText('点击选择文件，或将文件拖到此处')).toBeVisible();
      await shot(page, '30-import-file');
    });

    await test.step('a file without known headings: map the likely header row by hand', async () => {
      await page.locator('input[type="file"]').setInputFiles({
        name: 'odd-headers.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('车主名字,电话号,来店说明\n马六,13822223333,老客户介绍\n', 'utf8'),
      });
      const guess = page.getByTestId('import-header-guess');
      await expect(guess).toContainText('第 1 行可能是列名');
      await expect(page.getByText(/没有认出表头：第 1 行像是列名/)).toBeVisible();
      await shot(page, '30-import-header-guess');
      // Typed to filter: the dropdown is a virtual list, and an option scrolled out of it cannot be clicked.
      const nameColumn = guess.getByLabel('第 A 列“车主名字”对应的字段');
      await nameColumn.click();
      await nameColumn.pressSequentially('客户姓名');
      await page
        .locator('.ant-select-item-option:visible')
        .filter({ hasText: /^客户姓名$/ })
        .click();
      // One column is not yet enough: the guess stays, keeping the first choice.
      await expect(guess.locator('.import-mapping-item.is-mapping')).toContainText('车主名字');
      const phoneColumn = guess.getByLabel('第 B 列“电话号”对应的字段');
      await phoneColumn.click();
      await phoneColumn.pressSequentially('手机');
      await page
        .locator('.ant-select-item-option:visible')
        .filter({ hasText: /^手机$/ })
        .click();
      await expect(page.getByText(/odd-headers\.csv/)).toBeVisible();
      await expect(page.getByRole('group', { name: '预览统计' })).toBeVisible();
      await page.getByRole('button', { name: '重新选择文件' }).click();
    });

    await test.step('the dry run shows the mapping, the counts and each row’s Chinese errors', async () => {
      await page.locator('input[type="file"]').setInputFiles(messyWorkbook);
      const counts = page.getByRole('group', { name: '预览统计' });
      await expect(counts).toBeVisible();
      const count = (key: string) => counts.locator(`[data-count="${key}"] .import-count-value`);
      await expect(count('rows')).toHaveText('12');
      await expect(count('create')).toHaveText('5');
      await expect(count('update')).toHaveText('3');
      await expect(count('skip')).toHaveText('4');
      await expect(count('withErrors')).toHaveText('3');
      await expect(count('withWarnings')).toHaveText('3');
      await expect(page.getByText('customers-messy.xlsx')).toBeVisible();
      await expect(page.getByText(/工作表“客户资料” · 表头在第 3 行/)).toBeVisible();
      await expect(page.getByText(/有 2 列表头无法识别：“序号”、“客户等级”/)).toBeVisible();
      await expect(
        page.getByText('手机号码无效：“1380013800”（应为 11 位大陆手机号，以 1 开头）'),
      ).toBeVisible();
      await expect(page.getByText('缺少客户姓名，无法新建客户')).toBeVisible();
      await expect(page.getByRole('button', { name: '开始导入（8 行）' })).toBeEnabled();
      await shot(page, '30-import-preview');
    });

    await test.step('mapping an unknown column checks the file again', async () => {
      await page.getByLabel('第 O 列“客户等级”对应的字段').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '忽略此列' }).click();
      await expect(page.getByText(/有 1 列表头无法识别：“序号”/)).toBeVisible();
      await expect(page.locator('.import-mapping-item.is-ignored')).toContainText('客户等级');
    });

    await test.step('filtering to the rows with problems', async () => {
      const problems = page.getByText(/^有问题 \d+$/);
      const withProblems = Number(((await problems.textContent()) ?? '').replace(/\D/g, ''));
      expect(withProblems).toBeGreaterThanOrEqual(3);
      await problems.click();
      const rows = page.locator('.import-rows tbody tr.ant-table-row');
      await expect(rows).toHaveCount(withProblems);
      await expect(rows.filter({ hasText: '缺少客户姓名' })).toHaveCount(1);
      await page.getByText('全部 12').click();
      await expect(rows).toHaveCount(12);
    });

    await test.step('the import runs with a progress bar to the end and lists the skipped rows', async () => {
      await page.getByRole('button', { name: '开始导入（8 行）' }).click();
      const bar = page.getByRole('progressbar', { name: '导入进度' });
      await expect(bar).toHaveAttribute('aria-valuenow', '100', { timeout: 60_000 });
      await expect(page.locator('.import-outcome-title')).toHaveText('导入完成');
      await expect(
        page.getByText('新建客户 5 位、车辆 6 辆；更新客户 1 位、车辆 1 辆；跳过 4 行'),
      ).toBeVisible();
      const skipped = page.locator('.import-skipped tbody tr.ant-table-row');
      await expect(skipped).toHaveCount(4);
      await expect(skipped.nth(0)).toContainText('手机号码无效');
      await expect(skipped.nth(3)).toContainText('16');
      await shot(page, '30-import-result');
    });

    await test.step('the import is in the history and is reverted from there', async () => {
      await page.getByRole('button', { name: '查看导入记录' }).click();
      const row = page.getByRole('row').filter({ hasText: 'customers-messy.xlsx' }).first();
      await expect(row).toContainText('已导入');
      await row.getByRole('button', { name: '撤销导入' }).click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: '撤销导入' }).click();
      await expect(
        page.getByText(/已撤销导入：删除客户 5 位、车辆 6 辆，恢复客户 1 位、车辆 1 辆/),
      ).toBeVisible();
      await expect(row).toContainText('已撤销');
      await expect(row.getByRole('button', { name: '撤销导入' })).toHaveCount(0);
      await shot(page, '30-import-history');
    });
  });

  test('duplicate scan, merge with comparison, unmerge with a forced undo', async ({ page, request }) => {
    const call = await apiAs(request, 'admin', adminPassword);
    const mobile = freshMobile();
    // The same person entered twice: the app warns but allows it, which is how duplicates arise.
    const first = await call<{ id: number }>('customers.create', {
      name: '林晓峰',
      mobile,
      district: '惠城区',
      birthday: '1988-06-06',
    });
    const second = await call<{ id: number }>('customers.create', {
      name: '林小峰',
      mobile,
      address: '惠阳区淡水街道 8 号',
    });
    await call('vehicles.create', {
      customerId: second.id,
      fields: { vin: fixtureVin('LSVAU218N2183294'), plate: '粤L3D2E1', brand: '大众', series: '帕萨特' },
    });
    // Two weaker look-alikes, so the scan shows its other reasons beside the shared mobile.
    const lastDigit = (n: number) => `${mobile.slice(0, 10)}${(Number(mobile.slice(10)) + n) % 10}`;
    await call('customers.create', { name: '王晓明', mobile: lastDigit(1) });
    await call('customers.create', { name: '王小明', mobile: lastDigit(2) });
    await call('customers.create', {
      name: '欧阳秀英',
      mobile: `188${mobile.slice(3)}`,
      birthday: '1975-03-08',
    });
    await call('customers.create', {
      name: '欧阳秀英',
      mobile: `177${mobile.slice(3)}`,
      birthday: '1975-03-08',
    });

    await login(page, 'admin', adminPassword);
    const before = await customerTotal(page);

    await test.step('the scan lists the pair with its reason', async () => {
      await page.getByRole('menuitem', { name: '数据维护' }).click();
      await page.getByText('查重合并', { exact: true }).click();
      await expect(page).toHaveURL(/#\/data-care\/duplicates/);
      await expect(page.getByRole('tab', { name: '疑似重复' })).toBeVisible();
      const pair = page.getByRole('row').filter({ hasText: '林晓峰' }).filter({ hasText: '林小峰' });
      // Strongest evidence first: a shared mobile outranks what the demo data holds.
      await expect(pair).toBeVisible();
      await expect(pair).toContainText('手机号相同');
      await expect(pair).toContainText(/手机号 \d{3}\*{4}\d{4} 相同/);
      await expect(
        page.getByText(/^共 [\d,]+ 对疑似重复 · 扫描于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      ).toBeVisible();
      await shot(page, '30-duplicates');
      await page.getByLabel('按原因筛选').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '手机号相同' }).click();
      await page.keyboard.press('Escape');
      await expect(pair).toBeVisible();
      await expect(page.locator('.pairs-table tbody tr.ant-table-row')).not.toHaveCount(0);
    });

    await test.step('合并 compares both cards side by side and tells what moves', async () => {
      const pair = page.getByRole('row').filter({ hasText: '林晓峰' }).filter({ hasText: '林小峰' });
      await pair.getByRole('button', { name: '合并' }).click();
      const dialog = page.getByRole('dialog', { name: '合并客户' });
      await expect(dialog.getByText('粤L·3D2E1 帕萨特')).toBeVisible();
      await expect(dialog.getByRole('radio', { name: '保留此客户' }).first()).toBeChecked();
      await expect(dialog.getByText(/保留 林晓峰（编号 \d+）。林小峰（编号 \d+）的车辆 1 辆/)).toBeVisible();
      await dialog.getByPlaceholder('例如：同一人重复建档').fill('同一人重复建档');
      await shot(page, '30-merge-modal');
      await dialog.getByRole('button', { name: '确认合并' }).click();
      await expect(page.getByText('已合并：林小峰 并入 林晓峰')).toBeVisible();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('row').filter({ hasText: '林小峰' })).toHaveCount(0);
    });

    await test.step('the merged card is gone from the customer list', async () => {
      await page.getByRole('menuitem', { name: '客户' }).click();
      await expect.poll(() => customerTotal(page)).toBe(before - 1);
    });

    await test.step('an edit after the merge makes the undo ask before discarding it', async () => {
      const card = await call<{ version: number; name: string; mobile: string }>('customers.get', {
        id: first.id,
      });
      await call('customers.update', {
        id: first.id,
        version: card.version,
        fields: { name: card.name, mobile: card.mobile, notes: '合并后补充的备注' },
      });
      await page.goto('/#/data-care/duplicates');
      await page.getByRole('tab', { name: '合并记录' }).click();
      const row = page.getByRole('row').filter({ hasText: '林晓峰' }).filter({ hasText: '林小峰' }).first();
      await expect(row).toContainText('同一人重复建档');
      await expect(row).toContainText('已合并');
      await row.getByRole('button', { name: '撤销合并' }).click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: '撤销合并' }).click();
      const conflict = page.getByRole('dialog').filter({ hasText: '合并之后有记录被修改过' });
      await expect(conflict).toContainText('客户 林晓峰 的资料');
      await expect(conflict).toContainText('强制撤销会丢弃这些在合并之后所做的修改');
      await shot(page, '30-unmerge-conflict');
      await conflict.getByRole('button', { name: '强制撤销' }).click();
      await expect(page.getByText('已撤销合并：林晓峰 与 林小峰 已分开')).toBeVisible();
      await expect(row).toContainText('已撤销');
    });

    await test.step('both customers are back', async () => {
      const restored = await call<{ name: string; address: string | null }>('customers.get', {
        id: second.id,
      });
      expect(restored).toMatchObject({ name: '林小峰', address: '惠阳区淡水街道 8 号' });
      await page.getByRole('menuitem', { name: '客户' }).click();
      await expect.poll(() => customerTotal(page)).toBe(before);
    });
  });

  test('export downloads the list as XLSX with Chinese headers; hidden without the permission', async ({
    page,
    request,
  }, testInfo) => {
    await login(page, 'admin', adminPassword);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出' }).click();
    // The dialog says the file is masked and logged (test/e2e/72-masking.spec.ts covers the choices).
    await page.getByRole('dialog', { name: '导出客户列表' }).getByRole('button', { name: '导出' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(file);
    await expect(page.getByText(/^已导出 [\d,]+ 位客户（已脱敏）$/)).toBeVisible();
    await shot(page, '30-export');

    const workbook = new ExcelJS.Workbook();
    const bytes = fs.readFileSync(file);
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(['客户编号', '姓名', '手机', '区县', '阶段', '最近进站']));
    expect(sheet.rowCount).toBeGreaterThan(100);

    // The file follows the list's filters: only VIPs when the list shows only VIPs.
    await page.goto('/#/customers?stage=vip&sort=name&dir=asc');
    // Rows: the header, the customers, and the footer naming who exported the file.
    await expect.poll(() => customerTotal(page)).toBeLessThan(sheet.rowCount - 2);
    const vips = await customerTotal(page);
    expect(vips).toBeGreaterThan(0);
    const filtered = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出' }).click();
    await page.getByRole('dialog', { name: '导出客户列表' }).getByRole('button', { name: '导出' }).click();
    const vipFile = testInfo.outputPath(`vip-${(await filtered).suggestedFilename()}`);
    await (await filtered).saveAs(vipFile);
    const vipBytes = fs.readFileSync(vipFile);
    const vipBook = new ExcelJS.Workbook();
    await vipBook.xlsx.load(
      vipBytes.buffer.slice(vipBytes.byteOffset, vipBytes.byteOffset + vipBytes.byteLength) as ArrayBuffer,
    );
    const vipSheet = vipBook.worksheets[0]!;
    expect(vipSheet.rowCount - 2).toBe(vips);
    expect(String(vipSheet.getRow(vipSheet.rowCount).getCell(1).value)).toMatch(/^由 .+ 导出（已脱敏）$/);
    const stageColumn = headers.indexOf('阶段') + 1;
    for (let r = 2; r < vipSheet.rowCount; r++)
      expect(vipSheet.getRow(r).getCell(stageColumn).value).toBe('VIP');

    // Front desk may import and merge but not export (PIPL): no button, and 数据维护 is there.
    const call = await apiAs(request, 'admin', adminPassword);
    const username = `dc${String(Date.now()).slice(-8)}`;
    await call('users.create', {
      username,
      displayName: '数据前台',
      role: 'front_desk',
      password: 'Front-desk-30',
    });
    await page.getByRole('button', { name: /系统管理员/ }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await login(page, username, 'Front-desk-30');
    await expect(page.getByRole('button', { name: '新建客户' })).toBeVisible();
    await expect(page.getByRole('button', { name: '导出' })).toHaveCount(0);
    await expect(page.getByRole('menuitem', { name: '数据维护' })).toBeVisible();
  });
});
