import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vinCheckDigit } from '../../electron/common/vin';
import type { SearchResult } from '../../electron/contract/search';
import { generateDemo } from '../../electron/domain/demo/generate-demo';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';

/** A VIN with a correct check digit from a 17-character draft. */
function vin(draft: string): string {
  return draft.slice(0, 8) + vinCheckDigit(draft) + draft.slice(9);
}

describe('customers.search on a hand-built store', () => {
  let app: TestApp;
  let token: string;
  const ids: Record<string, number> = {};
  const zhangVin = vin('LSVAB41E0NN050088');
  const otherVin = vin('LFVA2BA10VCL12345');

  const search = async (q: string, limit?: number): Promise<SearchResult[]> =>
    (await app.ok('customers.search', { q, ...(limit ? { limit } : {}) }, token)).results;
  const namesOf = (rs: SearchResult[]) => rs.map((r) => r.name);

  beforeAll(async () => {
    app = await createTestApp();
    token = await app.userWithRole('callback_operator');
    const create = async (key: string, fields: Record<string, unknown>) => {
      ids[key] = (await app.ok('customers.create', fields, app.adminToken)).id;
    };
    await create('zhangsan', { name: '张三', mobile: '13812345678', district: '惠城区' });
    await create('zhangsanfeng', { name: '张三丰', mobile: '13900000001' });
    await create('xiaozhangsan', { name: '小张三', mobile: '13900000002' });
    await create('zhangsi', { name: '张四', mobile: '13900000003' });
    await create('lisi', { name: '李四', mobile: '13900005678' });
    await create('phoneAsName', { name: '13812345678', wechat: 'wx-unknown' });
    await create('company', { name: '惠州市鹏程物流有限公司', mobile: '13900000004', isCompany: true });
    await create('merged', { name: '张三', mobile: '13900000005' });
    await create('other', { name: '王五', mobile: '13900000006' });

    const db = app.core.db.$client;
    const car = db.prepare(
      `insert into vehicles (vin, vin_reversed, plate, brand, series, owner_id) values (?, ?, ?, '大众', ?, ?)`,
    );
    const reversed = (v: string) => [...v].reverse().join('');
    car.run(zhangVin, reversed(zhangVin), '粤L12345', '朗逸', ids.zhangsan);
    car.run(otherVin, reversed(otherVin), '粤LD67890', 'ID.3', ids.other);
    // The merged-away card keeps a car and a mobile that would otherwise match.
    car.run(vin('LHGRU1E40RH077777'), reversed(vin('LHGRU1E40RH077777')), '粤L77777', '雅阁', ids.merged);
    db.prepare('update customers set merged_into_id = ? where id = ?').run(ids.zhangsan, ids.merged);
    db.prepare(
      `insert into customer_merges (survivor_id, merged_id, snapshot, merged_at) values (?, ?, '{}', '2026-11-01T00:00:00Z')`,
    ).run(ids.zhangsan, ids.merged);
    // Most recent visit first among equals.
    db.prepare("update customers set last_visit_at = '2026-10-01' where id = ?").run(ids.zhangsanfeng);
    db.prepare("update customers set last_visit_at = '2026-11-01' where id = ?").run(ids.zhangsi);
  });
  afterAll(() => app.close());

  it('finds 张三 by one character, the whole name, a substring and 3+ characters', async () => {
    expect(namesOf(await search('张'))).toEqual(expect.arrayContaining(['张三', '张三丰', '张四', '小张三']));
    const whole = await search('张三');
    expect(whole.map((r) => [r.name, r.match])).toEqual([
      ['张三', 'name_exact'],
      ['张三丰', 'name_prefix'],
      ['小张三', 'name'],
    ]);
    // The operator sees the mobile masked (PIPL); search still matches on the full number.
    expect(whole[0]).toMatchObject({
      id: ids.zhangsan,
      mobile: '138****5678',
      plates: '粤L12345',
      series: '朗逸',
    });
    expect((await search('三')).map((r) => r.name)).toEqual(
      expect.arrayContaining(['张三', '张三丰', '小张三']),
    );
    expect((await search('张三丰')).map((r) => [r.name, r.match])).toEqual([['张三丰', 'name_exact']]);
    expect((await search('小张三')).map((r) => [r.name, r.match])).toEqual([['小张三', 'name_exact']]);
    expect((await search('鹏程物流')).map((r) => [r.id, r.match])).toEqual([[ids.company, 'name']]);
  });

  it('ranks names: exact, then prefix, then substring; ties most recently visited first', async () => {
    const one = await search('张');
    const matches = one.map((r) => r.match);
    expect(matches.indexOf('name')).toBeGreaterThan(matches.lastIndexOf('name_prefix'));
    // 张四 visited last, then 张三丰; 张三 never visited.
    expect(namesOf(one).slice(0, 3)).toEqual(['张四', '张三丰', '张三']);
  });

  it('finds by pinyin initials and full pinyin, in any case', async () => {
    expect((await search('zs')).map((r) => [r.name, r.match])).toEqual(
      expect.arrayContaining([
        ['张三', 'initials'],
        ['张四', 'initials'],
      ]),
    );
    for (const q of ['zhangsan', 'ZhangSan', 'zhang san', 'ＺＨＡＮＧＳＡＮ']) {
      const rs = await search(q);
      expect(rs[0], q).toMatchObject({ id: ids.zhangsan, match: 'pinyin', matchedText: 'zhangsan' });
    }
    // Full pinyin ranks above initials: `zhangs` is a pinyin prefix of 张三, 张三丰 and 张四.
    expect(namesOf(await search('zhangs'))).toEqual(['张四', '张三丰', '张三']);
  });

  it('finds by mobile however it is typed, and by its last four digits', async () => {
    for (const q of [
      '13812345678',
      '+86 138 1234 5678',
      '138-1234-5678',
      '１３８１２３４５６７８',
      '0086 13812345678',
    ]) {
      const rs = await search(q);
      expect(rs[0], q).toMatchObject({ id: ids.zhangsan, match: 'mobile', matchedText: '138****5678' });
    }
    const tail = await search('5678');
    expect(tail.map((r) => [r.name, r.match])).toEqual(
      expect.arrayContaining([
        ['张三', 'mobile_tail'],
        ['李四', 'mobile_tail'],
      ]),
    );
  });

  it('ranks the exact mobile above a name that merely contains the same digits', async () => {
    const rs = await search('13812345678');
    expect(rs.map((r) => [r.id, r.match])).toEqual([
      [ids.zhangsan, 'mobile'],
      [ids.phoneAsName, 'name_exact'],
    ]);
  });

  it('finds by plate with or without separators, in lower case, and without the province', async () => {
    for (const q of ['粤L12345', '粤L·12345', '粤l12345', '粤 L 12345', '粤L-12345', 'L12345', 'l12345']) {
      const rs = await search(q);
      expect(rs[0], q).toMatchObject({ id: ids.zhangsan, match: 'plate', matchedText: '粤L12345' });
    }
    // While typing: a plate's start lists the cars it could be.
    expect((await search('粤L123')).map((r) => [r.id, r.match])).toEqual([[ids.zhangsan, 'plate']]);
  });

  it('ranks an exact plate above a VIN that merely ends the same way', async () => {
    const rs = await search('L12345');
    expect(rs.map((r) => [r.id, r.match])).toEqual([
      [ids.zhangsan, 'plate'],
      [ids.other, 'vin_tail'],
    ]);
  });

  it('finds by VIN and by its last six characters, in any case', async () => {
    for (const q of [zhangVin, zhangVin.toLowerCase(), ` ${zhangVin} `]) {
      expect((await search(q))[0], q).toMatchObject({
        id: ids.zhangsan,
        match: 'vin',
        matchedText: zhangVin,
      });
    }
    for (const q of ['050088', zhangVin.slice(-8).toLowerCase()]) {
      expect(
        (await search(q)).map((r) => [r.id, r.match]),
        q,
      ).toEqual([[ids.zhangsan, 'vin_tail']]);
    }
  });

  it('never returns a merged-away customer', async () => {
    const all = [
      ...(await search('张三')),
      ...(await search('13900000005')),
      ...(await search('0005')),
      ...(await search('粤L77777')),
      ...(await search('077777')),
    ];
    expect(all.map((r) => r.id)).not.toContain(ids.merged);
  });

  it('returns nothing for nonsense, and respects the limit', async () => {
    expect(await search('喵喵喵喵')).toEqual([]);
    expect(await search('qqqqxz')).toEqual([]);
    expect(await search('#$%')).toEqual([]);
    expect(await search('张', 2)).toHaveLength(2);
  });

  it('rejects an empty or overlong query with a Chinese message', async () => {
    for (const q of ['   ', 'x'.repeat(51)]) {
      const r = await app.call('customers.search', { q }, token);
      expect(r).toMatchObject({ ok: false, error: { kind: 'validation' } });
      if (!r.ok) expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await app.call('customers.search', { q: '张', limit: 51 }, token)).toMatchObject({ ok: false });
  });
});

describe('customers.search on a generated store (scale S)', () => {
  let app: TestApp;
  let token: string;
  interface Sample {
    id: number;
    name: string;
    pinyin: string;
    initials: string;
    mobile: string;
    plate: string;
    vin: string;
  }
  let samples: Sample[];

  beforeAll(async () => {
    app = await createTestApp();
    token = await app.userWithRole('front_desk');
    generateDemo(app.core.db, { scale: 'S', seed: 7, now: new Date(2026, 10, 22, 10, 0, 0) });
    samples = app.core.db.$client
      .prepare(
        `select c.id, c.name, c.name_pinyin as pinyin, c.name_initials as initials, c.mobile, v.plate, v.vin
         from customers c join vehicles v on v.owner_id = c.id
         where c.merged_into_id is null and c.mobile is not null and v.plate is not null and c.id % 97 = 0
         group by c.id limit 15`,
      )
      .all() as Sample[];
  }, 120_000);
  afterAll(() => app.close());

  const finds = async (q: string, id: number, limit = 50) => {
    const rs = (await app.ok('customers.search', { q, limit }, token)).results;
    return rs.map((r) => r.id).includes(id);
  };

  it('has samples to ask about', () => {
    expect(samples.length).toBeGreaterThanOrEqual(10);
  });

  it('finds each sampled customer by mobile, plate, VIN and VIN tail as the first result', async () => {
    for (const s of samples) {
      for (const q of [
        s.mobile,
        `${s.plate.slice(0, 2)}·${s.plate.slice(2)}`,
        s.vin.toLowerCase(),
        s.vin.slice(-6),
      ]) {
        const rs = (await app.ok('customers.search', { q }, token)).results;
        expect(
          rs.map((r) => r.id),
          q,
        ).toContain(s.id);
        expect(['mobile', 'plate', 'vin', 'vin_tail'], q).toContain(rs[0]?.match);
      }
    }
  });

  it('finds each sampled customer by full name, full pinyin and mobile tail', async () => {
    for (const s of samples) {
      expect(await finds(s.name, s.id), s.name).toBe(true);
      expect(await finds(s.pinyin, s.id), s.pinyin).toBe(true);
      expect(await finds(s.mobile.slice(-4), s.id), s.mobile).toBe(true);
    }
  });

  it('returns only customers whose name holds the text, best rank first', async () => {
    const rank = ['name_exact', 'name_prefix', 'name'];
    for (const s of samples) {
      const piece = [...s.name].slice(-2).join('');
      const rs = (await app.ok('customers.search', { q: piece, limit: 50 }, token)).results;
      expect(rs.length, piece).toBeGreaterThan(0);
      for (const r of rs) expect(r.name, piece).toContain(piece);
      const order = rs.map((r) => rank.indexOf(r.match));
      expect(order, piece).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it('matches the whole table for a common surname: every result starts with it, most recent visit first', async () => {
    const db = app.core.db.$client;
    const rs = (await app.ok('customers.search', { q: '陈', limit: 50 }, token)).results;
    expect(rs).toHaveLength(50);
    expect(rs.every((r) => r.match === 'name_prefix' && r.name.startsWith('陈'))).toBe(true);
    const expected = db
      .prepare(
        `select id from customers where name like '陈%' and name <> '陈' and merged_into_id is null
         order by last_visit_at desc, id desc limit 50`,
      )
      .pluck()
      .all();
    expect(rs.map((r) => r.id)).toEqual(expected);
  });

  it('finds a 3-character piece of company names through its rarest bigram', async () => {
    const db = app.core.db.$client;
    const company = db.prepare('select id, name from customers where is_company = 1 limit 1').get() as {
      id: number;
      name: string;
    };
    expect(company).toBeDefined();
    const piece = [...company.name].slice(3, 7).join('');
    expect(await finds(piece, company.id), piece).toBe(true);
  });
});
