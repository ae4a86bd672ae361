import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vinCheckDigit } from '../../electron/common/vin';
import type { CustomerConflictDetails } from '../../electron/contract/customers';
import type { ImportPreview, ImportProgress } from '../../electron/contract/imports';
import type { VinTakenDetails } from '../../electron/contract/vehicles';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';

const fixtures = path.resolve(import.meta.dirname, '../fixtures/imports');
// 2026-11-22 in the store (Beijing), still 11-21 in UTC: "today" must be the store's.
const now = new Date('2026-11-21T17:30:00Z');
const today = '2026-11-22';
const vin = (s: string) => `${s.slice(0, 8)}${vinCheckDigit(s)}${s.slice(9)}`;
let serial = 0;
const nextVin = () => vin(`LFV3A23K0P${String(++serial).padStart(7, '0')}`);
let phone = 13_600_000_000;
const nextPhone = () => String(++phone);

const upload = (fileName: string, bytes: Buffer) => ({ fileName, contentBase64: bytes.toString('base64') });
const csvUtf8 = (fileName: string, text: string) => upload(fileName, Buffer.from(text, 'utf8'));

describe('forms and import (issue 9)', () => {
  let app: TestApp;
  let token: string;
  let editorA: string;
  let editorB: string;
  const count = (table: string) =>
    (app.core.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  const customerRow = (id: number) =>
    app.core.db.$client.prepare('select * from customers where id = ?').get(id) as Record<string, unknown>;

  beforeAll(async () => {
    app = await createTestApp({ clock: () => now });
    token = await app.userWithRole('front_desk');
    const user = async (username: string, displayName: string) => {
      await app.ok(
        'users.create',
        { username, displayName, role: 'front_desk', password: 'Staff-Pass-1' },
        app.adminToken,
      );
      return app.login(username, 'Staff-Pass-1');
    };
    editorA = await user('qiantai.li', '李晓燕');
    editorB = await user('qiantai.zhou', '周明');
  });
  afterAll(() => app.close());

  describe('a birthday after the store’s today', () => {
    it('is refused on create with a field error, and nothing is written', async () => {
      const before = count('customers');
      const r = await app.call(
        'customers.create',
        { name: '赵未来', mobile: nextPhone(), birthday: '2026-11-23' },
        token,
      );
      expect(r).toMatchObject({
        ok: false,
        error: {
          kind: 'validation',
          details: { fields: { birthday: '生日 2026-11-23 晚于今天，请检查' } },
        },
      });
      expect(count('customers')).toBe(before);
      // Today itself is a birthday someone can have (born today, registered by a parent).
      const born = await app.ok(
        'customers.create',
        { name: '赵今天', mobile: nextPhone(), birthday: today },
        token,
      );
      expect(born.birthday).toBe(today);
    });

    it('is refused on edit, leaving the card as it was', async () => {
      const card = await app.ok(
        'customers.create',
        { name: '钱改期', mobile: nextPhone(), birthday: '1990-01-01' },
        token,
      );
      const before = customerRow(card.id);
      const r = await app.call(
        'customers.update',
        {
          id: card.id,
          version: card.version,
          fields: { name: '钱改期', mobile: card.mobile, birthday: '2027-01-01' },
        },
        token,
      );
      expect(r).toMatchObject({
        ok: false,
        error: { kind: 'validation', details: { fields: { birthday: expect.stringContaining('晚于今天') } } },
      });
      expect(customerRow(card.id)).toEqual(before);
    });
  });

  describe('a VIN already on file', () => {
    it('names the owner masked, links the card, and gives what a transfer to this customer needs', async () => {
      const ownerMobile = '13812345678';
      const owner = await app.ok('customers.create', { name: '王小明', mobile: ownerMobile }, token);
      const taken = nextVin();
      const car = await app.ok(
        'vehicles.create',
        { customerId: owner.id, fields: { vin: taken, plate: '粤L·D2345', brand: '丰田', series: '凯美瑞' } },
        token,
      );
      const buyer = await app.ok('customers.create', { name: '刘买家', mobile: nextPhone() }, token);
      const vehiclesBefore = count('vehicles');
      const r = await app.call(
        'vehicles.create',
        { customerId: buyer.id, fields: { vin: taken.toLowerCase(), brand: '丰田', series: '凯美瑞' } },
        token,
      );
      if (r.ok) throw new Error('a taken VIN was accepted');
      expect(r.error.kind).toBe('conflict');
      const details = r.error.details as VinTakenDetails;
      expect(details).toEqual({
        reason: 'vin_taken',
        vehicleId: car.id,
        vehicleVersion: car.version,
        plate: '粤L D2345'.replace(' ', ''),
        series: '凯美瑞',
        owner: { id: owner.id, maskedName: '王**', maskedMobile: '138****5678' },
        fields: { vin: '该车架号已登记在客户 王**（138****5678）名下（粤L·D2345 凯美瑞）' },
      });
      // Neither the given name nor the full number reaches the screen.
      expect(JSON.stringify(r.error)).not.toMatch(/小明|13812345678/);
      expect(r.error.message).toContain('如车辆已转手，可办理过户');
      expect(count('vehicles')).toBe(vehiclesBefore);

      // The offered transfer works with exactly what the conflict handed over.
      const moved = await app.ok(
        'vehicles.transfer',
        { id: details.vehicleId, version: details.vehicleVersion, toCustomerId: buyer.id, date: today },
        token,
      );
      expect(moved).toMatchObject({ ownerId: buyer.id, vin: taken });
    });

    it('keeps a compound surname and shows a company whole', async () => {
      const a = await app.ok('customers.create', { name: '欧阳娜娜', mobile: nextPhone() }, token);
      const b = await app.ok(
        'customers.create',
        { name: '惠州市宏图贸易有限公司', mobile: nextPhone(), isCompany: true },
        token,
      );
      const masked = async (ownerId: number) => {
        const v = nextVin();
        await app.ok(
          'vehicles.create',
          { customerId: ownerId, fields: { vin: v, brand: '丰田', series: '雷凌' } },
          token,
        );
        const r = await app.call(
          'vehicles.create',
          { customerId: a.id === ownerId ? b.id : a.id, fields: { vin: v, brand: '丰田', series: '雷凌' } },
          token,
        );
        return r.ok ? null : (r.error.details as VinTakenDetails).owner?.maskedName;
      };
      expect(await masked(a.id)).toBe('欧阳**');
      expect(await masked(b.id)).toBe('惠州市宏图贸易有限公司');
    });
  });

  describe('a stale save of the card', () => {
    it('names who saved it and when', async () => {
      const card = await app.ok('customers.create', { name: '孙冲突', mobile: nextPhone() }, token);
      const fields = { name: '孙冲突', mobile: card.mobile };
      const saved = await app.ok(
        'customers.update',
        { id: card.id, version: card.version, fields: { ...fields, district: '惠城区' } },
        editorA,
      );
      const r = await app.call(
        'customers.update',
        { id: card.id, version: card.version, fields: { ...fields, district: '惠阳区' } },
        editorB,
      );
      if (r.ok) throw new Error('a stale save was accepted');
      expect(r.error.kind).toBe('conflict');
      const details = r.error.details as CustomerConflictDetails;
      expect(details.savedBy).toBe('李晓燕');
      expect(details.savedAt).toBe(saved.updatedAt);
      expect(details.current).toMatchObject({ version: saved.version, district: '惠城区' });
      expect(r.error.message).toBe('该客户资料在您编辑期间李晓燕刚刚保存过，请查看最新内容后再保存');
      expect(r.error.message).not.toMatch(/版本|他人/);
    });

    it('claims no name when the card changed since by something other than a save', async () => {
      const card = await app.ok('customers.create', { name: '吴后改', mobile: nextPhone() }, editorA);
      // As a call-back outcome or an import does: the version moves on without anyone saving the card.
      app.core.db.$client
        .prepare('update customers set version = version + 1, do_not_contact = 1 where id = ?')
        .run(card.id);
      const r = await app.call(
        'customers.update',
        { id: card.id, version: card.version, fields: { name: '吴后改', mobile: card.mobile } },
        editorB,
      );
      if (r.ok) throw new Error('a stale save was accepted');
      expect(r.error.details).toMatchObject({ savedBy: null, savedAt: card.updatedAt });
      expect(r.error.message).toBe('该客户资料在您编辑期间刚刚有更新，请查看最新内容后再保存');
    });
  });

  describe('import dry run', () => {
    it('flags future delivery and birthday dates and days that do not exist as errors', async () => {
      const v = [nextVin(), nextVin(), nextVin(), nextVin(), nextVin()];
      const text = [
        '客户姓名,手机,车架号,品牌,车系,购车日期,生日,保险到期日',
        `甲未来,${nextPhone()},${v[0]},丰田,凯美瑞,2026-11-23,,`,
        `乙今天,${nextPhone()},${v[1]},丰田,凯美瑞,${today},,2027-11-22`,
        `丙二月,${nextPhone()},${v[2]},丰田,凯美瑞,2026-02-30,,`,
        `丁生日,${nextPhone()},${v[3]},丰田,凯美瑞,2024-01-01,2030/1/1,`,
        `戊闰年,${nextPhone()},${v[4]},丰田,凯美瑞,2025-02-29,2000-02-29,`,
      ].join('\n');
      const before = count('customers');
      const p = await app.ok('imports.preview', csvUtf8('dates.csv', text), token);
      expect(count('customers')).toBe(before);
      const verdict = p.rows.map((r) => ({ row: r.rowNumber, action: r.action, errors: r.errors }));
      expect(verdict).toEqual([
        { row: 2, action: 'skip', errors: [`交车日期 2026-11-23 晚于今天（${today}）`] },
        // Delivered today, insured into next year: fine.
        { row: 3, action: 'create', errors: [] },
        { row: 4, action: 'skip', errors: ['交车日期“2026-02-30”不是真实存在的日期'] },
        { row: 5, action: 'skip', errors: [`生日 2030-01-01 晚于今天（${today}）`] },
        { row: 6, action: 'skip', errors: ['交车日期“2025-02-29”不是真实存在的日期'] },
      ]);
    });
  });

  describe('.xls from an older DMS', () => {
    const xls = () => upload('客户导出.xls', fs.readFileSync(path.join(fixtures, 'customers-dms.xls')));
    const waitForJob = async (jobId: string): Promise<ImportProgress> => {
      for (let i = 0; i < 600; i++) {
        const p = await app.ok('imports.progress', { jobId }, token);
        if (p.phase === 'done' || p.phase === 'failed') return p;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('import did not finish');
    };

    it('previews: title row, header on row 3, mixed dates, full-width digits, totals row left out', async () => {
      const p: ImportPreview = await app.ok('imports.preview', xls(), token);
      expect(p).toMatchObject({ format: 'xls', sheetName: '客户', headerRow: 3, encoding: null });
      expect(p.rows.map((r) => r.rowNumber)).toEqual([4, 5, 6, 7, 8, 9]);
      expect(p.counts).toMatchObject({ rows: 6, create: 3, skip: 3, withErrors: 3 });
      const byRow = Object.fromEntries(p.rows.map((r) => [r.rowNumber, r]));
      expect(byRow[6]!.errors).toEqual([`交车日期 2030-01-01 晚于今天（${today}）`]);
      expect(byRow[7]!.errors).toEqual(['交车日期“2026-02-30”不是真实存在的日期']);
      expect(byRow[8]!.errors).toEqual([`生日 2031-05-05 晚于今天（${today}）`]);
      for (const n of [4, 5, 9]) expect(byRow[n]).toMatchObject({ action: 'create', errors: [] });
    });

    it('imports the good rows with their dates and numbers as written', async () => {
      const progress = await waitForJob((await app.ok('imports.apply', xls(), token)).jobId);
      expect(progress).toMatchObject({ phase: 'done', result: { counts: { create: 3, skip: 3 } } });
      const rows = app.core.db.$client
        .prepare(
          `select c.name, c.mobile, c.birthday, v.delivery_date as delivery, v.plate, v.series from customers c
           join vehicles v on v.owner_id = c.id where c.name in ('陈喆', '林堃', '蔡琰', '黄昇', '何燊', '郭靖')
           order by c.name`,
        )
        .all();
      expect(rows).toEqual([
        {
          name: '林堃',
          mobile: '13600136002',
          birthday: '1979-11-03',
          delivery: '2023-01-01',
          plate: '粤LC1002',
          series: '汉兰达',
        },
        {
          name: '蔡琰',
          mobile: '13600136006',
          birthday: null,
          delivery: '2021-03-15',
          plate: null,
          series: '凯美瑞',
        },
        {
          name: '陈喆',
          mobile: '13600136001',
          birthday: '1988-02-29',
          delivery: '2022-06-18',
          plate: '粤LC1001',
          series: '凯美瑞',
        },
      ]);
    });

    it('a file named .xls that is not one is a clear validation error', async () => {
      const r = await app.call(
        'imports.preview',
        upload('坏文件.xls', Buffer.from('not a workbook at all')),
        token,
      );
      expect(r).toMatchObject({
        ok: false,
        error: { kind: 'validation', message: '文件不是有效的 Excel（.xls）文件，可能已损坏' },
      });
    });
  });

  describe('CSV as dealers save it', () => {
    const header = '客户姓名,手机,地址,备注';
    it('keeps a quoted line break and a quoted comma inside one field', async () => {
      const m = nextPhone();
      const p = await app.ok(
        'imports.preview',
        csvUtf8(
          'quoted.csv',
          `${header}\r\n杨引号,${m},"惠城区, 江北","第一行\r\n第二行，说""下月再来"""\r\n`,
        ),
        token,
      );
      expect(p.rows).toHaveLength(1);
      expect(p.rows[0]).toMatchObject({ rowNumber: 2, action: 'create', errors: [] });
      const progress = await waitForApply(
        csvUtf8(
          'quoted.csv',
          `${header}\r\n杨引号,${m},"惠城区, 江北","第一行\r\n第二行，说""下月再来"""\r\n`,
        ),
      );
      expect(progress.phase).toBe('done');
      expect(
        app.core.db.$client.prepare('select address, notes from customers where mobile = ?').get(m),
      ).toEqual({ address: '惠城区, 江北', notes: '第一行\n第二行，说"下月再来"' });
    });

    it('reads a UTF-8 file with a BOM: the first header is still recognised', async () => {
      const p = await app.ok(
        'imports.preview',
        csvUtf8('bom.csv', `\ufeff${header}\n许有码,${nextPhone()},,\n`),
        token,
      );
      expect(p).toMatchObject({ encoding: 'utf-8', headerRow: 1 });
      expect(p.columns[0]).toMatchObject({ header: '客户姓名', field: 'name' });
      expect(p.rows[0]).toMatchObject({ action: 'create', errors: [] });
    });

    it('decodes GBK, rarer characters included', async () => {
      const bytes = iconv.encode(`${header}\r\n陈喆堃,${nextPhone()},惠州市惠城区麦地路,老客户\r\n`, 'gbk');
      const p = await app.ok('imports.preview', upload('gbk.csv', bytes), token);
      expect(p.encoding).toBe('gb18030');
      expect(p.columns.map((c) => c.field)).toEqual(['name', 'mobile', 'address', 'notes']);
      expect(p.rows[0]).toMatchObject({ action: 'create', errors: [] });
      expect(p.rows[0]!.summary).toContain('陈喆堃');
    });
  });

  const waitForApply = async (input: unknown): Promise<ImportProgress> => {
    const { jobId } = await app.ok('imports.apply', input, token);
    for (let i = 0; i < 600; i++) {
      const p = await app.ok('imports.progress', { jobId }, token);
      if (p.phase === 'done' || p.phase === 'failed') return p;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not finish');
  };
});
