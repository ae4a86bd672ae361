import type Database from 'better-sqlite3';
import type { StructureTable } from '../../contract/reports';
import type { WarrantyState } from '../../contract/vehicles';
import { defaultWarrantyTerms, warrantyStateNames } from '../customers/customer-rules/warranty-state';
import { monthWindow } from './month-window';
import type { StructureCounts } from './structure-rows';
import { structureRows } from './structure-rows';

/**
 * The year's visits (the 12 months ending with the month) summed per customer, series of the car and warranty
 * state at the visit: one pass serves the three structure tables.
 */
export interface StructureFacts {
  month: string;
  rows: { customerId: number; series: string; state: WarrantyState; visits: number; revenueFen: number }[];
}

/**
 * The warranty state at each visit as the customer rules decide it (warranty-state.ts): a first maintenance is
 * 首保; past the warranty's years from delivery (a day the month lacks falls to its last, as addMonths does) or
 * its km is 出保; else 在保; no delivery date (or a later one), 未知.
 */
export function readStructureFacts(sqlite: Database.Database, month: string): StructureFacts {
  const w = monthWindow(month).year;
  const t = defaultWarrantyTerms;
  const rows = sqlite
    .prepare(
      `select s.customer_id as customerId, v.series,
         case when s.type = 'first_maintenance' then 'first_service'
              when v.delivery_date is null or v.delivery_date > s.visit_date then 'unknown'
              when s.visit_date >= date(v.delivery_date, @warrantyMonths, 'floor') or s.mileage_km >= @warrantyKm
                then 'expired'
              else 'in_warranty' end as state,
         count(*) as visits, sum(s.amount_fen) as revenueFen
       from service_visits s indexed by service_visits_report_idx join vehicles v on v.id = s.vehicle_id
       where s.visit_date between @from and @to group by 1, 2, 3`,
    )
    .all({
      ...w,
      warrantyMonths: `+${t.warrantyYears * 12} months`,
      warrantyKm: t.warrantyKm,
    }) as StructureFacts['rows'];
  return { month, rows };
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

/** Counts per key with distinct customers: a customer in two rows of a key counts once in each. */
function groupBy(facts: StructureFacts, keyOf: (r: StructureFacts['rows'][number]) => string) {
  const groups = new Map<string, { customers: Set<number>; visits: number; revenueFen: number }>();
  for (const r of facts.rows) {
    const key = keyOf(r);
    const g = groups.get(key) ?? { customers: new Set<number>(), visits: 0, revenueFen: 0 };
    g.customers.add(r.customerId);
    g.visits += r.visits;
    g.revenueFen += r.revenueFen;
    groups.set(key, g);
  }
  return groups;
}

function distinctCustomers(facts: StructureFacts): number {
  return new Set(facts.rows.map((r) => r.customerId)).size;
}

/**
 * 基盘客户结构 by number of service visits in the 12 months ending with the month (seed 004): customers with ≥ 4,
 * 3, 2 and 1 visits, their visits (all of their cars together) and revenue, and the seed's sentence on the top row.
 */
export function structureByVisits(facts: StructureFacts): StructureTable {
  const perCustomer = groupBy(facts, (r) => String(r.customerId));
  const bands = new Map<string, StructureCounts>();
  for (const c of perCustomer.values()) {
    const key = c.visits >= 4 ? '4+' : String(c.visits);
    const b = bands.get(key) ?? {
      key,
      label: visitBands.find((v) => v.key === key)!.label,
      customers: 0,
      visits: 0,
      revenueFen: 0,
    };
    b.customers += 1;
    b.visits += c.visits;
    b.revenueFen += c.revenueFen;
    bands.set(key, b);
  }
  const table = structureRows(visitBands, [...bands.values()], perCustomer.size);
  const top = table.rows[0]!;
  return {
    ...table,
    sentence:
      perCustomer.size > 0
        ? `${percent(top.customerShare)}% 的客户贡献了 ${percent(top.revenueShare)}% 的产值`
        : null,
    definition: `${windowText(facts.month)}有进站记录的客户，按进站次数分组（一位客户名下多台车的进站合计）；产值为结算金额，客单价 = 产值 ÷ 进站台次，单车产值贡献 = 产值 ÷ 客户数`,
  };
}

/** The same by the series of the car that came in; a customer with cars of two series counts in both rows. */
export function structureBySeries(facts: StructureFacts): StructureTable {
  const counts = [...groupBy(facts, (r) => r.series)]
    .map(([series, g]) => ({
      key: series,
      label: series,
      customers: g.customers.size,
      visits: g.visits,
      revenueFen: g.revenueFen,
    }))
    .sort((a, b) => b.revenueFen - a.revenueFen || a.key.localeCompare(b.key));
  return {
    ...structureRows(counts, counts, distinctCustomers(facts)),
    sentence: null,
    definition: `${windowText(facts.month)}的进站，按进站车辆的车系分组；一位客户有两个车系的车时两行各计一次，客户占比以合计（去重）为分母`,
  };
}

/** The same by the car's warranty state at each visit (readStructureFacts says how it is decided). */
export function structureByWarranty(facts: StructureFacts): StructureTable {
  const t = defaultWarrantyTerms;
  const groups = groupBy(facts, (r) => r.state);
  const states: WarrantyState[] = ['first_service', 'in_warranty', 'expired'];
  if (groups.has('unknown')) states.push('unknown');
  const counts = states.map((s) => {
    const g = groups.get(s);
    return {
      key: s,
      label: warrantyStateNames[s],
      customers: g?.customers.size ?? 0,
      visits: g?.visits ?? 0,
      revenueFen: g?.revenueFen ?? 0,
    };
  });
  return {
    ...structureRows(counts, counts, distinctCustomers(facts)),
    sentence: null,
    definition: `${windowText(facts.month)}的进站，按进站时车辆的保修状态分组：首保进站计首保；交车满 ${t.warrantyYears} 年或里程达 ${t.warrantyKm.toLocaleString('en-US')} 公里计出保；其余计在保（缺交车日期计未知）`,
  };
}
