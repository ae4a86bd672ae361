import type { KpiCode, KpiFigure } from '../../contract/reports';
import type { ComplaintKpis } from '../../contract/complaints';
import { complaintKpis, complaintRates, kpiTargets } from '../complaints/kpis';
import type { AuthedContext } from '../context';
import { customerLifetimeValue } from './kpi-clv';
import type { KpiCount } from './kpi-count';
import { csiRate, npsScore } from './kpi-csi';
import type { MaintenanceByMonth } from './kpi-maintenance';
import { onTimeMaintenance, readMaintenanceTimeliness } from './kpi-maintenance';
import { referralShare } from './kpi-referral';
import { loyaltyRate, retentionRate } from './kpi-retention';
import { last12Months, monthWindow } from './month-window';
import type { VisitHistory } from './visit-history';
import { readVisitHistory } from './visit-history';

/**
 * What one pack computation shares between KPIs, each read once: the complaint figures of a month, and the
 * visit history and maintenance timeliness of the 12 months ending with the report's month.
 */
type ComplaintRates = Pick<ComplaintKpis, 'fcr' | 'satisfaction' | 'aAnsweredIn24h'>;

export interface KpiScope {
  ctx: AuthedContext;
  complaints(month: string): ComplaintKpis;
  /** Only the three rates the KPI page prints (the 12 months' history need not pay for the whole complaints page). */
  complaintRates(month: string): ComplaintRates;
  history(): VisitHistory;
  maintenance(): MaintenanceByMonth;
}

/** `months`: how many months ending with the report's month its KPIs are asked for (the dashboard: only that one). */
export function kpiScope(ctx: AuthedContext, reportMonth: string, months = 12): KpiScope {
  const memo = new Map<string, ComplaintKpis>();
  const rateMemo = new Map<string, ComplaintRates>();
  let history: VisitHistory | null = null;
  let maintenance: MaintenanceByMonth | null = null;
  return {
    ctx,
    history: () => (history ??= readVisitHistory(ctx.db.$client, reportMonth)),
    maintenance: () => (maintenance ??= readMaintenanceTimeliness(ctx.db.$client, reportMonth, months)),
    complaints(month) {
      let k = memo.get(month);
      if (!k) {
        const w = monthWindow(month);
        k = complaintKpis(ctx, { from: w.from, to: w.to });
        memo.set(month, k);
      }
      return k;
    },
    complaintRates(month) {
      let r = memo.get(month) ?? rateMemo.get(month);
      if (!r) {
        const w = monthWindow(month);
        r = complaintRates(ctx, { from: w.from, to: w.to });
        rateMemo.set(month, r);
      }
      return r;
    },
  };
}

interface KpiSpec {
  code: KpiCode;
  label: string;
  unit: KpiFigure['unit'];
  target: number | null;
  targetText: string;
  definition: string;
  compute(scope: KpiScope, month: string): KpiCount;
}

const fromComplaints = (
  pick: (k: ComplaintRates) => { numerator: number; denominator: number; rate: number | null },
) =>
  function compute(scope: KpiScope, month: string): KpiCount {
    const r = pick(scope.complaintRates(month));
    return { value: r.rate, numerator: r.numerator, denominator: r.denominator };
  };

/** The KPI page's rows in the pack's order, with the seeds' targets (DOMAIN.md) and their one-line definitions. */
export const kpiSpecs: readonly KpiSpec[] = [
  {
    code: 'csi_sales',
    label: 'CSI 客户满意度（销售）',
    unit: 'rate',
    target: 0.85,
    targetText: '≥ 85%',
    definition: '本月完成的销售满意度回访中，总体评价为「满意」的比例（「一般」「不满意」不计为满意）',
    compute: (s, m) => csiRate(s.ctx.db.$client, m, 'sales'),
  },
  {
    code: 'csi_service',
    label: 'CSI 客户满意度（售后）',
    unit: 'rate',
    target: 0.85,
    targetText: '≥ 85%',
    definition: '本月完成的售后满意度回访中，总体评价为「满意」的比例（「一般」「不满意」不计为满意）',
    compute: (s, m) => csiRate(s.ctx.db.$client, m, 'service'),
  },
  {
    code: 'retention',
    label: '客户留存率',
    unit: 'rate',
    target: 0.7,
    targetText: '≥ 70%',
    definition: '截至本月末前第 13–24 个月内有进站记录的客户中，在截至本月末的 12 个月内再次进站的比例',
    compute: (s, m) => retentionRate(s.history(), m),
  },
  {
    code: 'referral_share',
    label: '推荐率（新车交付）',
    unit: 'rate',
    target: 0.3,
    targetText: '30%',
    definition: '本月首次交车的客户（此前名下无交付车辆）中，客户卡片登记了推荐人的比例',
    compute: (s, m) => referralShare(s.history(), m),
  },
  {
    code: 'loyalty_rate',
    label: '忠诚率',
    unit: 'rate',
    target: null,
    targetText: '—',
    definition:
      '截至本月末的 12 个月：老客户购车数 ÷（流失客户数 + 老客户购车数）；老客户购车＝此前已有车辆的客户再交车，流失＝第 13–24 个月进站而近 12 个月未进站且未购车',
    compute: (s, m) => loyaltyRate(s.history(), m),
  },
  {
    code: 'on_time_maintenance',
    label: '按时保养率',
    unit: 'rate',
    target: 0.68,
    targetText: '行业约 68%',
    definition:
      '本月首保、定期保养进站中，距上次保养（首保距交车）未超过建议间隔 1 个月以上、里程未超过建议里程 10% 以上的比例；无上次保养记录的定期保养不计',
    compute: (s, m) => onTimeMaintenance(s.maintenance(), m),
  },
  {
    code: 'fcr',
    label: '投诉首次解决率（FCR）',
    unit: 'rate',
    target: kpiTargets.fcr,
    targetText: '≥ 75%',
    definition: '本月结案的投诉工单中，首次接触即解决的比例',
    compute: fromComplaints((k) => k.fcr),
  },
  {
    code: 'complaint_satisfaction',
    label: '投诉解决满意度',
    unit: 'rate',
    target: kpiTargets.satisfaction,
    targetText: '≥ 90%',
    definition: '本月完成的投诉结案回访中，回答「满意」或「基本满意」的比例（含回访不满意后重开的工单）',
    compute: fromComplaints((k) => k.satisfaction),
  },
  {
    code: 'a_complaint_24h',
    label: 'A 级投诉 24 小时响应率',
    unit: 'rate',
    target: kpiTargets.aAnsweredIn24h,
    targetText: '100%',
    definition: '本月受理的 A 级投诉中（已响应或受理已满 24 小时的），24 小时内首次响应的比例',
    compute: fromComplaints((k) => k.aAnsweredIn24h),
  },
  {
    code: 'nps',
    label: 'NPS 净推荐值',
    unit: 'score',
    target: null,
    targetText: '—',
    definition:
      '本月满意度回访中给出 0–10 分推荐意愿的客户：推荐者（9–10 分）占比减贬损者（0–6 分）占比，×100',
    compute: (s, m) => npsScore(s.ctx.db.$client, m),
  },
  {
    code: 'clv',
    label: 'CLV 客户终身价值',
    unit: 'fen',
    target: null,
    targetText: '高于行业 20%',
    definition:
      '截至本月末的 12 个月：进站客户人均售后产值 × 预期关系年限（1 ÷（1 − 留存率），最多 10 年）− 获客成本（活动净费用 ÷ 首次交车客户数）',
    compute: (s, m) => customerLifetimeValue(s.history(), m),
  },
];

function figure(spec: KpiSpec, c: KpiCount) {
  return {
    code: spec.code,
    label: spec.label,
    unit: spec.unit,
    value: c.value,
    numerator: c.numerator,
    denominator: c.denominator,
    target: spec.target,
    targetText: spec.targetText,
    meetsTarget: spec.target === null || c.value === null ? null : c.value >= spec.target,
    definition: spec.definition,
  };
}

/** The KPI page of a month: each KPI's value, target and the 12 months ending with the month. */
export function kpiPage(scope: KpiScope, month: string): KpiFigure[] {
  const months = last12Months(month);
  return kpiSpecs.map((spec) => {
    const series = months.map((m) => ({ month: m, count: spec.compute(scope, m) }));
    return {
      ...figure(spec, series[series.length - 1]!.count),
      last12: series.map((s) => ({ month: s.month, value: s.count.value })),
    };
  });
}

/** The month's KPIs against target without their history (the dashboard). */
export function kpiSummary(scope: KpiScope, month: string): Omit<KpiFigure, 'last12'>[] {
  return kpiSpecs.map((spec) => figure(spec, spec.compute(scope, month)));
}
