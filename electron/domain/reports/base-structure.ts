import type Database from 'better-sqlite3';
import type { StructureTable } from '../../contract/reports';
import type { WarrantyState } from '../../contract/vehicles';
import { defaultWarrantyTerms, warrantyStateNames } from '../customers/customer-rules/warranty-state';
import { monthWindow } from './month-window';
import type { StructureCounts } from './structure-rows';
import { structureRows } from './structure-rows';

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
export function structureByVisits(sqlite: Database.Database, month: string): StructureTable {
  const w = monthWindow(month).year;
  const counts = sqlite
    .prepare(
      `select band as key, count(*) as customers, sum(n) as visits, sum(revenue) as revenueFen from (
         select customer_id, count(*) as n, sum(amount_fen) as revenue,
           case when count(*) >= 4 then '4+' else cast(count(*) as text) end as band
         from service_visits indexed by service_visits_report_idx
         where visit_date between @from and @to group by customer_id
       ) group by band`,
    )
    .all(w) as Omit<StructureCounts, 'label'>[];
  const labelled = counts.map((c) => ({ ...c, label: visitBands.find((b) => b.key === c.key)!.label }));
  const customers = counts.reduce((n, c) => n + c.customers, 0);
  const table = structureRows(visitBands, labelled, customers);
  const top = table.rows[0]!;
  return {
    ...table,
    sentence:
      customers > 0
        ? `${percent(top.customerShare)}% 的客户贡献了 ${percent(top.revenueShare)}% 的产值`
        : null,
    definition: `${windowText(month)}有进站记录的客户，按进站次数分组（一位客户名下多台车的进站合计）；产值为结算金额，客单价 = 产值 ÷ 进站台次，单车产值贡献 = 产值 ÷ 客户数`,
  };
}

/** The same by the series of the car that came in; a customer with cars of two series counts in both rows. */
export function structureBySeries(sqlite: Database.Database, month: string): StructureTable {
  const w = monthWindow(month).year;
  const counts = sqlite
    .prepare(
      `select v.series as key, v.series as label, count(distinct s.customer_id) as customers, count(*) as visits,
         sum(s.amount_fen) as revenueFen
       from service_visits s indexed by service_visits_report_idx join vehicles v on v.id = s.vehicle_id
       where s.visit_date between @from and @to group by v.series order by revenueFen desc, v.series`,
    )
    .all(w) as StructureCounts[];
  return {
    ...structureRows(counts, counts, distinctCustomers(sqlite, w)),
    sentence: null,
    definition: `${windowText(month)}的进站，按进站车辆的车系分组；一位客户有两个车系的车时两行各计一次，客户占比以合计（去重）为分母`,
  };
}

/**
 * The same by the car's warranty state at each visit, as the customer rules decide it (warranty-state.ts):
 * a first maintenance is 首保; past the warranty's years (counted from delivery) or its km is 出保; else 在保.
 */
export function structureByWarranty(sqlite: Database.Database, month: string): StructureTable {
  const w = monthWindow(month).year;
  const t = defaultWarrantyTerms;
  const counts = sqlite
    .prepare(
      `select state as key, count(distinct customer_id) as customers, count(*) as visits, sum(amount_fen) as revenueFen
       from (
         select s.customer_id, s.amount_fen,
           case when s.type = 'first_maintenance' then 'first_service'
                when v.delivery_date is null or v.delivery_date > s.visit_date then 'unknown'
                when s.visit_date >= date(v.delivery_date, @warrantyMonths, 'floor') or s.mileage_km >= @warrantyKm
                  then 'expired'
                else 'in_warranty' end as state
         from service_visits s indexed by service_visits_report_idx join vehicles v on v.id = s.vehicle_id
         where s.visit_date between @from and @to
       ) group by state`,
    )
    .all({ ...w, warrantyMonths: `+${t.warrantyYears * 12} months`, warrantyKm: t.warrantyKm }) as Omit<
    StructureCounts,
    'label'
  >[];
  const states: WarrantyState[] = ['first_service', 'in_warranty', 'expired'];
  if (counts.some((c) => c.key === 'unknown')) states.push('unknown');
  const order = states.map((s) => ({ key: s, label: warrantyStateNames[s] }));
  return {
    ...structureRows(
      order,
      counts.map((c) => ({ ...c, label: warrantyStateNames[c.key as WarrantyState] })),
      distinctCustomers(sqlite, w),
    ),
    sentence: null,
    definition: `${windowText(month)}的进站，按进站时车辆的保修状态分组：首保进站计首保；交车满 ${t.warrantyYears} 年或里程达 ${t.warrantyKm.toLocaleString('en-US')} 公里计出保；其余计在保（缺交车日期计未知）`,
  };
}

function distinctCustomers(sqlite: Database.Database, w: { from: string; to: string }): number {
  return sqlite
    .prepare(
      `select count(distinct customer_id) from service_visits indexed by service_visits_report_idx
       where visit_date between @from and @to`,
    )
    .pluck()
    .get(w) as number;
}
