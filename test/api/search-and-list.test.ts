import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vinCheckDigit } from '../../electron/common/vin';
import type { ChannelInput } from '../../electron/contract';
import { mergedIntoDetails } from '../../electron/contract/customers';
import { generateDemo } from '../../electron/domain/demo/generate-demo';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';

type Filters = NonNullable<ChannelInput<'customers.list'>['filters']>;
type Sort = 'lastVisit' | 'created' | 'name';
type Direction = 'asc' | 'desc';

function vin(draft: string): string {
  return draft.slice(0, 8) + vinCheckDigit(draft) + draft.slice(9);
}

interface Person {
  id: number;
  name: string;
  name_pinyin: string;
  name_initials: string;
  mobile: string | null;
  mobile2: string | null;
  stage: string;
  district: string | null;
  last_visit_at: string | null;
  created_at: string;
}

/**
 * What the search box means, written out plainly over every live customer and vehicle (a full scan): the
 * checks the indexes must agree with.
 */
function naiveMatches(app: TestApp, q: string): Set<number> {
  const db = app.core.db.$client;
  const people = db.prepare('select * from customers where merged_into_id is null').all() as Person[];
  const cars = db.prepare('select owner_id, plate, vin from vehicles where owner_id is not null').all() as {
    owner_id: number;
    plate: string | null;
    vin: string;
  }[];
  const text = q.trim();
  const compact = text.replace(/[\s·.\-_]/g, '').toUpperCase();
  const isPlateStart = /^[\u4e00-\u9fff][A-Z]/.test(compact) && '粤京沪'.includes(compact[0]!);
  const out = new Set<number>();
  for (const p of people) {
    const name = p.name.toLowerCase();
    const typed = text.replace(/(\p{Script=Han})\s+(?=\p{Script=Han})/gu, '$1').toLowerCase();
    if (!isPlateStart && name.includes(typed)) out.add(p.id);
    if (/^[a-z ]+$/i.test(text)) {
      const letters = text.replace(/ /g, '').toLowerCase();
      if (p.name_pinyin.startsWith(letters) || p.name_initials.startsWith(letters)) out.add(p.id);
    }
    if (/^\d{11}$/.test(text) && (p.mobile === text || p.mobile2 === text)) out.add(p.id);
    if (/^\d{4}$/.test(text) && p.mobile?.endsWith(text)) out.add(p.id);
  }
  const live = new Set(people.map((p) => p.id));
  for (const c of cars) {
    if (!live.has(c.owner_id)) continue;
    const plate = c.plate ?? '';
    const tail = compact.length >= 3 && compact.length <= 7 && /\d/.test(compact) && !isPlateStart;
    if (plate && tail && plate.endsWith(compact)) out.add(c.owner_id);
    if (plate && isPlateStart && compact.length >= 4 && plate.startsWith(compact)) out.add(c.owner_id);
    if (compact.length >= 6 && compact.length <= 16 && /\d/.test(compact) && c.vin.endsWith(compact))
      out.add(c.owner_id);
  }
  return out;
}

describe('search count and plate tails on a hand-built store', () => {
  let app: TestApp;
  let token: string;
  const ids: Record<string, number> = {};
  const search = (q: string, limit?: number) =>
    app.ok('customers.search', { q, ...(limit ? { limit } : {}) }, token);

  beforeAll(async () => {
    app = await createTestApp();
    token = await app.userWithRole('front_desk');
    const create = async (key: string, name: string, mobile: string) => {
      ids[key] = (await app.ok('customers.create', { name, mobile }, app.adminToken)).id;
    };
    await create('feihao', '陈飞昊', '13911110001');
    await create('owner', '林晓', '13911110002');
    await create('fleet', '惠州市宏图贸易有限公司', '13911110003');
    for (let i = 0; i < 14; i++)
      await create(`wang${i}`, `王${'一二三四五六七八九十甲乙丙丁'[i]}明`, `1370000${1000 + i}`);
    // Cars through the API: the write path is what must keep the plate-tail key.
    const car = async (owner: string, plate: string, draft: string) =>
      app.ok(
        'vehicles.create',
        { customerId: ids[owner], fields: { vin: vin(draft), plate, brand: '大众', series: '朗逸' } },
        app.adminToken,
      );
    await car('owner', '粤L·0A513', 'LSVAB41E0NN050088');
    await car('fleet', '粤B12513', 'LFVA2BA10VCL12345');
  }, 60_000);
  afterAll(() => app.close());

  it('says how many match beyond the page shown', async () => {
    const r = await search('王', 10);
    expect(r.results).toHaveLength(10);
    expect(r).toMatchObject({ total: 14, totalCapped: false });
    const all = await search('王', 50);
    expect(all.results).toHaveLength(14);
    expect(all.total).toBe(14);
    expect(await search('喵喵喵')).toMatchObject({ results: [], total: 0, totalCapped: false });
  });

  it('finds a plate by what is on the car’s tail, in any case, with or without the dot', async () => {
    for (const q of ['A513', '0A513', 'a513', '0a513', '0A·513', 'L0A513', 'l·0a513']) {
      const r = await search(q);
      expect(
        r.results.map((x) => [x.id, x.match]),
        q,
      ).toContainEqual([ids.owner, 'plate']);
      expect(r.results.find((x) => x.id === ids.owner)?.matchedText, q).toBe('粤L0A513');
    }
    // "513" ends both plates; "A513" only one.
    const both = await search('513');
    expect(both.results.map((x) => x.id)).toEqual(expect.arrayContaining([ids.owner, ids.fleet]));
    expect(both.total).toBe(2);
    expect((await search('A513')).results.map((x) => x.id)).toEqual([ids.owner]);
  });

  it('keeps the plate tail current when a car’s plate changes', async () => {
    const v = (await app.ok('customers.card', { id: ids.owner }, token)).vehicles[0]!;
    const detail = await app.ok('vehicles.get', { id: v.id }, token);
    await app.ok(
      'vehicles.update',
      {
        id: v.id,
        version: detail.version,
        fields: { vin: detail.vin, plate: '粤L9C777', brand: detail.brand, series: detail.series },
      },
      app.adminToken,
    );
    expect((await search('A513')).results).toEqual([]);
    expect((await search('9C777')).results.map((x) => x.id)).toEqual([ids.owner]);
  });

  it('finds a name typed with a space between surname and given name', async () => {
    for (const q of ['陈 飞昊', '陈飞 昊', '陈　飞昊', ' 陈  飞 昊 ']) {
      const r = await search(q);
      expect(
        r.results.map((x) => [x.id, x.match]),
        q,
      ).toEqual([[ids.feihao, 'name_exact']]);
    }
    expect((await search('飞 昊')).results.map((x) => x.id)).toEqual([ids.feihao]);
  });

  it('lists what the search counts when its text is the list’s filter', async () => {
    for (const q of ['王', 'A513', '9C777', '陈 飞昊', 'wang', '0001']) {
      const s = await search(q, 50);
      const list = await app.ok('customers.list', { filters: { text: q }, limit: 100 }, token);
      expect(list.total, q).toBe(s.total);
      expect(new Set(list.rows.map((r) => r.id)), q).toEqual(new Set(s.results.map((r) => r.id)));
    }
  });

  it('sends a merged-away customer’s link to the survivor, along a chain of merges', async () => {
    const a = (await app.ok('customers.create', { name: '周甲', mobile: '13911119001' }, app.adminToken)).id;
    const b = (await app.ok('customers.create', { name: '周乙', mobile: '13911119002' }, app.adminToken)).id;
    const c = (await app.ok('customers.create', { name: '周丙', mobile: '13911119003' }, app.adminToken)).id;
    await app.ok('customers.merge', { survivorId: b, mergedId: a }, app.adminToken);
    await app.ok('customers.merge', { survivorId: c, mergedId: b }, app.adminToken);
    for (const channel of ['customers.card', 'customers.get']) {
      for (const gone of [a, b]) {
        const r = await app.call(channel, { id: gone }, token);
        expect(r.ok).toBe(false);
        if (r.ok) continue;
        expect(r.error.kind).toBe('not_found');
        expect(r.error.message).toBe(`该客户已合并到 周丙（客户编号 ${c}）`);
        expect(mergedIntoDetails.parse(r.error.details)).toEqual({ mergedInto: { id: c, name: '周丙' } });
      }
    }
    // A customer that never existed stays a plain not found.
    const missing = await app.call('customers.card', { id: 999_999 }, token);
    expect(missing).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    if (!missing.ok) expect(missing.error.details).toBeUndefined();
  });
});

describe('the customer list’s text filter on a generated store (scale S)', () => {
  let app: TestApp;
  let token: string;
  let queries: string[];
  let district: string;

  beforeAll(async () => {
    app = await createTestApp();
    token = await app.userWithRole('sales');
    generateDemo(app.core.db, { scale: 'S', seed: 9, now: new Date(2026, 10, 22, 10, 0, 0) });
    const db = app.core.db.$client;
    // A few merged-away cards, which must never be counted or listed.
    for (const id of [3, 30, 300]) db.prepare('update customers set merged_into_id = 1 where id = ?').run(id);
    const common = db
      .prepare(
        'select substr(name, 1, 1) as s from customers where length(name) <= 3 group by 1 order by count(*) desc limit 1',
      )
      .pluck()
      .get() as string;
    const someone = db
      .prepare('select name, name_pinyin as p, mobile from customers where id = 40')
      .get() as {
      name: string;
      p: string;
      mobile: string;
    };
    const plate = db
      .prepare(
        'select plate from vehicles where plate is not null and owner_id is not null order by id limit 1',
      )
      .pluck()
      .get() as string;
    district = db
      .prepare('select district from customers where district is not null group by 1 order by count(*) desc')
      .pluck()
      .get() as string;
    queries = [
      common,
      `${someone.name[0]} ${someone.name.slice(1)}`,
      someone.p.slice(0, 4),
      someone.mobile.slice(-4),
      plate.slice(-4),
      plate.slice(2).toLowerCase(),
    ];
  }, 120_000);
  afterAll(() => app.close());

  const orderOf = (sort: Sort, direction: Direction) => {
    const key = (p: Person) =>
      sort === 'lastVisit' ? p.last_visit_at : sort === 'created' ? p.created_at : p.name_pinyin;
    const sign = direction === 'asc' ? 1 : -1;
    return (a: Person, b: Person) => {
      const ka = key(a);
      const kb = key(b);
      // Never visited sorts last newest-first, first oldest-first.
      if (ka === null || kb === null) {
        if (ka !== kb) return (ka === null ? -1 : 1) * sign;
      } else if (ka !== kb) return (ka < kb ? -1 : 1) * sign;
      return (a.id - b.id) * sign;
    };
  };

  const expected = (q: string, extra: (p: Person) => boolean, sort: Sort, direction: Direction) => {
    const matches = naiveMatches(app, q);
    const people = app.core.db.$client
      .prepare('select * from customers where merged_into_id is null')
      .all() as Person[];
    return people
      .filter((p) => matches.has(p.id) && extra(p))
      .sort(orderOf(sort, direction))
      .map((p) => p.id);
  };

  const allPages = async (filters: Filters, sort: Sort, direction: Direction, limit: number) => {
    const ids: number[] = [];
    let cursor: string | null = null;
    let total: number | null = null;
    for (let page = 0; page < 200; page++) {
      const r: { rows: { id: number }[]; total: number | null; nextCursor: string | null } = await app.ok(
        'customers.list',
        { limit, sort, direction, filters, cursor },
        token,
      );
      if (page === 0) total = r.total;
      ids.push(...r.rows.map((row) => row.id));
      cursor = r.nextCursor;
      if (!cursor) break;
    }
    return { ids, total };
  };

  it('has queries with results, one a common surname with many', () => {
    const sizes = queries.map((q) => naiveMatches(app, q).size);
    for (const [i, n] of sizes.entries()) expect(n, queries[i]).toBeGreaterThan(0);
    expect(sizes[0]).toBeGreaterThan(50);
  });

  it('counts in the search what a full scan finds', async () => {
    for (const q of queries) {
      const r = await app.ok('customers.search', { q, limit: 10 }, token);
      expect(r.total, q).toBe(naiveMatches(app, q).size);
      expect(r.totalCapped, q).toBe(false);
    }
  });

  for (const sort of ['lastVisit', 'created', 'name'] as const) {
    for (const direction of ['desc', 'asc'] as const) {
      it(`pages through each text, alone and with other filters, by ${sort} ${direction}`, async () => {
        const combos: [Filters, (p: Person) => boolean][] = [
          [{}, () => true],
          [{ stages: ['owner', 'vip'] }, (p) => p.stage === 'owner' || p.stage === 'vip'],
          [{ district }, (p) => p.district === district],
        ];
        for (const q of queries) {
          for (const [filters, extra] of combos) {
            const want = expected(q, extra, sort, direction);
            const got = await allPages({ ...filters, text: q }, sort, direction, 37);
            const label = JSON.stringify({ q, filters });
            expect(got.total, label).toBe(want.length);
            expect(got.ids, label).toEqual(want);
          }
        }
      });
    }
  }

  it('rejects an overlong text filter with a Chinese message', async () => {
    const tooLong = await app.call('customers.list', { filters: { text: 'x'.repeat(51) } }, token);
    expect(tooLong).toMatchObject({ ok: false, error: { kind: 'validation' } });
    if (!tooLong.ok) expect(tooLong.error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
