import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../electron/domain/imports/read-xlsx';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';

const now = new Date('2026-11-22T01:00:00Z');

async function readBack(contentBase64: string): Promise<ExcelJS.Worksheet> {
  const buf = Buffer.from(contentBase64, 'base64');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);
  return wb.worksheets[0]!;
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number) =>
  Array.from(sheet.getRow(n).values as unknown[])
    .slice(1)
    .map((v) => v ?? '');

describe('customer export', () => {
  let app: TestApp;
  let manager: string;

  beforeAll(async () => {
    app = await createTestApp({ clock: () => now });
    manager = await app.userWithRole('manager');
    const people = [
      { name: '张三', mobile: '13800000001', district: '惠城区', gender: 'male', birthday: '1985-03-02' },
      { name: '李四', mobile: '13800000002', district: '惠阳区', gender: 'female' },
      { name: '王五', mobile: '13800000003', district: '惠城区', sourceChannel: 'phone', stage: 'intent' },
      { name: '艾米', mobile: '13800000004', district: '惠城区', wechat: 'amy_hz', address: '江北, 1号' },
    ];
    for (const p of people) await app.ok('customers.create', p, manager);
    const db = app.core.db.$client;
    const zhang = db.prepare("select id from customers where name = '张三'").get() as { id: number };
    db.prepare(
      `insert into vehicles (vin, vin_reversed, plate, brand, series, owner_id) values
         ('LVGBE40K17MG00001', '10000GM71K04EBGVL', '粤L12345', '丰田', '凯美瑞', ?)`,
    ).run(zhang.id);
    db.prepare("update customers set last_visit_at = '2026-10-01', base_grade = 'premium' where id = ?").run(
      zhang.id,
    );
  });
  afterAll(() => app.close());

  it('writes the filtered list with Chinese headers, labels and plain dates', async () => {
    const out = await app.ok(
      'customers.export',
      { sort: 'name', direction: 'asc', filters: { district: '惠城区' } },
      manager,
    );
    expect(out).toMatchObject({
      fileName: '客户列表-20261122.xlsx',
      rowCount: 3,
      truncated: false,
      masked: true,
    });
    const sheet = await readBack(out.contentBase64);
    expect(sheet.name).toBe('客户列表');
    expect(rowValues(sheet, 1)).toEqual([
      '客户编号',
      '姓名',
      '性别',
      '手机',
      '备用手机',
      '微信',
      '区县',
      '地址',
      '生日',
      '阶段',
      '线索等级',
      '基盘等级',
      '车牌',
      '车系',
      '最近进站',
      '来源渠道',
      '建档日期',
      '联系人',
      '联系人职务',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(2).width).toBeGreaterThan(8);
    // Header, three customers and the footer naming who exported it (test/api/personal-export.test.ts).
    expect(sheet.actualRowCount).toBe(5);
    // Sorted by name pinyin: 艾米 (ai), 王五 (wang), 张三 (zhang); only 惠城区.
    const names = [2, 3, 4].map((n) => sheet.getRow(n).getCell(2).value);
    expect(names).toEqual(['艾米', '王五', '张三']);
    const zhang = rowValues(sheet, 4);
    expect(zhang.slice(1)).toEqual([
      '张三',
      '男',
      // Masked: a manager's export without customers.export_unmasked.
      '138****0001',
      '',
      '',
      '惠城区',
      '',
      '1985-03-02',
      '潜客',
      '',
      '优质',
      '粤L·12345',
      '凯美瑞',
      '2026-10-01',
      '展厅自然到店',
      '2026-11-22',
    ]);
    expect(rowValues(sheet, 3).slice(9, 10)).toEqual(['意向客户']);
    expect(rowValues(sheet, 3)[15]).toBe('电话');
    expect(rowValues(sheet, 2).slice(5, 8)).toEqual(['am****z', '惠城区', '江北, ***']);
    // The import reader reads an exported file too (inline strings, as the streaming writer stores them).
    const again = readXlsx(Buffer.from(out.contentBase64, 'base64'), { maxRows: 10 })[0]!.rows();
    expect(again.map((r) => r.cells[1])).toEqual(['姓名', '艾米', '王五', '张三', undefined]);
  });

  it('exports everyone without filters, and only for roles allowed to export', async () => {
    const all = await app.ok('customers.export', {}, manager);
    expect(all.rowCount).toBe(4);
    expect((await readBack(all.contentBase64)).actualRowCount).toBe(6);
    const frontDesk = await app.userWithRole('front_desk');
    expect(await app.call('customers.export', {}, frontDesk)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
  });
});
