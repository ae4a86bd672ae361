import type Database from 'better-sqlite3';
import type { StructureTable } from '../../contract/reports';
import type { WarrantyState } from '../../contract/vehicles';
import { defaultWarrantyTerms, warrantyStateNames } from '../customers/customer-rules/warranty-state';
import type { StructurePart } from './fact-changes';
import { changesSince, keepMonth, lastChangeId, readKeptMonth } from './fact-changes';
import { monthWindow, shiftMonth } from './month-window';
import type { StructureCounts } from './structure-rows';
import { structureRows } from './structure-rows';
import { monthsBetween } from './visit-history';

/**
 * The year's visits (the 12 months ending with the month) counted three ways for the three structure tables: per
 * customer (all of their cars together) banded by number of visits, by series of the car and by warranty state
 * at the visit, each with its distinct customers, visits and revenue.
 */
export interface StructureFacts {
  month: string;
  /** Distinct customers with a visit in the 12 months. */
  customers: number;
  bands: Group[];
  series: Group[];
  states: Group[];
}

interface Group {
  key: string;
  customers: number;
  visits: number;
  revenueFen: number;
}

/** Bumped when what the kept facts hold or how they are worked out changes, so older rows are worked out again. */
const factsVersion = 'structure-2';

type Parts = Omit<StructurePart, 'customerId'>[];

/** What one customer's structure rows of the window add to the facts: one customer, in one band, series, state. */
function addCustomer(facts: Omit<StructureFacts, 'month'>, parts: Parts, sign: 1 | -1): void {
  if (parts.length === 0) return;
  const add = (groups: Group[], key: string, visits: number, revenueFen: number, customers: number) => {
    let g = groups.find((x) => x.key === key);
    if (!g) groups.push((g = { key, customers: 0, visits: 0, revenueFen: 0 }));
    g.customers += sign * customers;
    g.visits += sign * visits;
    g.revenueFen += sign * revenueFen;
  };
  const visits = parts.reduce((n, p) => n + p.visits, 0);
  const revenueFen = parts.reduce((n, p) => n + p.revenueFen, 0);
  facts.customers += sign;
  add(facts.bands, visits >= 4 ? '4+' : String(visits), visits, revenueFen, 1);
  for (const [groups, by] of [
    [facts.series, 'series'],
    [facts.states, 'state'],
  ] as const) {
    const keys = [...new Set(parts.map((p) => p[by]))];
    for (const k of keys) {
      const mine = parts.filter((p) => p[by] === k);
      add(
        groups,
        k,
        mine.reduce((n, p) => n + p.visits, 0),
        mine.reduce((n, p) => n + p.revenueFen, 0),
        1,
      );
    }
  }
}

/** Groups no customer is left in go (as a fresh count has none); each list in key order. */
function tidy(facts: Omit<StructureFacts, 'month'>): Omit<StructureFacts, 'month'> {
  const clean = (groups: Group[]) =>
    groups.filter((g) => g.customers !== 0).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    customers: facts.customers,
    bands: clean(facts.bands),
    series: clean(facts.series),
    states: clean(facts.states),
  };
}

function freshFacts(sqlite: Database.Database, from: string, to: string): Omit<StructureFacts, 'month'> {
  const rows = sqlite
    .prepare(
      `with c as materialized (
         select customer_id, series, state, sum(visits) as v, sum(revenue_fen) as r from visit_structure_months
         where ym between @from and @to group by customer_id, series, state
       )
       select 'band' as kind, case when v >= 4 then '4+' else cast(v as text) end as key, count(*) as customers,
         sum(v) as visits, sum(r) as revenueFen
       from (select sum(v) as v, sum(r) as r from c group by customer_id) group by 2
       union all
       select 'series', series, count(distinct customer_id), sum(v), sum(r) from c group by series
       union all
       select 'state', state, count(distinct customer_id), sum(v), sum(r) from c group by state`,
    )
    .all({ from, to }) as (Group & { kind: string })[];
  const of = (kind: string) => rows.filter((r) => r.kind === kind).map(({ kind: _k, ...g }) => g);
  const bands = of('band');
  return tidy({
    customers: bands.reduce((n, b) => n + b.customers, 0),
    bands,
    series: of('series'),
    states: of('state'),
  });
}

/**
 * The kept facts brought up to date: each customer the changes since name is taken out as they were then (their
 * rows now less the changes) and put back as they are now. Null when the changes are too many.
 */
function caughtUp(
  sqlite: Database.Database,
  kept: Omit<StructureFacts, 'month'>,
  seq: number,
  from: string,
  to: string,
): Omit<StructureFacts, 'month'> | null {
  const changes = changesSince(sqlite, seq, from, to);
  if (!changes) return null;
  if (changes.length === 0) return kept;
  const ids = [...new Set(changes.map((c) => c.customerId))];
  const months = Array.from({ length: monthsBetween(from, to) + 1 }, (_, i) => shiftMonth(from, i));
  // Month by customer on the key's prefix (ym, customer_id): a dozen seeks per customer, not a year of rows.
  const now = sqlite
    .prepare(
      `select s.customer_id as customerId, s.series, s.state, sum(s.visits) as visits,
         sum(s.revenue_fen) as revenueFen
       from json_each(@ids) j cross join json_each(@months) m
         join visit_structure_months s on s.ym = m.value and s.customer_id = j.value
       group by 1, 2, 3`,
    )
    .all({ ids: JSON.stringify(ids), months: JSON.stringify(months) }) as StructurePart[];
  const byCustomer = (parts: StructurePart[]) => {
    const m = new Map<number, Map<string, StructurePart>>();
    for (const p of parts) {
      const c = m.get(p.customerId) ?? new Map<string, StructurePart>();
      c.set(`${p.series}\u0000${p.state}`, p);
      m.set(p.customerId, c);
    }
    return m;
  };
  const nowBy = byCustomer(now);
  const changedBy = byCustomer(changes);
  const facts = structuredClone(kept);
  for (const id of ids) {
    const current = nowBy.get(id) ?? new Map<string, StructurePart>();
    const before = new Map([...current].map(([k, p]) => [k, { ...p }]));
    for (const [k, d] of changedBy.get(id)!) {
      const b = before.get(k) ?? { ...d, visits: 0, revenueFen: 0 };
      b.visits -= d.visits;
      b.revenueFen -= d.revenueFen;
      before.set(k, b);
    }
    // A structure row exists while it has visits (the triggers delete it at zero).
    addCustomer(
      facts,
      [...before.values()].filter((p) => p.visits !== 0),
      -1,
    );
    addCustomer(facts, [...current.values()], 1);
  }
  return tidy(facts);
}

/**
 * From visit_structure_months (db/schema/visit-facts.ts), whose triggers decide the warranty state at each visit
 * as the customer rules do (warranty-state.ts): a first maintenance is 首保; past the warranty's years from
 * delivery (a day the month lacks falls to its last, as addMonths does) or its km is 出保; else 在保; no delivery
 * date (or a later one), 未知. Worked out once per month and kept in report_month_cache; a later write of a visit
 * or a car is caught up with from the change log (fact-changes.ts) for the customers it touched.
 */
export function readStructureFacts(sqlite: Database.Database, month: string): StructureFacts {
  const w = monthWindow(month).year;
  const from = w.from.slice(0, 7);
  const to = w.to.slice(0, 7);
  // One read snapshot: the facts and the last change id they include agree.
  const { facts, seq, keep } = sqlite.transaction(() => {
    const last = lastChangeId(sqlite);
    const kept = readKeptMonth(sqlite, 'structure', month);
    if (kept?.key === factsVersion && kept.seq !== null) {
      const parsed = JSON.parse(kept.data) as Omit<StructureFacts, 'month'>;
      if (kept.seq === last) return { facts: parsed, seq: last, keep: 'no' as const };
      const up = caughtUp(sqlite, parsed, kept.seq, from, to);
      if (up) return { facts: up, seq: last, keep: up === parsed ? ('seq' as const) : ('all' as const) };
    }
    return { facts: freshFacts(sqlite, from, to), seq: last, keep: 'all' as const };
  })();
  if (keep !== 'no')
    keepMonth(sqlite, 'structure', month, factsVersion, seq, keep === 'seq' ? null : JSON.stringify(facts));
  return { month, ...facts };
}

const visitBands = [
  { key: '4+', label: '进站≥4次' },
  { key: '3', label: '进站3次' },
  { key: '2', label: '进站2次' },
  { key: '1', label: '进站1次' },
] as const;

const windowText = (month: string) => {
  const w = monthWindow(month).year;
  return `${w.from} 至 ${w.to}（截至本月末的 12 个月，首尾两天都计）`;
};

const percent = (x: number | null) => (x === null ? null : Math.round(x * 100));

/**
 * 基盘客户结构 by number of service visits in the 12 months ending with the month (seed 004): customers with ≥ 4,
 * 3, 2 and 1 visits, their visits (all of their cars together) and revenue, and the seed's sentence on the top row.
 */
export function structureByVisits(facts: StructureFacts): StructureTable {
  const bands: StructureCounts[] = facts.bands.map((b) => ({
    ...b,
    label: visitBands.find((v) => v.key === b.key)!.label,
  }));
  const table = structureRows(visitBands, bands, facts.customers);
  const top = table.rows[0]!;
  return {
    ...table,
    sentence:
      facts.customers > 0
        ? `${percent(top.customerShare)}% 的客户贡献了 ${percent(top.revenueShare)}% 的产值`
        : null,
    definition: `${windowText(facts.month)}有进站记录的客户，按进站次数分组（一位客户名下多台车的进站合计）；产值为结算金额，客单价 = 产值 ÷ 进站台次，单车产值贡献 = 产值 ÷ 客户数`,
  };
}

/** The same by the series of the car that came in; a customer with cars of two series counts in both rows. */
export function structureBySeries(facts: StructureFacts): StructureTable {
  const counts = facts.series
    .map((g) => ({ ...g, label: g.key }))
    .sort((a, b) => b.revenueFen - a.revenueFen || a.key.localeCompare(b.key));
  return {
    ...structureRows(counts, counts, facts.customers),
    sentence: null,
    definition: `${windowText(facts.month)}的进站，按进站车辆的车系分组；一位客户有两个车系的车时两行各计一次，客户占比以合计（去重）为分母`,
  };
}

/** The same by the car's warranty state at each visit (readStructureFacts says how it is decided). */
export function structureByWarranty(facts: StructureFacts): StructureTable {
  const t = defaultWarrantyTerms;
  const groups = new Map(facts.states.map((g) => [g.key, g]));
  const states: WarrantyState[] = ['first_service', 'in_warranty', 'expired'];
  if (groups.has('unknown')) states.push('unknown');
  const counts = states.map((s) => {
    const g = groups.get(s);
    return {
      key: s,
      label: warrantyStateNames[s],
      customers: g?.customers ?? 0,
      visits: g?.visits ?? 0,
      revenueFen: g?.revenueFen ?? 0,
    };
  });
  return {
    ...structureRows(counts, counts, facts.customers),
    sentence: null,
    definition: `${windowText(facts.month)}的进站，按进站时车辆的保修状态分组：首保进站计首保；交车满 ${t.warrantyYears} 年或里程达 ${t.warrantyKm.toLocaleString('en-US')} 公里计出保；其余计在保（缺交车日期计未知）`,
  };
}
