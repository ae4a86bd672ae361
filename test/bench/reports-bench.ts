import path from 'node:path';
import type Database from 'better-sqlite3';
import type { ReportPack } from '../../electron/contract/reports';
import { readGradeCounts } from '../../electron/domain/reports/base-grades';
import { monthWindow, shiftMonth } from '../../electron/domain/reports/month-window';
import type { BenchServer } from './api-server';
import { startBenchServer } from './api-server';
import { benchReportPdf } from './report-pdf-bench';
import { benchNow } from './bench-db';
import type { Figures, Row } from './stats';
import { percentiles, timeAsync, timeSync } from './stats';

/** The month before the bench data's day: a whole month with a full year of history behind it. */
function reportMonth(): string {
  const d = new Date(benchNow);
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
}

const idx = (col: string) =>
  `(cast(substr(${col}, 1, 4) as integer) * 12 + cast(substr(${col}, 6, 2) as integer))`;
const monthIdx = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7));

interface RawFigures {
  structure: { customers: number; visits: number; revenueFen: number; bands: Record<string, number> };
  /** The report month's retention and on-time maintenance, as numerator/denominator. */
  retention: [number, number];
  onTime: [number, number];
  yearRevenueFen: number;
  gradedCustomers: number;
}

/**
 * The pack's numbers as set-based SQL on the same tables the app reads (the visit facts, not the app's kept
 * months): the structure tables, retention/active for 12 months from the month pairs, revenue per month, on-time
 * maintenance for 12 months, the deliveries, the grade tables in one pass, CSI/NPS per month, the complaint and
 * call-back counts of the month, the events held. Returns the figures the bench compares with the API's.
 */
function rawPack(raw: Database.Database, month: string): RawFigures {
  const w = monthWindow(month);
  const first = shiftMonth(month, -34);
  const p = { month, first, from: w.year.from.slice(0, 7), to: month, end: monthIdx(month) };
  const rows = raw
    .prepare(
      `with c as materialized (
         select customer_id, series, state, sum(visits) as v, sum(revenue_fen) as r from visit_structure_months
         where ym between @from and @to group by customer_id, series, state
       )
       select 'band' as kind, case when v >= 4 then '4+' else cast(v as text) end as key, count(*) as customers,
         sum(v) as visits, sum(r) as revenueFen from (select sum(v) as v, sum(r) as r from c group by customer_id) group by 2
       union all select 'series', series, count(distinct customer_id), sum(v), sum(r) from c group by series
       union all select 'state', state, count(distinct customer_id), sum(v), sum(r) from c group by state`,
    )
    .all(p) as { kind: string; key: string; customers: number; visits: number; revenueFen: number }[];
  const bands = rows.filter((r) => r.kind === 'band');
  const retention = raw
    .prepare(
      `with recursive t(e) as (select @end - 11 union all select e + 1 from t where e < @end),
       p as (select ${idx('ym')} as a, ${idx('next_ym')} as n, customers as c from visit_month_pairs
             where ym between @first and @month)
       select e, coalesce(sum(case when a between e - 23 and e - 12 and n > e - 12 then c end), 0) as prior,
         coalesce(sum(case when a between e - 23 and e - 12 and n > e - 12 and n <= e then c end), 0) as retained,
         coalesce(sum(case when a between e - 11 and e and n > e then c end), 0) as active
       from t, p group by e order by e`,
    )
    .all(p) as { e: number; prior: number; retained: number; active: number }[];
  const yearRevenueFen = raw
    .prepare('select coalesce(sum(revenue_fen), 0) from visit_month_totals where ym between @from and @to')
    .pluck()
    .get(p) as number;
  const onTime = raw
    .prepare(
      `select substr(visit_date, 1, 7) as ym, count(*) as visits, coalesce(sum(
           visit_date <= date(base_date, case when first then '+3 months' else '+6 months' end, 'floor', '+30 days')
           and mileage_km - base_km <= (case when first then 3000 else 7500 end) * 1.1), 0) as onTime
       from (select f.visit_date, f.mileage_km, f.prev_date is null as first, coalesce(f.prev_km, 0) as base_km,
               case when f.prev_date is not null then f.prev_date
                    when f.first_service then (select v.delivery_date from vehicles v where v.id = f.vehicle_id) end as base_date
             from maintenance_visit_facts f where f.visit_date between @yearFrom and @yearTo)
       where base_date is not null group by ym`,
    )
    .all({ yearFrom: w.year.from, yearTo: w.to }) as { ym: string; visits: number; onTime: number }[];
  const deliveryFrom = `${shiftMonth(month, -23)}-01`;
  raw
    .prepare(
      `select substr(v.delivery_date, 1, 7), count(distinct v.owner_id) from vehicles v
       where v.delivery_date between ? and ? and v.owner_id is not null
         and (exists (select 1 from vehicle_ownerships o where o.customer_id = v.owner_id and o.vehicle_id <> v.id
                        and o.from_date < v.delivery_date)
           or exists (select 1 from vehicles v2 where v2.owner_id = v.owner_id and v2.id <> v.id
                        and v2.delivery_date < v.delivery_date)) group by 1`,
    )
    .all(deliveryFrom, w.to);
  const grades = readGradeCounts(raw);
  const yearStart = new Date(`${w.year.from}T00:00:00+08:00`).toISOString();
  const monthEnd = new Date(new Date(`${w.to}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();
  const monthStart = new Date(`${w.from}T00:00:00+08:00`).toISOString();
  raw
    .prepare(
      `select substr(surveyed_at, 1, 7), kind, count(*), sum(overall = 'satisfied'), sum(nps >= 9), sum(nps <= 6)
       from csi_surveys where surveyed_at >= ? and surveyed_at < ? group by 1, 2`,
    )
    .all(yearStart, monthEnd);
  raw
    .prepare(
      `select substr(received_at, 1, 7), grade, category, count(*), sum(is_repeat), sum(closed_at is not null)
       from complaint_tickets where received_at >= ? and received_at < ? group by 1, 2, 3`,
    )
    .all(yearStart, monthEnd);
  raw
    .prepare(
      `select rule_code, assigned_user_id, count(*), sum(status = 'done') from callback_tasks
       where due_date between ? and ? group by 1, 2`,
    )
    .all(w.from, w.to);
  raw
    .prepare(
      `select user_id, count(*) from callback_attempts where ended_at >= ? and ended_at < ? group by user_id`,
    )
    .all(monthStart, monthEnd);
  raw
    .prepare(
      `select e.id, count(i.id) from events e left join event_invitees i on i.event_id = e.id
       where e.starts_on between ? and ? group by e.id`,
    )
    .all(w.from, w.to);
  const last = retention[retention.length - 1]!;
  const m = onTime.find((r) => r.ym === month) ?? { visits: 0, onTime: 0 };
  return {
    structure: {
      customers: bands.reduce((n, b) => n + b.customers, 0),
      visits: bands.reduce((n, b) => n + b.visits, 0),
      revenueFen: bands.reduce((n, b) => n + b.revenueFen, 0),
      bands: Object.fromEntries(bands.map((b) => [b.key, b.customers])),
    },
    retention: [last.retained, last.prior],
    onTime: [m.onTime, m.visits],
    yearRevenueFen,
    gradedCustomers: grades.district.reduce((n, g) => n + g.n, 0),
  };
}

/**
 * A few of the same figures straight from service_visits and vehicles, as the facts' triggers and backfill should
 * have summed them: the 12 months' customers, visits and revenue, the month's retention and on-time maintenance.
 */
function fromVisits(
  raw: Database.Database,
  month: string,
): Omit<RawFigures, 'gradedCustomers' | 'structure'> & {
  structure: Omit<RawFigures['structure'], 'bands'>;
} {
  const w = monthWindow(month);
  const s = raw
    .prepare(
      `select count(distinct customer_id) as customers, count(*) as visits, coalesce(sum(amount_fen), 0) as revenueFen
       from service_visits where visit_date between ? and ?`,
    )
    .get(w.year.from, w.to) as RawFigures['structure'];
  const r = raw
    .prepare(
      `select count(*) as prior, coalesce(sum(exists (select 1 from service_visits y indexed by service_visits_customer_idx
           where y.customer_id = x.customer_id and y.visit_date between @yf and @yt)), 0) as retained
       from (select distinct customer_id from service_visits where visit_date between @pf and @pt) x`,
    )
    .get({ pf: w.priorYear.from, pt: w.priorYear.to, yf: w.year.from, yt: w.to }) as {
    prior: number;
    retained: number;
  };
  const m = raw
    .prepare(
      `with m as (
         select s.vehicle_id, s.visit_date, s.mileage_km, s.type,
           (select x.visit_date || '|' || x.mileage_km from service_visits x indexed by service_visits_vehicle_idx
            where x.vehicle_id = s.vehicle_id and x.visit_date < s.visit_date and x.type in ('first_maintenance', 'maintenance')
            order by x.visit_date desc, x.id desc limit 1) as prev
         from service_visits s where s.visit_date between @from and @to and s.type in ('first_maintenance', 'maintenance')
       ), based as (
         select m.visit_date, m.mileage_km,
           case when m.prev is not null then substr(m.prev, 1, instr(m.prev, '|') - 1)
                when m.type = 'first_maintenance' then v.delivery_date end as base_date,
           case when m.prev is not null then cast(substr(m.prev, instr(m.prev, '|') + 1) as integer) else 0 end as base_km,
           m.prev is null as first
         from m join vehicles v on v.id = m.vehicle_id
       )
       select count(*) as visits, coalesce(sum(
           visit_date <= date(base_date, case when first then '+3 months' else '+6 months' end, 'floor', '+30 days')
           and mileage_km - base_km <= (case when first then 3000 else 7500 end) * 1.1), 0) as onTime
       from based where base_date is not null`,
    )
    .get({ from: w.from, to: w.to }) as { visits: number; onTime: number };
  const yearRevenueFen = s.revenueFen;
  return { structure: s, retention: [r.retained, r.prior], onTime: [m.onTime, m.visits], yearRevenueFen };
}

function agree(what: string, api: unknown, raw: unknown, log: (line: string) => void): void {
  const a = JSON.stringify(api);
  const b = JSON.stringify(raw);
  if (a !== b) throw new Error(`reports bench: ${what} differ — API ${a}, SQL ${b}`);
  log(`    ✓ ${what}: ${a}`);
}

function figuresOf(pack: ReportPack) {
  const k = (code: string) => pack.kpis.find((x) => x.code === code)!;
  const t = pack.structure.byVisits;
  return {
    structure: {
      customers: t.total.customers,
      visits: t.total.visits,
      revenueFen: t.total.revenueFen,
      bands: Object.fromEntries(t.rows.filter((r) => r.customers > 0).map((r) => [r.key, r.customers])),
    },
    retention: [k('retention').numerator, k('retention').denominator],
    onTime: [k('on_time_maintenance').numerator, k('on_time_maintenance').denominator],
    yearRevenueFen: t.total.revenueFen,
    gradedCustomers: pack.grades.byDistrict.total.thisYear.total,
  };
}

/** A visit written and taken back in the month: its triggers drop the month's kept figures (as any real write). */
function touchMonth(raw: Database.Database, month: string): void {
  const v = raw
    .prepare(
      "select vehicle_id, customer_id from service_visits where type = 'maintenance' order by id desc limit 1",
    )
    .get() as { vehicle_id: number; customer_id: number };
  raw.transaction(() => {
    const id = raw
      .prepare(
        `insert into service_visits (vehicle_id, customer_id, visit_date, type, mileage_km, amount_fen)
         values (?, ?, ?, 'maintenance', 1, 0)`,
      )
      .run(v.vehicle_id, v.customer_id, `${month}-15`).lastInsertRowid;
    raw.prepare('delete from service_visits where id = ?').run(id);
  })();
}

/**
 * 月度报表: the whole pack of a month through HTTP, warm (the month's kept figures in place) and right after a
 * write in the month dropped them, beside the same numbers as set-based SQL on the same tables; the API's key
 * figures must equal the SQL's, and those the sums straight from the visits. The dashboard.
 */
export async function benchReports(
  scale: string,
  server: BenchServer,
  raw: Database.Database,
  reps: number,
  coldPort: number,
  starts: number,
  log: (line: string) => void,
): Promise<Row[]> {
  const month = reportMonth();
  const visits = raw.prepare('select count(*) from service_visits').pluck().get() as number;
  log(`  月度报表 ${month}：进站记录 ${visits} 条`);
  const packReps = Math.max(5, Math.min(20, Math.floor(reps / 10)));
  // First pack after a write in the month: kept figures dropped, worked out again from the facts.
  const recomputed: number[] = [];
  let pack: ReportPack | null = null;
  for (let i = 0; i < packReps; i++) {
    touchMonth(raw, month);
    const t0 = performance.now();
    pack = (await server.call('reports.pack', { month })) as ReportPack;
    recomputed.push(performance.now() - t0);
  }
  const rawTimes: Figures = timeSync(packReps, () => rawPack(raw, month));
  const api = figuresOf(pack!);
  const sql = rawPack(raw, month);
  for (const k of Object.keys(sql) as (keyof RawFigures)[])
    agree(`${k} (API = SQL on the facts)`, api[k], sql[k], log);
  const t0 = performance.now();
  const base = fromVisits(raw, month);
  log(`    straight from service_visits in ${((performance.now() - t0) / 1000).toFixed(1)} s:`);
  const { bands: _b, ...apiStructure } = api.structure;
  agree('structure (API = SQL on the visits)', apiStructure, base.structure, log);
  agree('retention (API = SQL on the visits)', api.retention, base.retention, log);
  agree('onTime (API = SQL on the visits)', api.onTime, base.onTime, log);
  const rows: Row[] = [
    {
      scale,
      operation: `reports.pack ${month} warm (KPIs with 12 months, all tables)`,
      api: await timeAsync(packReps, () => server.call('reports.pack', { month })),
      raw: rawTimes,
      target: '< 1 s',
    },
    {
      scale,
      operation: `reports.pack ${month} after a write in the month (its figures worked out again)`,
      api: percentiles(recomputed),
      raw: rawTimes,
      target: '< 1 s',
    },
    {
      scale,
      operation: 'reports.dashboard (manager start page)',
      api: await timeAsync(packReps, () => server.call('reports.dashboard', {})),
      raw: null,
    },
  ];
  // 月结: close (the pack computed and stored; a reason, as the month may have been closed by an earlier run),
  // then the frozen pack read back; beside it the same as SQL: the pack's numbers and the insert, the row read.
  const reason = '压测：重新月结';
  rows.push({
    scale,
    operation: `reports.close ${month} (pack computed and frozen)`,
    api: await timeAsync(Math.max(3, Math.floor(packReps / 2)), () =>
      server.call('reports.close', { month, reason }),
    ),
    raw: timeSync(Math.max(3, Math.floor(packReps / 2)), () => {
      rawPack(raw, month);
      raw.transaction(() => {
        const before = raw
          .prepare(
            'select revision, pack from report_snapshots where month = ? order by revision desc limit 1',
          )
          .get(month) as { revision: number; pack: string };
        raw
          .prepare(
            `insert into report_snapshots (month, revision, pack, app_version, closed_at, closed_by, reason)
             values (?, ?, ?, 'bench', ?, null, ?)`,
          )
          .run(month, before.revision + 1, before.pack, new Date().toISOString(), reason);
      })();
    }),
  });
  const snapshotSql =
    'select s.*, u.display_name from report_snapshots s left join users u on u.id = s.closed_by where s.month = ? order by s.revision desc limit 1';
  rows.push({
    scale,
    operation: `reports.snapshot ${month} (frozen pack read back)`,
    api: await timeAsync(packReps, () => server.call('reports.snapshot', { month })),
    raw: timeSync(packReps, () => JSON.parse((raw.prepare(snapshotSql).get(month) as { pack: string }).pack)),
  });
  rows.push({
    scale,
    operation: `reports.exportXlsx ${month} live (pack + workbook, one sheet per table)`,
    api: await timeAsync(packReps, () => server.call('reports.exportXlsx', { month })),
    raw: rawTimes,
  });
  rows.push({
    scale,
    operation: `reports.exportXlsx ${month} frozen`,
    api: await timeAsync(packReps, () => server.call('reports.exportXlsx', { month, frozen: true })),
    raw: null,
  });
  rows.push({
    scale,
    operation: `reports.compare ${month} (live beside frozen, differences)`,
    api: await timeAsync(packReps, () => server.call('reports.compare', { month })),
    raw: null,
  });

  // Cold: fresh servers (the morning's first request). With the month's kept figures in place, and right after a
  // write in the month dropped them (the first computation on a cold process).
  const dir = path.dirname(raw.name);
  const cold = {
    kept: [] as number[],
    dropped: [] as number[],
    second: [] as number[],
    dash: [] as number[],
  };
  for (let i = 0; i < starts; i++) {
    for (const drop of [false, true]) {
      if (drop) touchMonth(raw, month);
      const fresh = await startBenchServer(dir, coldPort);
      try {
        let t = performance.now();
        await fresh.call('reports.pack', { month });
        (drop ? cold.dropped : cold.kept).push(performance.now() - t);
        if (drop) {
          t = performance.now();
          await fresh.call('reports.pack', { month });
          cold.second.push(performance.now() - t);
        } else {
          t = performance.now();
          await fresh.call('reports.dashboard', {});
          cold.dash.push(performance.now() - t);
        }
      } finally {
        await fresh.stop();
      }
    }
  }
  rows.push(
    {
      scale,
      operation: `reports.pack ${month} first call of a fresh server (kept figures in place; ${starts} starts)`,
      api: percentiles(cold.kept),
      raw: rawTimes,
      target: '< 1 s',
    },
    {
      scale,
      operation: `reports.pack ${month} first call of a fresh server after a write in the month`,
      api: percentiles(cold.dropped),
      raw: rawTimes,
      target: '< 1 s',
    },
    {
      scale,
      operation: `reports.pack ${month} second call of that fresh server`,
      api: percentiles(cold.second),
      raw: rawTimes,
      target: '< 1 s',
    },
    {
      scale,
      operation: 'reports.dashboard after the first pack of a fresh server',
      api: percentiles(cold.dash),
      raw: null,
    },
  );
  // The PDF a manager prints, after the close above (the frozen view reads that snapshot).
  rows.push(...(await benchReportPdf(scale, server, month)));
  return rows;
}
