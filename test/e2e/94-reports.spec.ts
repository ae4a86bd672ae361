import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { vinCheckDigit } from '../../electron/common/vin';
import { adminApi, apiCaller, apiLogin, ensureDemoData, ensureUser, shotBoth, uiLogin } from './e2e-helpers';
import { screenshotDir } from './e2e-env';

// 月度报表 (issue 14): the manager lands on the dashboard, opens last month's pack, exports it as XLSX, closes
// the month (and closes it again with a reason), sees a later correction marked in the live-vs-frozen view, and
// the print view becomes an A4 PDF: page numbers, repeated table headers, a landscape page, CJK fonts embedded.

interface Pack {
  structure: { bySeries: { rows: { label: string }[] } };
}

function previousMonth(today: string): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

function makeVin(serial: number): string {
  const raw = `LSVCD2BX0RN${String(serial).padStart(6, '0')}`;
  return raw.slice(0, 8) + vinCheckDigit(raw) + raw.slice(9);
}

test('a manager reads, exports, closes and prints the monthly pack', async ({ page, request }) => {
  await ensureDemoData(request);
  const password = await ensureUser(request, 'e2e-rp-manager', 'manager', '报表经理');
  const manager = apiCaller(request, await apiLogin(request, 'e2e-rp-manager', password));
  const admin = await adminApi(request);
  const { today } = await manager<{ today: string }>('reports.dashboard', {});
  const month = previousMonth(today);

  // The manager's start page is the dashboard.
  await page.setViewportSize({ width: 1440, height: 900 });
  await uiLogin(page, 'e2e-rp-manager', password);
  await expect(page).toHaveURL(/#\/reports$/);
  await expect(page.getByText('今日回访进度')).toBeVisible();
  await expect(page.getByText('未结投诉（按剩余时限）')).toBeVisible();
  await expect(page.locator('.rp-live-chart svg').first()).toBeVisible();
  await shotBoth(page, '94-dashboard');

  // The pack opens on last month, in the order.
  await page.getByRole('radiogroup', { name: '报表栏目' }).getByText('月度报表').click();
  await expect(page.getByRole('heading', { name: '一、关键指标（KPI）' })).toBeVisible();
  await expect(page.getByLabel('月份')).toHaveValue(month);
  const headings = await page.locator('.rp-section h2').allTextContents();
  expect(headings).toEqual([
    '一、关键指标（KPI）',
    '二、客户回访',
    '三、投诉处理',
    '四、客户活动',
    '五、基盘客户结构情况',
    '六、基盘客户分级',
  ]);
  // A KPI without data says so (the demo has no satisfaction surveys), and last year's grades are not closed.
  await expect(page.locator('.rp-kpis tbody tr').first()).toContainText('暂无数据');
  await expect(page.getByText(/\d+% 的客户贡献了 \d+% 的产值/)).toBeVisible();
  await expect(page.locator('.rp-spark svg')).toHaveCount(11);
  await shotBoth(page, '94-pack');

  // XLSX: a download, one sheet per table.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出 Excel' }).click(),
  ]);
  const xlsx = path.join(screenshotDir, '94-pack.xlsx');
  await download.saveAs(xlsx);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^月度报表-${month}-\\d{8}\\.xlsx$`));
  expect(fs.statSync(xlsx).size).toBeGreaterThan(5_000);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsx);
  const sheets = book.worksheets.map((s) => s.name);
  for (const name of ['KPI指标', '回访-按类型', '回访-按专员', '投诉-按类别', '活动'])
    expect(sheets).toContain(name);
  expect(sheets.length).toBeGreaterThanOrEqual(12);

  // 月结: the first closing freezes the pack; closing again needs a reason.
  const closedBefore = await manager<{ rows: { month: string; revision: number }[] }>(
    'reports.closedMonths',
    {},
  );
  const revisionBefore = closedBefore.rows.find((r) => r.month === month)?.revision ?? 0;
  await page.getByRole('button', { name: revisionBefore ? '重新月结' : '月结' }).click();
  let modal = page.getByRole('dialog');
  if (revisionBefore) await modal.getByLabel('原因').fill('e2e：上次运行留下的月结');
  await modal.getByRole('button', { name: '确认月结' }).click();
  await expect(page.getByText(`${month} 已月结（第 ${revisionBefore + 1} 版）`)).toBeVisible();
  await expect(page.getByText(new RegExp(`月结第 ${revisionBefore + 1} 版：报表经理`))).toBeVisible();

  await page.getByRole('button', { name: '重新月结' }).click();
  modal = page.getByRole('dialog');
  await modal.getByRole('button', { name: '确认月结' }).click();
  await expect(modal.getByText('重新月结需要填写原因')).toBeVisible();
  await modal.getByLabel('原因').fill('补录了上月的维修工单');
  await modal.getByRole('button', { name: '确认月结' }).click();
  await expect(page.getByText(`${month} 已月结（第 ${revisionBefore + 2} 版）`)).toBeVisible();

  // A visit recorded afterwards for last month changes the live figures, not the frozen ones.
  const stamp = Date.now() % 1_000_000;
  const customer = await admin<{ id: number }>('customers.create', {
    name: '报表测试客户',
    mobile: `139${String(stamp).padStart(8, '0')}`,
    district: '惠城区',
  });
  const vehicle = await admin<{ id: number }>('vehicles.create', {
    customerId: customer.id,
    fields: {
      vin: makeVin(stamp),
      plate: `粤L${String(stamp % 100_000).padStart(5, '0')}`,
      brand: '上汽大众',
      series: '朗逸',
      model: '2025款 1.5L 舒适版',
    },
  });
  await admin('visits.create', {
    vehicleId: vehicle.id,
    visitDate: `${month}-15`,
    type: 'maintenance',
    mileageKm: 8_000,
    amountFen: 123_400,
  });
  await page.getByRole('radiogroup', { name: '报表栏目' }).getByText('月结').click();
  const row = page.locator('.ant-table-row').filter({ hasText: month });
  await expect(row).toContainText('补录了上月的维修工单');
  await row.getByRole('button', { name: '对比' }).click();
  await expect(page.getByText(/共 \d+ 处差异/)).toBeVisible();
  await expect(page.locator('.rp-diff').first()).toBeVisible();
  await expect(page.locator('.rp-diff[data-path="structure.byVisits.total.customers"]')).toBeVisible();
  await shotBoth(page, '94-compare');

  // Print view → A4 PDF through Chromium, as the browser prints it.
  await page.goto(`/#/print/reports?month=${month}&frozen=1`);
  await expect(page.locator('.rp-print-doc[data-ready]')).toBeVisible();
  await shotBoth(page, '94-print-screen');
  const pdf = path.join(screenshotDir, '94-pack.pdf');
  const started = Date.now();
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const pdfMs = Date.now() - started;
  console.log(`94: PDF of the pack in ${pdfMs} ms, ${fs.statSync(pdf).size} bytes`);
  expect(pdfMs).toBeLessThan(5_000);

  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  // pdftotext drops the spaces between CJK characters and digits; compare without any whitespace.
  const pages = text
    .split('\f')
    .map((p) => p.replace(/\s+/g, ''))
    .filter((p) => p !== '');
  expect(pages.length).toBeGreaterThan(1);
  expect(pages[0]).toContain('第1页共');
  pages.forEach((p, i) => {
    expect(p).toContain(`第${i + 1}页共${pages.length}页`);
    expect(p).toContain(`月度报表${month}`);
  });
  // Tables that run over a page break carry their header again: the structure tables' header is on 2+ pages,
  // and every page holding a row of the series table also holds that header.
  const frozen = await manager<{ pack: Pack }>('reports.snapshot', { month });
  expect(frozen.pack.structure.bySeries.rows.length).toBeGreaterThan(20);
  const header = '客户数量总进厂台次总产值（万元）';
  expect(pages.filter((p) => p.includes(header)).length).toBeGreaterThanOrEqual(2);
  const seriesFirst = pages.findIndex((p) => p.includes('按车系'));
  const seriesLast = pages.findIndex((p) => p.includes('按保修状态'));
  expect(seriesLast).toBeGreaterThan(seriesFirst);
  for (const p of pages.slice(seriesFirst, seriesLast + 1)) expect(p).toContain(header);

  const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages.length), pdf]).toString();
  expect(info).toMatch(/Page\s+\d+ size:\s+841\.\d+ x 594\.\d+/); // the events table's landscape page
  expect(info).toMatch(/Page\s+1 size:\s+594\.\d+ x 841\.\d+/);
  // Chromium embeds the CJK glyphs (as Type 3 from the .ttc collection): every font listed is embedded.
  const fonts = execFileSync('pdffonts', [pdf]).toString().trim().split('\n').slice(2);
  expect(fonts.length).toBeGreaterThan(0);
  for (const f of fonts) expect(f.split(/\s+/).slice(-5, -4)[0]).toBe('yes');

  for (const f of fs.readdirSync(screenshotDir))
    if (/^94-pdf-\d+\.png$/.test(f)) fs.rmSync(path.join(screenshotDir, f));
  execFileSync('pdftoppm', ['-r', '60', '-png', pdf, path.join(screenshotDir, '94-pdf')]);
  const pngs = fs.readdirSync(screenshotDir).filter((f) => /^94-pdf-\d+\.png$/.test(f));
  expect(pngs.length).toBe(pages.length);

  // Printing from the toolbar is logged.
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await page.getByRole('button', { name: '打印' }).click();
  await expect
    .poll(async () => {
      const log = await admin<{ rows: { action: string; entityId: string | null }[] }>('audit.list', {
        filters: { actions: ['print'] },
      });
      return log.rows.some((r) => r.entityId === month);
    })
    .toBe(true);
});
