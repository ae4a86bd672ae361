import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../electron/contract';
import { generateDemo } from '../../electron/domain/demo/generate-demo';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';

type ListInput = ChannelInput<'customers.list'>;
type Filters = NonNullable<ListInput['filters']>;
type Sort = NonNullable<ListInput['sort']>;
type Direction = NonNullable<ListInput['direction']>;

/** The same filters as plain SQL, to check the planner-picked pages against. */
function filterSql(f: Filters): { where: string; params: unknown[] } {
  const where = ['merged_into_id is null'];
  const params: unknown[] = [];
  if (f.stages) {
    where.push(`stage in (${f.stages.map(() => '?').join(',')})`);
    params.push(...f.stages);
  }
  if (f.baseGrades) {
    where.push(`base_grade in (${f.baseGrades.map(() => '?').join(',')})`);
    params.push(...f.baseGrades);
  }
  if (f.tag) {
    where.push('id in (select customer_id from customer_tags where tag = ?)');
    params.push(f.tag);
  }
  if (f.district) {
    where.push('district = ?');
    params.push(f.district);
  }
  if (f.series) {
    where.push('id in (select owner_id from vehicles where series = ?)');
    params.push(f.series);
  }
  if (f.lastVisitFrom) {
    where.push('substr(last_visit_at, 1, 10) >= ?');
    params.push(f.lastVisitFrom);
  }
  if (f.lastVisitTo) {
    where.push('substr(last_visit_at, 1, 10) <= ?');
    params.push(f.lastVisitTo);
  }
  return { where: where.join(' and '), params };
}

const orderSql: Record<Sort, Record<Direction, string>> = {
  lastVisit: {
    desc: 'last_visit_at is null, last_visit_at desc, id desc',
    asc: 'last_visit_at is not null, last_visit_at asc, id asc',
  },
  created: { desc: 'created_at desc, id desc', asc: 'created_at asc, id asc' },
  name: { desc: 'name_pinyin desc, id desc', asc: 'name_pinyin asc, id asc' },
};

/**
 * A generated store (scale S) with a few merged-away cards, and the filter values to try: single filters of
 * every kind (common and rare values), several values at once, and combinations.
 */
async function storeWithFilters(): Promise<{ app: TestApp; cases: Filters[] }> {
  const app = await createTestApp();
  generateDemo(app.core.db, { scale: 'S', seed: 11, now: new Date(2026, 10, 22, 10, 0, 0) });
  const db = app.core.db.$client;
  const merge = db.prepare('update customers set merged_into_id = ? where id = ?');
  const record = db.prepare(
    "insert into customer_merges (survivor_id, merged_id, snapshot, merged_at) values (?, ?, '{}', '2026-11-01T00:00:00Z')",
  );
  for (const id of [10, 20, 30, 500, 1500]) {
    merge.run(id + 1, id);
    record.run(id + 1, id);
  }
  const values = (sql: string) => db.prepare(sql).pluck().all() as string[];
  const tags = values('select tag from customer_tags group by tag order by count(*) desc');
  const series = values('select series from vehicles group by series order by count(*) desc');
  const districts = values(
    'select district from customers where district is not null group by district order by count(*) desc',
  );
  const cases: Filters[] = [
    {},
    { stages: ['owner'] },
    { stages: ['lead'] },
    { stages: ['dormant', 'vip', 'churned'] },
    { baseGrades: ['premium'] },
    { baseGrades: ['normal', 'potential'] },
    ...tags.map((tag) => ({ tag })),
    { district: districts[0]! },
    { district: districts[districts.length - 1]! },
    { series: series[0]! },
    { series: series[series.length - 1]! },
    { lastVisitFrom: '2025-06-01', lastVisitTo: '2026-02-28' },
    { lastVisitTo: '2023-12-31' },
    { stages: ['owner', 'vip'], district: districts[0]! },
    { tag: tags[0]!, series: series[0]! },
    { baseGrades: ['premium'], lastVisitFrom: '2026-01-01' },
    { stages: ['churned'], series: series[0]! },
  ];
  return { app, cases };
}

describe('customers.list filters and sorts', () => {
  let app: TestApp;
  let cases: Filters[];
  let token: string;
  beforeAll(async () => {
    ({ app, cases } = await storeWithFilters());
    token = await app.userWithRole('sales');
  }, 120_000);
  afterAll(() => app.close());

  const expected = (f: Filters, sort: Sort, direction: Direction): number[] => {
    const { where, params } = filterSql(f);
    const sql = `select id from customers where ${where} order by ${orderSql[sort][direction]}`;
    return app.core.db.$client
      .prepare(sql)
      .pluck()
      .all(...params) as number[];
  };

  /** Every page in turn; the total only on the first. */
  const allPages = async (filters: Filters, sort: Sort, direction: Direction, limit: number) => {
    const ids: number[] = [];
    let cursor: string | null = null;
    let total: number | null = null;
    for (let page = 0; page < 500; page++) {
      const r: { rows: { id: number }[]; total: number | null; nextCursor: string | null } = await app.ok(
        'customers.list',
        { limit, sort, direction, filters, cursor },
        token,
      );
      if (page === 0) total = r.total;
      else expect(r.total).toBeNull();
      ids.push(...r.rows.map((row) => row.id));
      cursor = r.nextCursor;
      if (!cursor) break;
    }
    return { ids, total };
  };

  it('has cases with results, including rare and common values', () => {
    const sizes = cases.map((f) => expected(f, 'created', 'asc').length);
    for (const [i, n] of sizes.entries()) expect(n, JSON.stringify(cases[i])).toBeGreaterThan(0);
    expect(Math.max(...sizes)).toBeGreaterThan(1000);
  });

  for (const sort of ['lastVisit', 'created', 'name'] as const) {
    for (const direction of ['desc', 'asc'] as const) {
      it(`pages through every filter by ${sort} ${direction}: same rows, same order, exact total`, async () => {
        for (const filters of cases) {
          const want = expected(filters, sort, direction);
          const got = await allPages(filters, sort, direction, 97);
          const label = JSON.stringify(filters);
          expect(got.total, label).toBe(want.length);
          expect(new Set(got.ids).size, label).toBe(got.ids.length);
          expect(got.ids, label).toEqual(want);
        }
      });
    }
  }

  it('gives the same rows in the same order with small pages, where matches lie far along the order', async () => {
    // Prospects have no visits and recent cards: sparse along last visit, dense at the end of created.
    const prospects: Filters = { stages: ['lead', 'intent', 'lost', 'dormant'] };
    const tagged = cases.find((f) => f.tag)!;
    for (const filters of [prospects, tagged]) {
      for (const [sort, direction] of [
        ['lastVisit', 'desc'],
        ['created', 'asc'],
        ['name', 'desc'],
      ] as const) {
        const got = await allPages(filters, sort, direction, 7);
        expect(got.ids, JSON.stringify({ filters, sort, direction })).toEqual(
          expected(filters, sort, direction),
        );
      }
    }
  });

  it('never lists a merged-away customer', async () => {
    const { ids } = await allPages({}, 'created', 'asc', 500);
    for (const merged of [10, 20, 30, 500, 1500]) expect(ids).not.toContain(merged);
  });
});

describe('customers.facets', () => {
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    app = await createTestApp();
    generateDemo(app.core.db, { scale: 'S', seed: 5, now: new Date(2026, 10, 22, 10, 0, 0) });
    const db = app.core.db.$client;
    db.prepare('update customers set merged_into_id = 2 where id = 1').run();
    db.prepare(
      "insert into customer_merges (survivor_id, merged_id, snapshot, merged_at) values (2, 1, '{}', '2026-11-01T00:00:00Z')",
    ).run();
    token = await app.userWithRole('complaint_handler');
  }, 120_000);
  afterAll(() => app.close());

  it('lists districts and tags with live customers and series with vehicles, most frequent first', async () => {
    const db = app.core.db.$client;
    const facets = await app.ok('customers.facets', {}, token);
    const counts = (sql: string) =>
      (db.prepare(sql).all() as { value: string; count: number }[]).sort(
        (a, b) => b.count - a.count || a.value.localeCompare(b.value, 'zh-CN'),
      );
    expect(facets.districts).toEqual(
      counts(
        'select district as value, count(*) as count from customers where merged_into_id is null and district is not null group by 1',
      ),
    );
    expect(facets.tags).toEqual(
      counts(
        `select t.tag as value, count(*) as count from customer_tags t join customers c on c.id = t.customer_id
         where c.merged_into_id is null group by 1`,
      ),
    );
    expect(facets.series).toEqual(
      counts('select series as value, count(*) as count from vehicles group by 1'),
    );
    expect(facets.districts.length).toBeGreaterThan(1);
    expect(facets.tags.length).toBeGreaterThan(1);
  });
});
