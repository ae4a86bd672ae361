import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../../electron/common/id-number';
import { vinCheckDigit } from '../../electron/common/vin';
import type { DuplicatePair } from '../../electron/contract/duplicates';
import { generateDemo } from '../../electron/domain/demo/generate-demo';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';

const now = new Date(2026, 10, 22, 10, 0, 0);

function vin(serial: number): string {
  const draft = `LFV2A21K0P3${String(serial).padStart(6, '0')}`;
  return draft.slice(0, 8) + vinCheckDigit(draft) + draft.slice(9);
}

function idNumber(first17: string): string {
  return first17 + idNumberCheckChar(first17);
}

describe('duplicate warnings and the duplicate scan', () => {
  let app: TestApp;
  let db: Database.Database;
  let token: string;
  const ids: Record<string, number> = {};
  const zhangVin = vin(101);
  const zhangId = idNumber('44130219850302123');

  const insertCustomer = (fields: Record<string, unknown>) => {
    const cols = Object.keys(fields);
    return Number(
      db
        .prepare(`insert into customers (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`)
        .run(...Object.values(fields)).lastInsertRowid,
    );
  };
  const insertVehicle = (v: string, plate: string, owner: number) =>
    db
      .prepare(
        `insert into vehicles (vin, vin_reversed, plate, brand, series, owner_id) values (?, ?, ?, '大众', '帕萨特', ?)`,
      )
      .run(v, [...v].reverse().join(''), plate, owner);

  beforeAll(async () => {
    app = await createTestApp({ clock: () => now });
    db = app.core.db.$client;
    generateDemo(app.core.db, { scale: 'S', seed: 5, now });
    token = await app.userWithRole('front_desk');
    const zhang = await app.ok(
      'customers.create',
      { name: '张三', mobile: '13812345678', district: '惠城区', birthday: '1985-03-02' },
      token,
    );
    ids.zhang = zhang.id;
    db.prepare('update customers set id_number = ? where id = ?').run(zhangId, zhang.id);
    insertVehicle(zhangVin, '粤L12345', zhang.id);

    // Planted pairs for the scan, one per reason, with values the demo never hands out.
    ids.phoneA = insertCustomer({
      name: '李明',
      name_pinyin: 'liming',
      mobile: '16600000001',
      mobile_tail: '0001',
    });
    ids.phoneB = insertCustomer({
      name: '黎明',
      name_pinyin: 'liming',
      mobile: '16600009999',
      mobile2: '16600000001',
      mobile_tail: '9999',
    });
    ids.idA = insertCustomer({
      name: '赵一',
      name_pinyin: 'zhaoyi',
      id_number: idNumber('44130219900101456'),
    });
    ids.idB = insertCustomer({
      name: '赵壹',
      name_pinyin: 'zhaoyi',
      id_number: idNumber('44130219900101456'),
    });
    ids.bdA = insertCustomer({ name: '欧阳修远', name_pinyin: 'ouyangxiuyuan', birthday: '1971-07-07' });
    ids.bdB = insertCustomer({ name: '欧阳修远', name_pinyin: 'ouyangxiuyuan', birthday: '1971-07-07' });
    ids.simA = insertCustomer({
      name: '王晓明',
      name_pinyin: 'wangxiaoming',
      mobile: '16612345678',
      mobile_tail: '5678',
    });
    ids.simB = insertCustomer({
      name: '王小明',
      name_pinyin: 'wangxiaoming',
      mobile: '16612345687',
      mobile_tail: '5687',
    });
    ids.plateA = insertCustomer({ name: '孙丽', name_pinyin: 'sunli' });
    ids.plateB = insertCustomer({ name: '孙莉莉', name_pinyin: 'sunlili' });
    insertVehicle(vin(201), '粤LD99999', ids.plateA);
    insertVehicle(vin(202), '粤LD99999', ids.plateB);
  });
  afterAll(() => app.close());

  const check = (input: Record<string, unknown>) => app.ok('customers.checkDuplicates', input, token);

  it('warns about a phone however it is typed: +86, spaces, full-width digits, second number', async () => {
    for (const mobile of ['+86 138-1234-5678', '１３８１２３４５６７８', '0086 13812345678']) {
      const { warnings } = await check({ name: '路人', mobile });
      expect(warnings, mobile).toEqual([
        {
          customerId: ids.zhang,
          customerName: '张三',
          reason: 'same_mobile',
          field: 'mobile',
          message: '手机号 138****5678 已属于客户 张三',
        },
      ]);
    }
    const second = await check({ mobile: '13900000000', mobile2: '13812345678' });
    expect(second.warnings).toMatchObject([
      { customerId: ids.zhang, reason: 'same_mobile', field: 'mobile2' },
    ]);
    // Somebody's second number is theirs too.
    const asMobile2 = await check({ mobile: '16600000001' });
    expect(asMobile2.warnings.map((w) => w.customerId).sort()).toEqual([ids.phoneA, ids.phoneB].sort());
  });

  it('warns about an ID number, a VIN in lower case and a plate typed with separators', async () => {
    const { warnings } = await check({
      idNumber: zhangId.toLowerCase(),
      vins: [` ${zhangVin.toLowerCase()} `],
      plates: ['粤l·12345'],
    });
    expect(warnings.map((w) => [w.reason, w.customerId, w.field])).toEqual([
      ['same_id_number', ids.zhang, 'idNumber'],
      ['same_vin', ids.zhang, 'vins'],
      ['same_plate', ids.zhang, 'plates'],
    ]);
    expect(warnings[0]!.message).toBe(`身份证号 4413**********${zhangId.slice(14)} 已属于客户 张三`);
    expect(warnings[2]!.message).toBe('车牌 粤L·12345 的车辆已登记在客户 张三 名下');
  });

  it('warns about the same name, or the same reading, with a phone one typo away', async () => {
    const oneDigit = await check({ name: '张三', mobile: '13812345679' });
    expect(oneDigit.warnings).toEqual([
      {
        customerId: ids.zhang,
        customerName: '张三',
        reason: 'similar_name_phone',
        field: 'mobile',
        message: '客户 张三 与填写的同名，其手机号 138****5678 与填写的号码只差一位数字',
      },
    ]);
    const homophone = await check({ name: '张叁', mobile: '13812345687' });
    expect(homophone.warnings).toMatchObject([{ customerId: ids.zhang, reason: 'similar_name_phone' }]);
    expect(homophone.warnings[0]!.message).toContain('姓名读音相同');
    expect(homophone.warnings[0]!.message).toContain('两位数字顺序颠倒');
    const prefix = await check({ name: '张三', mobile2: '15912345678' });
    expect(prefix.warnings).toMatchObject([{ reason: 'similar_name_phone', field: 'mobile2' }]);
    // A different name with a close phone, or the same name with an unrelated phone, is not a warning.
    expect((await check({ name: '周杰', mobile: '13812345679' })).warnings).toEqual([]);
    expect((await check({ name: '张三', mobile: '13600001111' })).warnings).toEqual([]);
  });

  it('does not warn about the card being edited, about merged cards, or about half-typed values', async () => {
    const input = {
      name: '张三',
      mobile: '13812345678',
      vins: [zhangVin],
      plates: ['粤L12345'],
      idNumber: zhangId,
    };
    expect((await check(input)).warnings).toHaveLength(4);
    expect((await check({ ...input, excludeId: ids.zhang })).warnings).toEqual([]);
    expect(
      (await check({ mobile: '1381234', vins: ['LFV2A'], plates: ['粤L1'], idNumber: '4413' })).warnings,
    ).toEqual([]);
    const twin = await app.ok('customers.create', { name: '张三', mobile: '13812345678' }, token);
    const merged = await app.ok('customers.merge', { survivorId: ids.zhang, mergedId: twin.id }, token);
    expect((await check({ ...input, excludeId: ids.zhang })).warnings).toEqual([]);
    await app.ok('customers.unmerge', { mergeId: merged.mergeId }, token);
    expect((await check({ ...input, excludeId: ids.zhang })).warnings).toMatchObject([
      { customerId: twin.id, reason: 'same_mobile' },
    ]);
    db.prepare('update customers set mobile = null, mobile_tail = null where id = ?').run(twin.id);
  });

  async function scanAll(
    input: Record<string, unknown>,
  ): Promise<{ pairs: DuplicatePair[]; total: number; pages: number }> {
    const pairs: DuplicatePair[] = [];
    let cursor: string | null = null;
    let pages = 0;
    let total = 0;
    do {
      const page: { pairs: DuplicatePair[]; total: number; nextCursor: string | null } = await app.ok(
        'customers.duplicateScan',
        { ...input, cursor },
        token,
      );
      pairs.push(...page.pairs);
      total = page.total;
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 500);
    return { pairs, total, pages };
  }

  const pairOf = (pairs: DuplicatePair[], a: number, b: number) =>
    pairs.find((p) => p.a.id === Math.min(a, b) && p.b.id === Math.max(a, b));

  it('finds every planted pair with its reason, strongest first, across pages', async () => {
    const { pairs, total, pages } = await scanAll({ limit: 2, refresh: true });
    expect(pages).toBeGreaterThan(1);
    expect(pairs).toHaveLength(total);
    expect(new Set(pairs.map((p) => `${p.a.id}:${p.b.id}`)).size).toBe(total);
    expect(pairs.map((p) => p.score)).toEqual([...pairs.map((p) => p.score)].sort((x, y) => y - x));

    expect(pairOf(pairs, ids.phoneA!, ids.phoneB!)?.reasons).toEqual([
      { reason: 'same_mobile', message: '手机号 166****0001 相同' },
    ]);
    expect(pairOf(pairs, ids.idA!, ids.idB!)?.reasons.map((r) => r.reason)).toEqual(['same_id_number']);
    expect(pairOf(pairs, ids.bdA!, ids.bdB!)?.reasons).toEqual([
      { reason: 'same_name_birthday', message: '姓名和生日（1971-07-07）相同' },
    ]);
    expect(pairOf(pairs, ids.simA!, ids.simB!)?.reasons).toEqual([
      {
        reason: 'similar_name_phone',
        message: '姓名读音相同，手机号有两位数字顺序颠倒（166****5678 / 166****5687）',
      },
    ]);
    const plates = pairOf(pairs, ids.plateA!, ids.plateB!);
    expect(plates?.reasons.map((r) => r.reason)).toEqual(['same_plate']);
    expect(plates?.a).toMatchObject({ name: '孙丽', vehicleCount: 1 });
    // Every pair the scan offers really shares something.
    for (const p of pairs) expect(p.reasons.length).toBeGreaterThan(0);
  });

  it('filters by reason and forgets pairs once they are merged', async () => {
    const onlyPlates = await scanAll({ limit: 50, reasons: ['same_plate'] });
    expect(onlyPlates.pairs.every((p) => p.reasons.some((r) => r.reason === 'same_plate'))).toBe(true);
    expect(pairOf(onlyPlates.pairs, ids.plateA!, ids.plateB!)).toBeDefined();

    const merged = await app.ok('customers.merge', { survivorId: ids.idA!, mergedId: ids.idB! }, token);
    const after = await scanAll({ limit: 200 });
    expect(pairOf(after.pairs, ids.idA!, ids.idB!)).toBeUndefined();
    expect(after.pairs.some((p) => p.a.id === ids.idB || p.b.id === ids.idB)).toBe(false);
    await app.ok('customers.unmerge', { mergeId: merged.mergeId }, token);
    expect(pairOf((await scanAll({ limit: 200 })).pairs, ids.idA!, ids.idB!)).toBeDefined();
  });

  it('rejects a forged cursor and is refused to roles without the merge permission', async () => {
    expect(await app.call('customers.duplicateScan', { cursor: 'not-a-cursor' }, token)).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    const operator = await app.userWithRole('callback_operator');
    expect(await app.call('customers.duplicateScan', {}, operator)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    // The form check only needs read access.
    expect(await app.call('customers.checkDuplicates', { mobile: '13812345678' }, operator)).toMatchObject({
      ok: true,
    });
  });
});
