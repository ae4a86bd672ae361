import type Database from 'better-sqlite3';
import { detractorMax } from '../callbacks/csi';
import type { KpiCount } from './kpi-count';
import { rateOf } from './kpi-count';
import { monthInstants, monthWindow } from './month-window';

/** NPS promoters answer 9–10 (detractors 0–6, electron/domain/callbacks/csi.ts). */
export const promoterMin = 9;

/** CSI: of the satisfaction call-backs of a kind answered in the month, the share that said 满意. */
export function csiRate(sqlite: Database.Database, month: string, kind: 'sales' | 'service'): KpiCount {
  const r = sqlite
    .prepare(
      `select count(*) as n, coalesce(sum(overall = 'satisfied'), 0) as ok from csi_surveys
       where surveyed_at >= @fromIso and surveyed_at < @toIso and kind = @kind`,
    )
    .get({ ...monthInstants(monthWindow(month)), kind }) as { n: number; ok: number };
  return rateOf(r.ok, r.n);
}

/** NPS: promoters minus detractors, in points of the surveys with a 0–10 answer in the month (−100…100). */
export function npsScore(sqlite: Database.Database, month: string): KpiCount {
  const r = sqlite
    .prepare(
      `select count(*) as n, coalesce(sum(nps >= @promoterMin), 0) as promoters,
         coalesce(sum(nps <= @detractorMax), 0) as detractors
       from csi_surveys where surveyed_at >= @fromIso and surveyed_at < @toIso and nps is not null`,
    )
    .get({ ...monthInstants(monthWindow(month)), promoterMin, detractorMax }) as {
    n: number;
    promoters: number;
    detractors: number;
  };
  if (r.n === 0) return { value: null, numerator: null, denominator: 0 };
  const net = r.promoters - r.detractors;
  return { value: Math.round((net / r.n) * 1000) / 10, numerator: net, denominator: r.n };
}
