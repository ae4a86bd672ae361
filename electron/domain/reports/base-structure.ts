import type Database from 'better-sqlite3';
import type { StructureTable } from '../../contract/reports';
import type { WarrantyState } from '../../contract/vehicles';
import { defaultWarrantyTerms, warrantyStateNames } from '../customers/customer-rules/warranty-state';
import { monthWindow } from './month-window';
import type { StructureCounts } from './structure-rows';
import { structureRows } from './structure-rows';

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

/** Bumped when what the cached facts hold or how they are worked out changes, so older rows are worked out again. */
const factsVersion = 'structure-1';

/**
 * From visit_structure_months (db/schema/visit-facts.ts), whose triggers decide the warranty state at each visit
 * as the customer rules do (warranty-state.ts): a first maintenance is 首保; past the warranty's years from
 * delivery (a day the month lacks falls to its last, as addMonths does) or its km is 出保; else 在保; no delivery
 * date (or a later one), 未知. Worked out once per month and kept in report_month_cache until a visit of those 12
 * months (or a car) changes — its triggers drop the row in the writer's transaction.
 */
export function readStructureFacts(sqlite: Database.Database, month: string): StructureFacts {
  const cached = sqlite
    .prepare(`select key, data from report_month_cache where kind = 'structure' and month = ?`)
    .get(month) as { key: string; data: string } | undefined;
  if (cached?.key === factsVersion)
    return { month, ...(JSON.parse(cached.data) as Omit<StructureFacts, 'month'>) };
  const w = monthWindow(month).year;
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
    .all({ from: w.from.slice(0, 7), to: w.to.slice(0, 7) }) as (Group & { kind: string })[];
  const of = (kind: string) => rows.filter((r) => r.kind === kind).map(({ kind: _k, ...g }) => g);
  const bands = of('band');
  const facts = {
    customers: bands.reduce((n, b) => n + b.customers, 0),
    bands,
    series: of('series'),
    states: of('state'),
  };
  sqlite
    .prepare(
      `insert or replace into report_month_cache (kind, month, key, data) values ('structure', ?, ?, ?)`,
    )
    .run(month, factsVersion, JSON.stringify(facts));
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
