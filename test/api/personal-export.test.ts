import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';

// 09:00 in the store (Beijing), 01:00 UTC.
const now = new Date('2026-11-22T01:00:00Z');

async function readBack(contentBase64: string): Promise<ExcelJS.Worksheet> {
  const buf = Buffer.from(contentBase64, 'base64');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);
  return wb.worksheets[0]!;
}

/** The file's cells as text, keyed by header, for the customer rows; and the last row (the footer). */
function table(sheet: ExcelJS.Worksheet) {
  const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const rows: Record<string, string>[] = [];
  for (let r = 2; r < sheet.actualRowCount; r++) {
    const cells = (sheet.getRow(r).values as unknown[]).slice(1);
    rows.push(Object.fromEntries(headers.map((h, i) => [h, String(cells[i] ?? '')])));
  }
  const footer = String(sheet.getRow(sheet.actualRowCount).getCell(1).value);
  return { rows, footer };
}

/** PIPL exports: masked unless customers.export_unmasked and a reason; every export logged; the file names its exporter. */
describe('customer export and personal data', () => {
  let app: TestApp;
  let manager: string;
  let managerName: string;
  const exports = () =>
    app.core.db.$client
      .prepare(`select username, entity, detail from audit_log where action = 'export.customers' order by id`)
      .all() as { username: string; entity: string; detail: string }[];

  beforeAll(async () => {
    app = await createTestApp({ clock: () => now });
    manager = await app.userWithRole('manager');
    managerName = (await app.ok('auth.me', {}, manager)).username;
    for (const p of [
      {
        name: '导出甲',
        mobile: '13811110001',
        mobile2: '13922220002',
        wechat: 'wx_export_a',
        address: '广东省惠州市惠城区江北三新南路18号',
        district: '惠城区',
      },
      { name: '导出乙', mobile: '13811110003', district: '惠阳区' },
    ])
      await app.ok('customers.create', p, app.adminToken);
  });
  afterAll(() => app.close());

  it('masks every personal column for a manager, with a footer naming who and when, and logs the export', async () => {
    const before = exports().length;
    const out = await app.ok('customers.export', { sort: 'name', filters: { district: '惠城区' } }, manager);
    expect(out).toMatchObject({ rowCount: 1, masked: true });
    const sheet = await readBack(out.contentBase64);
    const { rows, footer } = table(sheet);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      姓名: '导出甲',
      手机: '138****0001',
      备用手机: '139****0002',
      微信: 'wx****a',
      地址: '广东省惠州市惠城区江北三新南路***',
    });
    expect(JSON.stringify(rows)).not.toMatch(/13811110001|wx_export_a|18号/);
    expect(footer).toBe(`由 测试manager（${managerName}） 于 2026-11-22 09:00 导出（已脱敏）`);
    // The same mark on every printed page.
    expect(sheet.headerFooter.oddFooter).toContain(footer);

    const logged = exports();
    expect(logged).toHaveLength(before + 1);
    expect(logged.at(-1)!.username).toBe(managerName);
    expect(JSON.parse(logged.at(-1)!.detail)).toMatchObject({
      rowCount: 1,
      masked: true,
      filters: { district: '惠城区' },
      sort: 'name',
      truncated: false,
    });
  });

  it('refuses an unmasked export to a manager (personal.reveal is not enough), and logs nothing', async () => {
    const before = exports().length;
    const r = await app.call('customers.export', { unmasked: true, reason: '厂家回访抽查' }, manager);
    expect(r).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(exports()).toHaveLength(before);
  });

  it('asks the administrator for a reason before an unmasked export', async () => {
    const r = await app.call('customers.export', { unmasked: true }, app.adminToken);
    expect(r).toMatchObject({
      ok: false,
      error: { kind: 'validation', details: { fields: { reason: expect.stringContaining('原因') } } },
    });
  });

  it('exports full values to the administrator with a reason, says so in the file and the log', async () => {
    const out = await app.ok(
      'customers.export',
      { sort: 'name', direction: 'asc', unmasked: true, reason: '厂家年度客户资料核对' },
      app.adminToken,
    );
    expect(out).toMatchObject({ rowCount: 2, masked: false });
    const { rows, footer } = table(await readBack(out.contentBase64));
    expect(rows.map((r) => r['手机'])).toEqual(['13811110001', '13811110003']);
    expect(rows[0]).toMatchObject({ 微信: 'wx_export_a', 地址: '广东省惠州市惠城区江北三新南路18号' });
    expect(footer).toMatch(/^由 .+（admin） 于 2026-11-22 09:00 导出（未脱敏）$/);
    expect(JSON.parse(exports().at(-1)!.detail)).toMatchObject({
      rowCount: 2,
      masked: false,
      reason: '厂家年度客户资料核对',
    });
  });

  it('exports masked by default even for the administrator', async () => {
    const out = await app.ok('customers.export', {}, app.adminToken);
    expect(out.masked).toBe(true);
    const { rows, footer } = table(await readBack(out.contentBase64));
    expect(rows.every((r) => r['手机']!.includes('****'))).toBe(true);
    expect(footer).toContain('（已脱敏）');
  });
});
