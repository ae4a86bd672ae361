import type Database from 'better-sqlite3';
import type { BenchServer } from './api-server';
import type { Row } from './stats';
import { timeAsync, timeSync } from './stats';

export interface Sample {
  id: number;
  name: string;
  pinyin: string;
  initials: string;
  mobile: string;
  tail: string;
  plate: string;
  vin: string;
}

/** A fixed pseudo-random walk, so every run asks the same questions. */
function picker(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

function samples(raw: Database.Database, count: number): Sample[] {
  const maxId = (raw.prepare('select max(id) as m from customers').get() as { m: number }).m;
  const pick = picker(20261122);
  const one = raw.prepare(
    `select c.id, c.name, c.name_pinyin as pinyin, c.name_initials as initials, c.mobile, c.mobile_tail as tail,
       v.plate, v.vin
     from customers c join vehicles v on v.owner_id = c.id
     where c.id >= ? and c.merged_into_id is null and c.mobile is not null and v.plate is not null and c.is_company = 0
     order by c.id limit 1`,
  );
  const out: Sample[] = [];
  while (out.length < count) {
    const s = one.get(1 + pick(maxId)) as Sample | undefined;
    if (s) out.push(s);
  }
  return out;
}

/**
 * The raw side of each search: the kind's index lookup as one plain statement with its plan pinned (the
 * driving index first, customers looked up by id), the first 20 live customers it reaches, and reading them
 * as the API does. No ranking: the ratio shows what ranking, HTTP and the router add to the bare lookup.
 */
const rawDescribe = `select c.id, c.name, c.mobile, c.stage,
    (select group_concat(v.plate, ' ') from vehicles v where v.owner_id = c.id) as plates,
    (select group_concat(distinct v.series) from vehicles v where v.owner_id = c.id) as series
  from customers c where c.id in (select id from hits)`;
const rawGram = (where: string) =>
  `with hits as (select c.id from customer_name_grams g cross join customers c on c.id = g.customer_id
     where ${where} and c.merged_into_id is null limit 20) ${rawDescribe}`;
const rawColumn = (index: string, where: string) =>
  `with hits as (select c.id from customers c indexed by ${index} where ${where} and c.merged_into_id is null
     limit 20) ${rawDescribe}`;
const rawVehicle = (index: string, where: string) =>
  `with hits as (select c.id from vehicles v indexed by ${index} cross join customers c on c.id = v.owner_id
     where ${where} and c.merged_into_id is null limit 20) ${rawDescribe}`;

/** Lets the event loop see connections the server closed while a slow raw side ran synchronously. */
async function reconnect(server: BenchServer): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 20));
  await server.call('auth.me', {}).catch(() => undefined);
}

function calling(server: BenchServer): (channel: string, input: unknown) => Promise<unknown> {
  return (channel, input) => server.call(channel, input);
}

interface SearchKind {
  label: string;
  query: (s: Sample, i: number) => string;
  raw: string;
  rawParams: (q: string) => { q: string };
}

const searchKinds: SearchKind[] = [
  {
    label: 'name, 1 character',
    query: (s, i) => [...s.name][i % [...s.name].length]!,
    raw: rawGram('g.gram = @q'),
    rawParams: (q) => ({ q }),
  },
  {
    label: 'name, 2 characters',
    query: (s, i) => {
      const chars = [...s.name];
      const at = i % (chars.length - 1);
      return chars.slice(at, at + 2).join('');
    },
    raw: rawGram('g.gram = @q'),
    rawParams: (q) => ({ q }),
  },
  {
    label: 'name, 3 characters',
    query: (s) => [...s.name].slice(0, 3).join(''),
    raw: rawGram('g.gram = substr(@q, 1, 2) and instr(c.name, @q) > 0'),
    rawParams: (q) => ({ q }),
  },
  {
    label: 'pinyin initials',
    query: (s) => s.initials,
    raw: rawColumn('customers_initials_idx', "c.name_initials >= @q and c.name_initials < @q || '~'"),
    rawParams: (q) => ({ q }),
  },
  {
    label: 'full pinyin',
    query: (s) => s.pinyin,
    raw: rawColumn('customers_pinyin_idx', "c.name_pinyin >= @q and c.name_pinyin < @q || '~'"),
    rawParams: (q) => ({ q }),
  },
  {
    label: 'full mobile',
    query: (s) => s.mobile,
    raw: rawColumn('customers_mobile_idx', 'c.mobile = @q'),
    rawParams: (q) => ({ q }),
  },
  {
    label: 'mobile last 4',
    query: (s) => s.tail,
    raw: rawColumn('customers_mobile_tail_idx', 'c.mobile_tail = @q'),
    rawParams: (q) => ({ q }),
  },
  {
    label: 'plate (粤L·12345 form)',
    query: (s) => `${s.plate.slice(0, 2)}·${s.plate.slice(2)}`,
    raw: rawVehicle('vehicles_plate_idx', 'v.plate = @q'),
    rawParams: (q) => ({ q: q.replace('·', '') }),
  },
  {
    label: 'VIN',
    query: (s) => s.vin,
    raw: rawVehicle('vehicles_vin_idx', 'v.vin = @q'),
    rawParams: (q) => ({ q }),
  },
  {
    label: 'VIN last 6',
    query: (s) => s.vin.slice(-6),
    raw: rawVehicle('vehicles_vin_reversed_idx', "v.vin_reversed >= @q and v.vin_reversed < @q || '~'"),
    rawParams: (q) => ({ q: [...q].reverse().join('') }),
  },
];

async function benchSearchKinds(
  scale: string,
  server: BenchServer,
  raw: Database.Database,
  reps: number,
): Promise<Row[]> {
  const call = calling(server);
  const people = samples(raw, reps + 5);
  const rows: Row[] = [];
  for (const kind of searchKinds) {
    const queries = people.map((s, i) => kind.query(s, i));
    const statement = raw.prepare(kind.raw);
    await reconnect(server);
    rows.push({
      scale,
      operation: `customers.search: ${kind.label}`,
      api: await timeAsync(reps, (i) => call('customers.search', { q: queries[i % queries.length] })),
      raw: timeSync(reps, (i) => statement.all(kind.rawParams(queries[i % queries.length]!))),
      target: '<10ms',
    });
  }
  return rows;
}

type ListFilters = Record<string, unknown>;
type SortName = 'lastVisit' | 'created' | 'name';

/**
 * One filter of the list as the API gets it and as raw SQL: its condition on `c`, the index that walks a page
 * best under each sort (the composite (filter, sort, id) index where there is one, else the sort's own index
 * with the condition tested on the way, or the filter's own range for a date window), and its total counted on
 * the filter's own index without reading customer rows.
 */
interface FilterCase {
  label: string;
  values: { api: ListFilters; params: unknown[] }[];
  where: string;
  walk: (sort: SortName) => string;
  count: string;
}

const sortIndexes: Record<SortName, string> = {
  lastVisit: 'customers_last_visit_idx',
  created: 'customers_created_idx',
  name: 'customers_pinyin_idx',
};

/** Every value of each filter in turn (so p95 covers the rare and the common). */
function filterCases(raw: Database.Database): FilterCase[] {
  const distinct = (sql: string) => (raw.prepare(sql).all() as { v: string }[]).map((r) => r.v);
  const months = distinct(
    'select distinct substr(last_visit_at, 1, 7) as v from customers indexed by customers_last_visit_idx where last_visit_at is not null order by v desc limit 24',
  );
  const composite = (byLastVisit: string, byCreated: string) => (sort: SortName) =>
    sort === 'lastVisit' ? byLastVisit : sort === 'created' ? byCreated : sortIndexes[sort];
  const bySort = (sort: SortName) => sortIndexes[sort];
  return [
    {
      label: 'stage',
      values: ['lead', 'intent', 'new_owner', 'owner', 'vip', 'lost', 'churned', 'dormant'].map((v) => ({
        api: { stages: [v] },
        params: [v],
      })),
      where: 'c.stage = ?',
      walk: composite('customers_stage_last_visit_idx', 'customers_stage_created_idx'),
      count: 'select count(*) from customers indexed by customers_stage_created_idx where stage = ?',
    },
    {
      label: 'base grade',
      values: ['premium', 'potential', 'normal'].map((v) => ({ api: { baseGrades: [v] }, params: [v] })),
      where: 'c.base_grade = ?',
      walk: composite('customers_grade_last_visit_idx', 'customers_grade_created_idx'),
      count: 'select count(*) from customers indexed by customers_grade_last_visit_idx where base_grade = ?',
    },
    {
      label: 'tag',
      values: distinct('select distinct tag as v from customer_tags').map((v) => ({
        api: { tag: v },
        params: [v],
      })),
      where: 'c.id in (select customer_id from customer_tags indexed by customer_tags_tag_idx where tag = ?)',
      walk: bySort,
      count: 'select count(*) from customer_tags indexed by customer_tags_tag_idx where tag = ?',
    },
    {
      label: 'district',
      values: distinct('select distinct district as v from customers where district is not null').map(
        (v) => ({
          api: { district: v },
          params: [v],
        }),
      ),
      where: 'c.district = ?',
      walk: bySort,
      count: 'select count(*) from customers indexed by customers_district_idx where district = ?',
    },
    {
      label: 'series',
      values: distinct('select distinct series as v from vehicles').map((v) => ({
        api: { series: v },
        params: [v],
      })),
      where: 'c.id in (select owner_id from vehicles indexed by vehicles_series_owner_idx where series = ?)',
      walk: bySort,
      count:
        'select count(distinct owner_id) from vehicles indexed by vehicles_series_owner_idx where series = ?',
    },
    {
      // Three-month windows over the last two years: one range of the last-visit index, or tested on the walk.
      label: 'last visit range',
      values: months.slice(2).map((m, i) => {
        const to = `${months[i]}-28`;
        return { api: { lastVisitFrom: `${m}-01`, lastVisitTo: to }, params: [`${m}-01`, to] };
      }),
      where: 'c.last_visit_at between ? and ?',
      walk: bySort,
      count:
        'select count(*) from customers indexed by customers_last_visit_idx where last_visit_at between ? and ?',
    },
  ];
}

const sortColumns = { lastVisit: 'c.last_visit_at', created: 'c.created_at', name: 'c.name_pinyin' } as const;

/**
 * Raw side: the same first page and total as plain SQL, on the index walk the API takes (pinned with INDEXED BY),
 * the total counted on the filter's index. Merged-away cards are not taken off the raw total (the demo has none).
 */
async function benchListPages(
  scale: string,
  server: BenchServer,
  raw: Database.Database,
  reps: number,
): Promise<Row[]> {
  const call = calling(server);
  const rows: Row[] = [];
  for (const { label, values, where, walk, count: countSql } of filterCases(raw)) {
    const count = raw.prepare(countSql);
    for (const sort of ['lastVisit', 'created', 'name'] as const) {
      for (const direction of ['desc', 'asc'] as const) {
        const page = raw.prepare(
          `select c.id, c.name, c.gender, c.mobile, c.district, c.stage, c.base_grade, c.source_channel,
             c.last_visit_at, c.created_at,
             (select group_concat(v.plate, ' ') from vehicles v where v.owner_id = c.id) as plates,
             (select group_concat(distinct v.series) from vehicles v where v.owner_id = c.id) as series
           from customers c indexed by ${walk(sort)} where c.merged_into_id is null and ${where}
           order by ${sortColumns[sort]} ${direction}, c.id ${direction} limit 51`,
        );
        await reconnect(server);
        rows.push({
          scale,
          operation: `customers.list ${label}, ${sort} ${direction}`,
          api: await timeAsync(reps, (i) =>
            call('customers.list', {
              limit: 50,
              sort,
              direction,
              filters: values[i % values.length]!.api,
            }),
          ),
          raw: timeSync(reps, (i) => {
            const { params } = values[i % values.length]!;
            page.all(...params);
            count.get(...params);
          }),
          target: '<30ms',
        });
      }
    }
  }
  return rows;
}

/**
 * Search (each kind of query, taken from the data and different on every repetition), list pages with each
 * filter under each sort order (first page, with the total), and the filter choices.
 */
export async function benchSearch(
  scale: string,
  server: BenchServer,
  raw: Database.Database,
  reps: number,
): Promise<Row[]> {
  const rows = [
    ...(await benchSearchKinds(scale, server, raw, reps)),
    ...(await benchListPages(scale, server, raw, reps)),
  ];
  const call = calling(server);
  await reconnect(server);
  rows.push({
    scale,
    operation: 'customers.facets',
    api: await timeAsync(Math.min(reps, 30), () => call('customers.facets', {})),
    raw: timeSync(Math.min(reps, 30), () => {
      raw
        .prepare('select district, count(*) from customers where merged_into_id is null group by district')
        .all();
      raw.prepare('select series, count(*) from vehicles group by series').all();
      raw.prepare('select tag, count(*) from customer_tags group by tag').all();
    }),
  });
  return rows;
}
