import type Database from 'better-sqlite3';
import { monthWindow, shiftMonth } from '../../electron/domain/reports/month-window';
import type { BenchServer } from './api-server';
import { benchNow } from './bench-db';
import type { Row } from './stats';
import { timeAsync, timeSync } from './stats';

/** The month before the bench data's day: a whole month with a full year of history behind it. */
function reportMonth(): string {
  const d = new Date(benchNow);
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
}

/**
 * The heaviest reads of the pack as plain SQL: a year of visits by customer, by series and by warranty state,
 * 35 months of visit months per customer, and each maintenance visit's previous maintenance.
 */
function rawPack(raw: Database.Database, from: string, to: string, historyFrom: string): void {
  raw
    .prepare(
      `select count(*), sum(n), sum(r) from (select customer_id, count(*) as n, sum(amount_fen) as r
       from service_visits where visit_date between ? and ? group by customer_id)`,
    )
    .get(from, to);
  raw
    .prepare(
      `select v.series, count(distinct s.customer_id), count(*), sum(s.amount_fen) from service_visits s
       join vehicles v on v.id = s.vehicle_id where s.visit_date between ? and ? group by v.series`,
    )
    .all(from, to);
  raw
    .prepare(
      `select s.type = 'first_maintenance', s.visit_date >= date(v.delivery_date, '+36 months', 'floor'), count(*),
         sum(s.amount_fen) from service_visits s join vehicles v on v.id = s.vehicle_id
       where s.visit_date between ? and ? group by 1, 2`,
    )
    .all(from, to);
  raw
    .prepare(
      `select customer_id, group_concat(distinct substr(visit_date, 1, 7)) from service_visits
       where visit_date between ? and ? group by customer_id`,
    )
    .all(historyFrom, to);
  raw
    .prepare(
      `select count(*), count(p) from (select (select max(x.visit_date) from service_visits x
         where x.vehicle_id = s.vehicle_id and x.visit_date < s.visit_date and x.type in ('first_maintenance', 'maintenance')) as p
       from service_visits s where s.visit_date between ? and ? and s.type in ('first_maintenance', 'maintenance'))`,
    )
    .get(from, to);
}

/** 月度报表: the whole pack of a month through HTTP beside its heaviest reads as raw SQL; the dashboard. */
export async function benchReports(
  scale: string,
  server: BenchServer,
  raw: Database.Database,
  reps: number,
  log: (line: string) => void,
): Promise<Row[]> {
  const month = reportMonth();
  const visits = raw.prepare('select count(*) from service_visits').pluck().get() as number;
  log(`  月度报表 ${month}：进站记录 ${visits} 条`);
  const packReps = Math.max(3, Math.min(20, Math.floor(reps / 10)));
  const w = monthWindow(month);
  const { from, to } = w.year;
  const historyFrom = `${shiftMonth(month, -34)}-01`;
  return [
    {
      scale,
      operation: `reports.pack ${month} (KPIs with 12 months, all tables)`,
      api: await timeAsync(packReps, () => server.call('reports.pack', { month })),
      raw: timeSync(packReps, () => rawPack(raw, from, to, historyFrom)),
      target: '< 1 s',
    },
    {
      scale,
      operation: 'reports.dashboard (manager start page)',
      api: await timeAsync(packReps, () => server.call('reports.dashboard', {})),
      raw: null,
    },
  ];
}
