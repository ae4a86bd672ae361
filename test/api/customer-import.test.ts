import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportProgress } from '../../electron/contract/imports';
import { regenerateCallbacksForCustomer } from '../../electron/domain/callbacks/regenerate-for-customer';
import { runInWorker } from '../../electron/domain/imports/import-jobs';
import { readXlsx } from '../../electron/domain/imports/read-xlsx';
import { withoutElementPrefixes } from '../../electron/domain/imports/xlsx-xml';
import { cellText } from '../../electron/domain/imports/cell-text';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';
import { existingInDb, fixtureVin, fixtureVins } from '../fixtures/imports/make-fixtures';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/imports');
const now = new Date('2026-11-22T01:00:00Z');
const fixture = (name: string) => ({
  fileName: name,
  contentBase64: fs.readFileSync(path.join(fixtures, name)).toString('base64'),
});
const csv = (name: string, text: string) => ({
  fileName: name,
  contentBase64: Buffer.from(text, 'utf8').toString('base64'),
});

/**
 * Every table except the import log itself, the audit log and the report facts' change log (the import and its
 * revert are both appended there) and the AUTOINCREMENT counters, rows sorted: "the database".
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

describe('customer import', () => {
  let app: TestApp;
  let token: string;
  let wangWu: number;
  let zhaoLiu: number;
  let existingVehicle: number;

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

  beforeAll(async () => {
    app = await createTestApp({ clock: () => now });
    token = await app.userWithRole('front_desk');
    wangWu = (
      await app.ok(
        'customers.create',
        { name: existingInDb.name, mobile: existingInDb.mobile, district: '惠城区' },
        token,
      )
    ).id;
    zhaoLiu = (
      await app.ok('customers.create', { name: existingInDb.vehicleOwner, mobile: '13100131000' }, token)
    ).id;
    const db = app.core.db.$client;
    existingVehicle = Number(
      db
        .prepare(
          `insert into vehicles (vin, vin_reversed, plate, brand, series, mileage_km, owner_id, delivery_date)
           values (?, ?, '粤L00001', '大众', '朗逸', 20000, ?, '2022-01-01')`,
        )
        .run(existingInDb.vin, [...existingInDb.vin].reverse().join(''), zhaoLiu).lastInsertRowid,
    );
    db.prepare(
      "insert into vehicle_ownerships (vehicle_id, customer_id, from_date) values (?, ?, '2022-01-01')",
    ).run(existingVehicle, zhaoLiu);
    // A car added the way the app adds cars: the call-back rules see it at once.
    regenerateCallbacksForCustomer({ db: app.core.db, clock: () => now, user: null, token: null }, zhaoLiu);
  });
  afterAll(() => app.close());

  it('reads the messy workbook: header under a merged title, trailing blank columns, row by row verdicts', async () => {
    const before = dump(app);
    const p = await app.ok('imports.preview', fixture('customers-messy.xlsx'), token);
    expect(dump(app)).toEqual(before);
    expect(p).toMatchObject({ format: 'xlsx', sheetName: '客户资料', headerRow: 3 });
    expect(p.columns.map((c) => c.column)).toEqual('ABCDEFGHIJKLMNO'.split(''));
    expect(p.unknownHeaders).toEqual(['序号', '客户等级']);
    expect(p.counts).toEqual({
      rows: 12,
      create: 5,
      update: 3,
      skip: 4,
      withErrors: 3,
      withWarnings: 3,
      blankRows: 1,
    });

    expect(rowOf(p, 4)).toMatchObject({ action: 'create', errors: [], warnings: [] });
    expect(rowOf(p, 4).summary).toContain('张三');
    expect(rowOf(p, 5)).toMatchObject({ action: 'create', errors: [] });
    expect(rowOf(p, 7).action).toBe('skip');
    expect(rowOf(p, 7).errors).toEqual(['手机号码无效：“1380013800”（应为 11 位大陆手机号，以 1 开头）']);
    expect(rowOf(p, 8).action).toBe('skip');
    expect(rowOf(p, 8).errors[0]).toMatch(/^车架号（VIN）“.+”无效：校验位错误，应为 \w$/);
    expect(rowOf(p, 9)).toMatchObject({ action: 'create', errors: [], warnings: [] });
    expect(rowOf(p, 10).action).toBe('create');
    expect(rowOf(p, 10).warnings[0]).toContain('无法识别的日期“去年五月”');
    expect(rowOf(p, 11)).toMatchObject({ action: 'update', sameAsRow: 4, matchedCustomerId: null });
    expect(rowOf(p, 12)).toMatchObject({ action: 'skip', warnings: ['车架号与第 4 行重复，本行已跳过'] });
    expect(rowOf(p, 13)).toMatchObject({ action: 'update', matchedCustomerId: wangWu });
    expect(rowOf(p, 13).summary).toContain('地址、区县');
    expect(rowOf(p, 14)).toMatchObject({ action: 'update', matchedCustomerId: zhaoLiu });
    expect(rowOf(p, 14).summary).toContain('行驶里程');
    expect(rowOf(p, 15)).toMatchObject({ action: 'create', errors: [] });
    expect(rowOf(p, 16)).toMatchObject({ action: 'skip', errors: ['缺少客户姓名，无法新建客户'] });
  });

  it('reads the same cell values exceljs does', async () => {
    const buf = fs.readFileSync(path.join(fixtures, 'customers-messy.xlsx'));
    const ours = readXlsx(buf, { maxRows: 100 })[0]!.rows();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);
    const theirs: { rowNumber: number; cells: string[] }[] = [];
    wb.worksheets[0]!.eachRow((row, rowNumber) => {
      const cells = Array.from(row.values as unknown[])
        .slice(1)
        .map((v) => {
          if (v && typeof v === 'object' && !(v instanceof Date)) return '';
          return cellText((v ?? null) as string | number | Date | null);
        });
      theirs.push({ rowNumber, cells });
    });
    const trim = (cells: string[]) => {
      const out = [...cells];
      while (out.length && out[out.length - 1] === '') out.pop();
      return out;
    };
    const norm = (rows: { rowNumber: number; cells: string[] }[]) =>
      rows.map((r) => ({ rowNumber: r.rowNumber, cells: trim(r.cells) })).filter((r) => r.cells.length);
    // exceljs repeats a merged title into every merged cell; compare the rows below it.
    expect(
      norm(ours.map((r) => ({ rowNumber: r.rowNumber, cells: r.cells.map(cellText) }))).slice(1),
    ).toEqual(norm(theirs).slice(1));
    expect(ours[0]!.cells[0]).toBe('惠州市某某丰田4S店 保有客户信息表（2026年11月）');
  });

  let batchId: number;
  let beforeApply: Record<string, string[]>;
  let tasksCreatedByImport = 0;

  it('applies the valid rows in a worker and reports progress, skipping and listing the bad ones', async () => {
    beforeApply = dump(app);
    const progress = await apply(fixture('customers-messy.xlsx'));
    expect(progress.error).toBeNull();
    expect(progress).toMatchObject({ phase: 'done' });
    const result = progress.result!;
    batchId = result.batchId;
    expect(result.created).toEqual({ customers: 5, vehicles: 6 });
    expect(result.updated).toEqual({ customers: 1, vehicles: 1 });
    expect(result.skippedRows.map((r) => r.rowNumber)).toEqual([7, 8, 12, 16]);
    expect(result.skippedRows[0]!.reasons[0]).toContain('手机号码无效');
    tasksCreatedByImport = dump(app).callback_tasks!.length - beforeApply.callback_tasks!.length;

    const db = app.core.db.$client;
    const zhang = db
      .prepare(
        'select id, name_pinyin, name_initials, mobile_tail, stage, birthday, last_visit_at, source_channel from customers where mobile = ?',
      )
      .get('13800138000') as Record<string, unknown>;
    expect(zhang).toMatchObject({
      name_pinyin: 'zhangsan',
      name_initials: 'zs',
      mobile_tail: '8000',
      stage: 'owner',
      birthday: '1985-03-02',
      last_visit_at: null,
      source_channel: 'other',
    });
    const cars = db
      .prepare(
        'select vin, vin_reversed, plate, series, delivery_date, mileage_km from vehicles where owner_id = ? order by vin',
      )
      .all(zhang.id) as Record<string, unknown>[];
    expect(cars).toEqual([
      {
        vin: fixtureVins.zhangSan,
        vin_reversed: [...fixtureVins.zhangSan].reverse().join(''),
        plate: '粤L12345',
        series: '凯美瑞',
        delivery_date: '2023-05-01',
        mileage_km: 12345,
      },
      {
        vin: fixtureVins.zhangSanSecond,
        vin_reversed: [...fixtureVins.zhangSanSecond].reverse().join(''),
        plate: '粤L22222',
        series: '汉兰达',
        delivery_date: '2024-01-15',
        mileage_km: null,
      },
    ]);
    expect(
      db.prepare('select count(*) as n from vehicle_ownerships where customer_id = ?').get(zhang.id),
    ).toEqual({ n: 2 });
    expect(db.prepare('select mobile, stage from customers where name = ?').get('李四')).toEqual({
      mobile: '13900139001',
      stage: 'owner',
    });
    expect(
      db
        .prepare('select delivery_date, energy, mileage_km from vehicles where vin = ?')
        .get(fixtureVins.zhou),
    ).toEqual({
      delivery_date: '2023-05-01',
      energy: 'electric',
      mileage_km: 3000,
    });
    expect(db.prepare('select delivery_date from vehicles where vin = ?').get(fixtureVins.wu)).toEqual({
      delivery_date: null,
    });
    expect(db.prepare('select gender, birthday from customers where name = ?').get('郑九')).toEqual({
      gender: 'female',
      birthday: '1990-12-01',
    });
    expect(db.prepare('select address, district, version from customers where id = ?').get(wangWu)).toEqual({
      address: '惠东县平山街道',
      district: '惠东县',
      version: 2,
    });
    expect(
      db
        .prepare('select mileage_km, mileage_at, owner_id, version from vehicles where id = ?')
        .get(existingVehicle),
    ).toEqual({
      mileage_km: 25000,
      mileage_at: '2026-11-22',
      owner_id: zhaoLiu,
      version: 2,
    });
    // Name search finds the imported customers (grams kept by triggers).
    expect(db.prepare("select count(*) as n from customer_name_grams where gram = '郑九'").get()).toEqual({
      n: 1,
    });

    const list = await app.ok('imports.list', {}, token);
    expect(list.rows[0]).toMatchObject({
      id: batchId,
      fileName: 'customers-messy.xlsx',
      status: 'applied',
      rowCount: 12,
      createdCount: 5,
      updatedCount: 3,
      skippedCount: 4,
      importedBy: '测试front_desk',
    });
  });

  it('importing the same file again creates nothing new', async () => {
    const p = await app.ok('imports.preview', fixture('customers-messy.xlsx'), token);
    expect(p.counts.create).toBe(0);
    expect(rowOf(p, 4)).toMatchObject({ action: 'skip' });
    expect(rowOf(p, 4).summary).toContain('与系统中的资料一致');
  });

  it('refuses to revert while later data depends on the import or it was edited since, changing nothing', async () => {
    const db = app.core.db.$client;
    const zhang = db.prepare('select id from customers where mobile = ?').get('13800138000') as {
      id: number;
    };
    const car = db.prepare('select id from vehicles where owner_id = ? limit 1').get(zhang.id) as {
      id: number;
    };
    const visit = db
      .prepare(
        "insert into service_visits (vehicle_id, customer_id, visit_date, type, mileage_km) values (?, ?, '2026-11-20', 'maintenance', 15000)",
      )
      .run(car.id, zhang.id).lastInsertRowid;
    const before = dump(app);
    const refused = await app.call('imports.revert', { batchId }, token);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    if (!refused.ok) expect(refused.error.message).toContain('进站记录');
    expect(dump(app)).toEqual(before);
    db.prepare('delete from service_visits where id = ?').run(visit);

    const wang = await app.ok('customers.get', { id: wangWu }, token);
    await app.ok(
      'customers.update',
      { id: wangWu, version: wang.version, fields: { name: wang.name, mobile: wang.mobile, notes: '改过' } },
      token,
    );
    const edited = await app.call('imports.revert', { batchId }, token);
    expect(edited).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    if (!edited.ok) expect(edited.error.message).toContain('又被修改过');
    expect(db.prepare('select status from import_batches where id = ?').get(batchId)).toEqual({
      status: 'applied',
    });
  });

  it('reverts: the database is exactly as before the import', async () => {
    // Undo the edit that blocked the revert in the previous test by restoring the imported version of the card.
    const db = app.core.db.$client;
    db.prepare('update customers set notes = null, version = 2 where id = ?').run(wangWu);
    const result = await app.ok('imports.revert', { batchId }, token);
    expect(result).toEqual({
      batchId,
      // The tasks the call-back rules generated for the imported cars and customers go with them.
      removed: { customers: 5, vehicles: 6, callbackTasks: tasksCreatedByImport },
      restored: { customers: 1, vehicles: 1 },
    });
    const after = dump(app);
    // The session table is excluded; updated_at of the restored rows is restored too.
    expect(after).toEqual(beforeApply);
    expect((await app.ok('imports.list', {}, token)).rows[0]).toMatchObject({
      id: batchId,
      status: 'reverted',
      revertedBy: '测试front_desk',
    });
    expect(await app.call('imports.revert', { batchId }, token)).toMatchObject({
      ok: false,
      error: { kind: 'conflict', message: '该批次已经撤销过了' },
    });
  });

  it('rolls back entirely when the database refuses a row mid-way', async () => {
    const db = app.core.db.$client;
    db.exec(`create trigger refuse_zheng before insert on vehicles when new.vin = '${fixtureVins.zheng}'
             begin select raise(abort, 'refused by test'); end`);
    try {
      const before = dump(app);
      const batches = db.prepare('select count(*) as n from import_batches').get();
      const progress = await apply(fixture('customers-messy.xlsx'));
      expect(progress.phase).toBe('failed');
      expect(progress.error).toMatchObject({ kind: 'conflict', details: { rowNumber: 15 } });
      expect(progress.error!.message).toContain('第 15 行');
      expect(progress.error!.message).toContain('数据未作任何修改');
      expect(dump(app)).toEqual(before);
      expect(db.prepare('select count(*) as n from import_batches').get()).toEqual(batches);
    } finally {
      db.exec('drop trigger refuse_zheng');
    }
  });

  it('a corrupt workbook is a validation error and changes nothing', async () => {
    const before = dump(app);
    const preview = await app.call('imports.preview', fixture('corrupt.xlsx'), token);
    expect(preview).toMatchObject({ ok: false, error: { kind: 'validation' } });
    if (!preview.ok) expect(preview.error.message).toContain('无法读取该 Excel 文件');
    const progress = await apply(fixture('corrupt.xlsx'));
    expect(progress).toMatchObject({ phase: 'failed', error: { kind: 'validation' } });
    const legacy = await app.call(
      'imports.preview',
      {
        fileName: 'old.xls',
        contentBase64: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]).toString('base64'),
      },
      token,
    );
    expect(legacy).toMatchObject({ ok: false, error: { kind: 'validation' } });
    if (!legacy.ok) expect(legacy.error.message).toContain('.xls');
    expect(dump(app)).toEqual(before);
  });

  it('decodes a GBK CSV and imports it', async () => {
    const p = await app.ok('imports.preview', fixture('customers-gbk.csv'), token);
    expect(p).toMatchObject({ format: 'csv', encoding: 'gb18030', headerRow: 1, unknownHeaders: [] });
    expect(p.rows.map((r) => r.action)).toEqual(['create', 'create', 'create']);
    expect(p.rows[0]!.summary).toContain('欧阳娜娜');
    const progress = await apply(fixture('customers-gbk.csv'));
    expect(progress.phase).toBe('done');
    const db = app.core.db.$client;
    expect(
      db.prepare('select name, notes, stage from customers where mobile = ?').get('13912345678'),
    ).toEqual({
      name: '欧阳娜娜',
      notes: '老客户，喜欢周末到店',
      stage: 'owner',
    });
    expect(db.prepare('select name, stage from customers where mobile = ?').get('13912345679')).toEqual({
      name: '司马光',
      stage: 'owner',
    });
    expect(
      db
        .prepare('select plate from vehicles where vin = (select vin from vehicles order by id desc limit 1)')
        .get(),
    ).toEqual({ plate: '粤LB5678' });
    expect(db.prepare('select stage from customers where name = ?').get('诸葛亮')).toEqual({ stage: 'lead' });
  });

  it('reads quoted CSV fields and lets the user map or ignore unknown headers', async () => {
    const p = await app.ok('imports.preview', fixture('customers-utf8-bom.csv'), token);
    expect(p).toMatchObject({
      encoding: 'utf-8',
      unknownHeaders: ['销售顾问'],
      counts: { rows: 3, blankRows: 1 },
    });
    expect(p.rows.map((r) => [r.rowNumber, r.action, r.sameAsRow])).toEqual([
      [2, 'create', null],
      [3, 'create', null],
      [5, 'skip', 2],
    ]);
    const ignored = await app.ok(
      'imports.preview',
      { ...fixture('customers-utf8-bom.csv'), mapping: { 销售顾问: 'ignore' } },
      token,
    );
    expect(ignored.unknownHeaders).toEqual([]);
    expect(ignored.columns.find((c) => c.header === '销售顾问')).toMatchObject({
      field: null,
      source: 'ignored',
    });
    expect((await apply(fixture('customers-utf8-bom.csv'))).phase).toBe('done');
    const db = app.core.db.$client;
    expect(db.prepare('select address, notes from customers where mobile = ?').get('13811112222')).toEqual({
      address: '惠城区演达大道8号,3栋2单元',
      notes: '说"下月再来"',
    });
    expect(db.prepare('select notes from customers where mobile = ?').get('13811113333')).toEqual({
      notes: '第一行\n第二行',
    });

    // A sheet whose headings the dictionary does not know: no header row until the user maps them.
    const odd = csv('odd.csv', '车主名字,电话号,VIN码\n马六,13822223333,\n');
    const unmapped = await app.call('imports.preview', odd, token);
    expect(unmapped).toMatchObject({ ok: false, error: { kind: 'validation' } });
    if (!unmapped.ok) {
      expect(unmapped.error.message).toContain('第 1 行像是列名');
      // The likeliest header row comes along, so the user can map its columns without a header to go on.
      expect(unmapped.error.details).toEqual({
        headerGuess: {
          sheetName: null,
          rowNumber: 1,
          columns: [
            { column: 'A', header: '车主名字' },
            { column: 'B', header: '电话号' },
            { column: 'C', header: 'VIN码' },
          ],
        },
      });
    }
    // 电话号 alone, with the VIN码 the dictionary knows, makes two: the header is found.
    const oneMapped = await app.call('imports.preview', { ...odd, mapping: { 电话号: 'mobile' } }, token);
    expect(oneMapped).toMatchObject({ ok: true, data: { headerRow: 1 } });
    const mapped = await app.ok(
      'imports.preview',
      { ...odd, mapping: { 车主名字: 'name', 电话号: 'mobile' } },
      token,
    );
    expect(mapped.columns).toEqual([
      { column: 'A', header: '车主名字', field: 'name', source: 'mapping' },
      { column: 'B', header: '电话号', field: 'mobile', source: 'mapping' },
      { column: 'C', header: 'VIN码', field: 'vin', source: 'dictionary' },
    ]);
    expect(mapped.rows[0]).toMatchObject({ action: 'create', errors: [] });
  });

  it('flags a mobile and VIN that belong to different customers, a resold car, and a changed number', async () => {
    const text = [
      '姓名,手机,车架号',
      `王五,${existingInDb.mobile},${existingInDb.vin}`,
      `新车主,13866667777,${existingInDb.vin}`,
      `${existingInDb.vehicleOwner},13155556666,${existingInDb.vin}`,
    ].join('\n');
    const p = await app.ok('imports.preview', csv('conflict.csv', text), token);
    expect(p.rows[0]!.action).toBe('skip');
    expect(p.rows[0]!.errors[0]).toContain('车架号却登记在');
    expect(p.rows[1]!.errors[0]).toContain('可能已过户');
    // Same owner by VIN and name, new number: the old one is kept as the spare.
    expect(p.rows[2]).toMatchObject({ action: 'update', matchedCustomerId: zhaoLiu, errors: [] });
    expect(p.rows[2]!.warnings).toEqual([
      '手机号与系统中不同：改为 131****6666，原号码 131****1000 保留为备用手机',
    ]);
  });

  it('reads dates in every accepted shape and refuses a day that does not exist', async () => {
    const dates = [
      '2023-05-01',
      '2023/5/1',
      '2023.5.1',
      '2023年5月1日',
      '２０２３－０５－０１',
      '45047',
      '20230501',
      '2023-05-01 10:30:00',
    ];
    const lines = dates.map((d, i) => `客户${i},1380000${String(1000 + i)},${d}`);
    const p = await app.ok(
      'imports.preview',
      csv('dates.csv', `姓名,手机,生日\n${lines.join('\n')}\n坏日期,13800002000,2023-02-30\n`),
      token,
    );
    expect(p.rows.slice(0, dates.length).map((r) => r.warnings)).toEqual(dates.map(() => []));
    expect(p.rows[dates.length]!).toMatchObject({
      action: 'skip',
      errors: ['生日“2023-02-30”不是真实存在的日期'],
    });
  });

  it('previews in a worker thread with the same result as in main', async () => {
    const ctx = { db: app.core.db, clock: () => now, user: null, token: null };
    const input = { ...fixture('customers-messy.xlsx'), mapping: {} };
    const inWorker = await runInWorker<ImportPreview>(ctx, 'preview', input);
    const inMain = await app.ok('imports.preview', input, token);
    expect(inWorker).toEqual(inMain);
  });

  it('gives an existing owner another car: nothing else changes, but the call-back rules see the delivery', async () => {
    const vin = fixtureVin('LFMAP22C7N000099');
    const text = `姓名,手机,车架号,品牌,车系,交车日期\n王五,${existingInDb.mobile},${vin},丰田,卡罗拉,2026-11-19\n`;
    app.core.db.$client.prepare("update customers set stage = 'owner' where id = ?").run(wangWu);
    const p = await app.ok('imports.preview', csv('new-car.csv', text), token);
    expect(p.rows[0]).toMatchObject({ action: 'update', matchedCustomerId: wangWu });
    expect(p.rows[0]!.summary).toContain('新增车辆');
    expect((await apply(csv('new-car.csv', text))).phase).toBe('done');
    const db = app.core.db.$client;
    expect(db.prepare('select stage from customers where id = ?').get(wangWu)).toEqual({ stage: 'owner' });
    const car = db.prepare('select id, owner_id as ownerId from vehicles where vin = ?').get(vin) as {
      id: number;
      ownerId: number;
    };
    expect(car.ownerId).toBe(wangWu);
    expect(
      db
        .prepare(
          "select count(*) as n from callback_tasks where vehicle_id = ? and rule_code = 'delivery_3d'",
        )
        .get(car.id),
    ).toEqual({ n: 1 });
  });

  it('reads sheet XML written with element prefixes (<x:row>)', () => {
    const xml =
      '<x:worksheet xmlns:x="s"><x:sheetData><x:row r="2"><x:c r="B2"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    expect(withoutElementPrefixes(xml)).toBe(
      '<worksheet xmlns:x="s"><sheetData><row r="2"><c r="B2"><v>1</v></c></row></sheetData></worksheet>',
    );
  });

  it('refuses files it cannot read and unknown jobs', async () => {
    const bin = await app.call(
      'imports.preview',
      {
        fileName: 'photo.png',
        contentBase64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]).toString('base64'),
      },
      token,
    );
    expect(bin).toMatchObject({
      ok: false,
      error: {
        kind: 'validation',
        message: '无法识别的文件格式：请上传 Excel（.xlsx、.xls）或 CSV 文件',
      },
    });
    expect(await app.call('imports.progress', { jobId: 'nope' }, token)).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
    const gbk = iconv.encode('姓名,手机\n张三,13800138000\n', 'gbk');
    const p = await app.ok(
      'imports.preview',
      { fileName: 'x.txt', contentBase64: gbk.toString('base64') },
      token,
    );
    expect(p.encoding).toBe('gb18030');
  });
});
