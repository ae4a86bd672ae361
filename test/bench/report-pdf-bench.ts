import { chromium } from '@playwright/test';
import type { BenchServer } from './api-server';
import { benchPassword } from './api-server';
import type { Row } from './stats';
import { percentiles } from './stats';

/**
 * The month's pack as the store prints it: the print view opened in Chromium (the pack fetched and drawn, charts
 * as SVG) and made into an A4 PDF with page.pdf, as the browser build and the e2e do (the desktop's printToPDF is
 * the same engine). Live and frozen (the month is closed by the reports module before this runs), three times
 * each in one browser; the figure is the whole wait a manager has, view opened to PDF bytes.
 */
export async function benchReportPdf(scale: string, server: BenchServer, month: string): Promise<Row[]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    const page = await browser.newPage({ baseURL: server.url, viewport: { width: 1440, height: 900 } });
    await page.goto('/');
    await page.getByLabel('用户名', { exact: true }).fill('admin');
    await page.getByLabel('密码', { exact: true }).fill(benchPassword);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.locator('.ant-layout-sider').waitFor();
    const rows: Row[] = [];
    for (const frozen of [false, true]) {
      const whole: number[] = [];
      const pdfOnly: number[] = [];
      let bytes = 0;
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        await page.goto(`/#/print/reports?month=${month}${frozen ? '&frozen=1' : ''}&run=${i}`);
        await page.locator('.rp-print-doc[data-ready]').waitFor({ timeout: 60_000 });
        const t1 = performance.now();
        bytes = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).length;
        const t2 = performance.now();
        whole.push(t2 - t0);
        pdfOnly.push(t2 - t1);
      }
      const kind = frozen ? 'frozen' : 'live';
      rows.push({
        scale,
        operation: `report PDF ${month} ${kind}: print view opened → A4 PDF (${Math.round(bytes / 1024)} KB)`,
        api: percentiles(whole),
        raw: null,
        target: '< 5 s',
      });
      rows.push({
        scale,
        operation: `report PDF ${month} ${kind}: page.pdf alone`,
        api: percentiles(pdfOnly),
        raw: null,
        target: '',
      });
    }
    return rows;
  } finally {
    await browser.close();
  }
}
