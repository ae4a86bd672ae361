import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportProgress } from '../../electron/contract/imports';
import { fieldForHeader } from '../../electron/domain/imports/header-dictionary';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';
import { fixtureVin } from '../fixtures/imports/make-fixtures';

const now = new Date('2026-11-22T01:00:00Z'); // 09:00 in the store: today is 2026-11-22
const vins = {
  li: fixtureVin('LVGBE40K7MR00101'),
  han: fixtureVin('LFV2A21K7MR00102'),
  unknown: fixtureVin('LSVAB6BM7NR00103'),
};
const header =
  '工单号,车架号,车牌号,进厂日期,结算日期,进厂里程,维修类型,工时费,材料费,结算金额,服务顾问,故障描述,涉及系统';
const csv = (name: string, lines: string[]) => ({
  kind: 'repair_orders' as const,
  fileName: name,
  contentBase64: Buffer.from([header, ...lines].join('\n'), 'utf8').toString('base64'),
});

/**
 * Every table but the import log, the audit log, the report facts' change log (the import and its revert are both
 * appended there) and counters, rows sorted: "the database".
 */
function dump(app: TestApp): Record<string, string[]> {
  const db = app.core.db.$client;
  const skip = new Set([
    'import_batches',
    'audit_log',
    'report_fact_changes',
    'sqlite_sequence',
    '__drizzle_migrations',
    'sessions',
  ]);
  const tables = (
    db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]
  )
    .map((t) => t.name)
    .filter((t) => !skip.has(t));
  return Object.fromEntries(
    tables.map((t) => [
      t,
      (db.prepare(`select * from "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort(),
    ]),
  );
}

describe('repair-order import', () => {
  let app: TestApp;
  let token: string;
  let li: number;
  let han: number;
  let liCar: number;
  let hanCar: number;
  /** Points from the car's delivery, before any visit. */
  let hanBase: number;
  let liBase: number;
  const sql = <T>(q: string, ...params: unknown[]) => app.core.db.$client.prepare(q).all(...params) as T[];
  const one = <T>(q: string, ...params: unknown[]) => app.core.db.$client.prepare(q).get(...params) as T;
  const rowOf = (p: ImportPreview, n: number) => {
    const row = p.rows.find((r) => r.rowNumber === n);
    if (!row) throw new Error(`no row ${n}`);
    return row;
  };
  const waitForJob = async (jobId: string): Promise<ImportProgress> => {
    for (let i = 0; i < 600; i++) {
      const p = await app.ok('imports.progress', { jobId }, token);
      if (p.phase === 'done' || p.phase === 'failed') return p;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not finish');
  };
  const apply = async (input: unknown) => waitForJob((await app.ok('imports.apply', input, token)).jobId);
  const points = (customerId: number) =>
    one<{ p: number }>(
      'select coalesce(sum(points), 0) as p from loyalty_postings where customer_id = ?',
      customerId,
    ).p;

  // Rows 2–12 of the main file: three good orders, the rest each wrong in one way.
  const mainFile = csv('ro-2026-11.csv', [
    `RO001,${vins.li},粤L12345,2026-11-21,2026-11-21,2800,首保,0,0,0,王顾问,,`,
    `RO002,,粤L67890,2026-11-20,2026-11-20,45000,定期保养,200,480.50,680.50,李顾问,,`,
    `RO003,${vins.unknown},,2026-11-01,2026-11-01,1000,维修,100,0,100,王顾问,,`,
    `RO002,${vins.han},粤L67890,2026-11-20,2026-11-20,45000,定期保养,200,480.50,680.50,李顾问,,`,
    `RO004,${vins.han},,2026-02-30,2026-03-01,41000,维修,100,0,100,王顾问,,`,
    `RO005,${vins.han},,2026-12-01,2026-12-01,46000,维修,100,0,100,王顾问,,`,
    `RO006,${vins.han},,2026-11-02,2026-11-02,44000,维修,-100,0,-100,王顾问,,`,
    `RO007,${vins.han},,2026-11-10,2026-11-05,44500,维修,100,0,100,王顾问,,`,
    `RO008,${vins.han},,2026-11-15,2026-11-18,44800,一般维修,300,1200,1500,王顾问,刹车异响,制动系统`,
    `,${vins.han},,2026-11-16,2026-11-16,44900,保养,100,0,100,王顾问,,`,
    `RO010,,粤L99999,2026-11-16,2026-11-16,44900,保养,100,0,100,王顾问,,`,
  ]);

  beforeAll(async () => {
    app = await createTestApp({ clock: () => now });
    token = await app.userWithRole('front_desk');
    li = (await app.ok('customers.create', { name: '李雷', mobile: '13900139001' }, token)).id;
    han = (await app.ok('customers.create', { name: '韩梅梅', mobile: '13900139002' }, token)).id;
    liCar = (
      await app.ok(
        'vehicles.create',
        {
          customerId: li,
          fields: {
            vin: vins.li,
            plate: '粤L12345',
            brand: '大众',
            series: '朗逸',
            deliveryDate: '2026-09-01',
          },
        },
        token,
      )
    ).id;
    hanCar = (
      await app.ok(
        'vehicles.create',
        {
          customerId: han,
          fields: {
            vin: vins.han,
            plate: '粤L67890',
            brand: '丰田',
            series: '凯美瑞',
            deliveryDate: '2025-03-01',
            mileageKm: 40000,
          },
        },
        token,
      )
    ).id;
    // Typed in at the start of the year: the imported orders are later readings.
    app.core.db.$client.prepare("update vehicles set mileage_at = '2026-01-01' where id = ?").run(hanCar);
    hanBase = points(han);
    liBase = points(li);
  });
  afterAll(() => app.close());

  it('knows the usual DMS headings, per kind of file', () => {
    expect(fieldForHeader('委托书号', 'repair_orders')).toBe('roNumber');
    expect(fieldForHeader('VIN码', 'repair_orders')).toBe('vin');
    expect(fieldForHeader('结算日期', 'repair_orders')).toBe('outDate');
    expect(fieldForHeader('出厂时间', 'repair_orders')).toBe('outDate');
    expect(fieldForHeader('进站里程', 'repair_orders')).toBe('inMileage');
    expect(fieldForHeader('材料费(元)', 'repair_orders')).toBe('partsAmount');
    expect(fieldForHeader('维修项目', 'repair_orders')).toBe('repairItems');
    // The same heading feeds the card in a customer file.
    expect(fieldForHeader('进站里程')).toBe('mileage');
    expect(fieldForHeader('工单号')).toBeNull();
  });

  it('dry run: every bad row reported with its reason, nothing written', async () => {
    const before = dump(app);
    const p = await app.ok('imports.preview', mainFile, token);
    expect(dump(app)).toEqual(before);
    expect(p.kind).toBe('repair_orders');
    expect(p.columns.map((c) => c.field)).toEqual([
      'roNumber',
      'vin',
      'plate',
      'inDate',
      'outDate',
      'inMileage',
      'serviceType',
      'laborAmount',
      'partsAmount',
      'totalAmount',
      'advisor',
      'faultText',
      'repairSystem',
    ]);
    expect(p.counts).toMatchObject({ rows: 11, create: 3, update: 0, skip: 8, withErrors: 8 });

    expect(rowOf(p, 2)).toMatchObject({ action: 'create', matchedCustomerId: li, errors: [], warnings: [] });
    expect(rowOf(p, 2).summary).toContain('首保');
    // No VIN: matched by plate, with a warning.
    expect(rowOf(p, 3)).toMatchObject({ action: 'create', matchedCustomerId: han, errors: [] });
    expect(rowOf(p, 3).warnings).toEqual([
      `没有车架号，按车牌号 粤L·67890 匹配到车辆（${vins.han}），请确认`,
    ]);
    expect(rowOf(p, 4).errors).toEqual([`系统中没有车架号为 ${vins.unknown} 的车辆，请先建立客户和车辆资料`]);
    expect(rowOf(p, 5)).toMatchObject({
      action: 'skip',
      sameAsRow: null,
      errors: ['工单号 RO002 与第 3 行重复'],
    });
    expect(rowOf(p, 6).errors).toEqual(['进厂日期“2026-02-30”不是真实存在的日期']);
    expect(rowOf(p, 7).errors).toEqual([
      '进厂日期 2026-12-01 晚于今天（2026-11-22）',
      '出厂（结算）日期 2026-12-01 晚于今天（2026-11-22）',
    ]);
    expect(rowOf(p, 8).errors).toEqual(['工时费“-100”为负数', '结算金额“-100”为负数']);
    expect(rowOf(p, 9).errors).toEqual(['出厂日期 2026-11-05 早于进厂日期 2026-11-10']);
    expect(rowOf(p, 10)).toMatchObject({ action: 'create', errors: [] });
    expect(rowOf(p, 11).errors).toEqual(['缺少工单号']);
    expect(rowOf(p, 12).errors).toEqual(['没有车架号，系统中也没有车牌号为 粤L·99999 的车辆']);
  });

  it('apply writes only the good orders, as visits with their facts, points, mileage and last visit', async () => {
    const firstMaintenance = one<{ id: number; status: string }>(
      "select id, status from callback_tasks where vehicle_id = ? and rule_code = 'first_maintenance'",
      liCar,
    );
    expect(firstMaintenance.status).toBe('open');

    const done = await apply(mainFile);
    expect(done.phase).toBe('done');
    expect(done.result).toMatchObject({
      counts: { rows: 11, create: 3, skip: 8 },
      created: { customers: 0, vehicles: 0, visits: 3 },
      updated: { customers: 2, vehicles: 2 },
    });
    expect(done.result!.skippedRows.map((r) => r.rowNumber)).toEqual([4, 5, 6, 7, 8, 9, 11, 12]);

    const visits = sql<Record<string, unknown>>(
      `select ro_number, vehicle_id, customer_id, visit_date, type, mileage_km, amount_fen, advisor, out_date,
         repair_system, fault_text, notes from service_visits order by ro_number`,
    );
    expect(visits.map((v) => v.ro_number)).toEqual(['RO001', 'RO002', 'RO008']);
    expect(visits[1]).toMatchObject({
      vehicle_id: hanCar,
      customer_id: han,
      visit_date: '2026-11-20',
      type: 'maintenance',
      mileage_km: 45000,
      amount_fen: 68050,
      advisor: '李顾问',
      out_date: null,
      repair_system: null,
    });
    expect(visits[1]!.notes).toBe('工单号 RO002，工时费 ¥200.00，材料费 ¥480.50');
    // A quality repair naming its system: a repair fact the 三包 watch counts.
    expect(visits[2]).toMatchObject({
      type: 'repair',
      out_date: '2026-11-18',
      repair_system: 'brakes',
      fault_text: '刹车异响',
      amount_fen: 150000,
    });
    const watch = (await app.ok('vehicles.get', { id: hanCar }, token)).threeGuarantee;
    expect(watch.repairs).toMatchObject([
      { system: 'brakes', inDate: '2026-11-15', outDate: '2026-11-18', days: 4 },
    ]);

    // The latest reading of each car, and each customer's last visit, moved forward.
    expect(one('select mileage_km as km, mileage_at as at from vehicles where id = ?', hanCar)).toEqual({
      km: 45000,
      at: '2026-11-20',
    });
    expect(one('select mileage_km as km, mileage_at as at from vehicles where id = ?', liCar)).toEqual({
      km: 2800,
      at: '2026-11-21',
    });
    expect(one('select last_visit_at as at from customers where id = ?', han)).toEqual({ at: '2026-11-20' });
    expect(one('select last_visit_at as at from customers where id = ?', li)).toEqual({ at: '2026-11-21' });
    // ¥10 a point by default: ¥680.50 + ¥1,500.00 → 68 + 150.
    expect(points(han) - hanBase).toBe(218);
    expect(points(li) - liBase).toBe(0);

    // Call-backs of the customers touched: the first service is done, a service CSI call is due.
    expect(
      one<{ status: string }>('select status from callback_tasks where id = ?', firstMaintenance.id).status,
    ).toBe('cancelled');
    const ro001 = one<{ id: number }>("select id from service_visits where ro_number = 'RO001'").id;
    expect(
      sql("select id from callback_tasks where rule_code = 'service_csi' and service_visit_id = ?", ro001),
    ).toHaveLength(1);

    const card = await app.ok('customers.card', { id: han }, token);
    expect(JSON.stringify(card)).toContain('RO002');
  });

  it('importing the same file again creates nothing: stored orders are reported as already imported', async () => {
    const before = dump(app);
    const p = await app.ok('imports.preview', mainFile, token);
    expect(p.counts.create).toBe(0);
    expect(rowOf(p, 2)).toMatchObject({ action: 'skip', summary: '工单已存在，跳过' });
    expect(rowOf(p, 2).warnings[0]).toMatch(/^工单号 RO001 已导入过（进站记录 #\d+），不再重复导入$/);
    const again = await apply(mainFile);
    expect(again.result).toMatchObject({ created: { visits: 0 }, counts: { create: 0 } });
    expect(dump(app)).toEqual(before);
    expect(sql('select id from service_visits')).toHaveLength(3);
  });

  it('a row the database refuses rolls the whole file back: nothing half-written', async () => {
    const db = app.core.db.$client;
    db.exec(`create trigger ro_boom before insert on service_visits when new.ro_number = 'RO-BOOM'
      begin select raise(abort, 'boom'); end`);
    try {
      const before = dump(app);
      const failed = await apply(
        csv('boom.csv', [
          `RO101,${vins.han},,2026-11-21,2026-11-21,45500,保养,100,0,100,王顾问,,`,
          `RO-BOOM,${vins.han},,2026-11-21,2026-11-21,45600,保养,100,0,100,王顾问,,`,
        ]),
      );
      expect(failed.phase).toBe('failed');
      expect(failed.error).toMatchObject({ kind: 'conflict', details: { rowNumber: 3 } });
      expect(dump(app)).toEqual(before);
    } finally {
      db.exec('drop trigger ro_boom');
    }
  });

  it('an .xlsx from the DMS: title row, totals row and full-width digits', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('维修工单');
    ws.addRow(['2026年11月 维修工单明细（某某4S店）']);
    ws.mergeCells('A1:H1');
    ws.addRow(['委托书号', 'VIN码', '进站日期', '出厂日期', '进站里程', '工单类型', '结算金额', '接待员']);
    ws.addRow([
      'ＲＯ２０１',
      vins.li,
      new Date(Date.UTC(2026, 10, 22)),
      '２０２６年１１月２２日',
      '３，１００',
      '保养',
      '￥３５０.００',
      '张顾问',
    ]);
    ws.addRow(['合计', '', '', '', '', '', 350, '']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const input = { kind: 'repair_orders', fileName: 'dms.xlsx', contentBase64: file.toString('base64') };
    const p = await app.ok('imports.preview', input, token);
    expect(p).toMatchObject({ headerRow: 2, counts: { rows: 1, create: 1, withErrors: 0 } });
    expect(rowOf(p, 3).summary).toContain('RO201');
    const done = await apply(input);
    expect(done.result?.created.visits).toBe(1);
    expect(
      one(
        "select visit_date, out_date, mileage_km, amount_fen, type from service_visits where ro_number = 'RO201'",
      ),
    ).toEqual({
      visit_date: '2026-11-22',
      out_date: null,
      mileage_km: 3100,
      amount_fen: 35000,
      type: 'maintenance',
    });
  });

  it('revert removes the visits, takes the points back, restores mileage and last visit, regenerates call-backs', async () => {
    const batches = (await app.ok('imports.list', { limit: 10 }, token)).rows;
    expect(batches.map((b) => b.kind)).toEqual(['repair_orders', 'repair_orders', 'repair_orders']);
    const [xlsxBatch, , first] = batches;
    await app.ok('imports.revert', { batchId: xlsxBatch!.id }, token);
    const firstMaintenance = one<{ id: number }>(
      "select id from callback_tasks where vehicle_id = ? and rule_code = 'first_maintenance'",
      liCar,
    );
    const reverted = await app.ok('imports.revert', { batchId: first!.id }, token);
    expect(reverted.removed).toMatchObject({ visits: 3, customers: 0, vehicles: 0 });
    expect(reverted.restored).toEqual({ customers: 2, vehicles: 2 });
    expect(sql('select id from service_visits')).toHaveLength(0);
    expect(points(han)).toBe(hanBase);
    expect(one('select mileage_km as km, mileage_at as at from vehicles where id = ?', hanCar)).toEqual({
      km: 40000,
      at: '2026-01-01',
    });
    expect(one('select mileage_km as km from vehicles where id = ?', liCar)).toEqual({ km: null });
    expect(one('select last_visit_at as at from customers where id = ?', han)).toEqual({ at: null });
    expect(sql("select id from callback_tasks where rule_code = 'service_csi'")).toHaveLength(0);
    // The first service is due again.
    expect(
      one<{ status: string }>('select status from callback_tasks where id = ?', firstMaintenance.id).status,
    ).toBe('open');
    const again = await app.call('imports.revert', { batchId: first!.id }, token);
    expect(again).toMatchObject({ ok: false, error: { kind: 'conflict' } });
  });
});
