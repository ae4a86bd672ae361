import { beforeAll, describe, expect, it } from 'vitest';
import { customerLifetimeValue } from '../../electron/domain/reports/kpi-clv';
import { csiRate, npsScore } from '../../electron/domain/reports/kpi-csi';
import { onTimeMaintenance, readMaintenanceTimeliness } from '../../electron/domain/reports/kpi-maintenance';
import { kpiPage, kpiScope } from '../../electron/domain/reports/kpi-page';
import { referralShare } from '../../electron/domain/reports/kpi-referral';
import { loyaltyRate, retentionRate } from '../../electron/domain/reports/kpi-retention';
import { monthWindow } from '../../electron/domain/reports/month-window';
import type { VisitHistory } from '../../electron/domain/reports/visit-history';
import { readVisitHistory } from '../../electron/domain/reports/visit-history';
import type { ReportFixture } from './report-fixture';
import { reportFixture } from './report-fixture';

/** Each KPI of the pack on the hand-made store of report-fixture.ts; the expected figures are worked out here. */
let fx: ReportFixture;
let history: VisitHistory;

beforeAll(() => {
  fx = reportFixture();
  history = readVisitHistory(fx.sqlite, '2026-10');
  const survey = (kind: string, overall: string, nps: number | null, local: string) =>
    fx.sqlite
      .prepare(
        `insert into csi_surveys (customer_id, kind, overall, nps, surveyed_at) values (?, ?, ?, ?, ?)`,
      )
      .run(fx.ids.a, kind, overall, nps, new Date(`${local}+08:00`).toISOString());
  survey('sales', 'satisfied', 10, '2026-10-01T00:05:00');
  survey('sales', 'neutral', 9, '2026-10-12T10:00:00');
  survey('service', 'satisfied', 7, '2026-10-15T10:00:00');
  survey('service', 'satisfied', 3, '2026-10-20T10:00:00');
  survey('service', 'satisfied', null, '2026-10-31T23:30:00');
  survey('service', 'dissatisfied', null, '2026-10-25T10:00:00');
  // Store time: 00:10 on 1 November in the store is 16:10 UTC on 31 October, and belongs to November.
  survey('service', 'dissatisfied', 0, '2026-11-01T00:10:00');
});

describe('month windows', () => {
  it('are the store days of the month and the 12 and 24 months ending with it, both ends counted', () => {
    expect(monthWindow('2026-10')).toEqual({
      month: '2026-10',
      from: '2026-10-01',
      to: '2026-10-31',
      year: { from: '2025-11-01', to: '2026-10-31' },
      priorYear: { from: '2024-11-01', to: '2025-10-31' },
    });
    expect(monthWindow('2024-02').to).toBe('2024-02-29');
  });
});

describe('CSI and NPS', () => {
  it('counts 满意 only, per kind, of the surveys answered in the month by the store clock', () => {
    // Sales: satisfied + neutral → 1 of 2. Service in October: satisfied ×3 (one at 23:30 on the 31st),
    // dissatisfied ×1 → 3 of 4; the 1 November 00:10 answer is November's.
    expect(csiRate(fx.sqlite, '2026-10', 'sales')).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    expect(csiRate(fx.sqlite, '2026-10', 'service')).toEqual({ value: 0.75, numerator: 3, denominator: 4 });
    expect(csiRate(fx.sqlite, '2026-11', 'service')).toEqual({ value: 0, numerator: 0, denominator: 1 });
  });
  it('NPS is promoters minus detractors in points; a month without scores is no data, not 0', () => {
    // Scores 10, 9, 7, 3: promoters 2, detractors 1, of 4 → (2 − 1) / 4 = 25.
    expect(npsScore(fx.sqlite, '2026-10')).toEqual({ value: 25, numerator: 1, denominator: 4 });
    expect(npsScore(fx.sqlite, '2026-09').value).toBeNull();
  });
});

describe('retention, loyalty, referral share, CLV', () => {
  it('retention: of those who came 13–24 months back, the share who came in the last 12 months', () => {
    // 2024-11-01 … 2025-10-31: A (2025-05-01), B (2025-10-31, the window's last day), C (2025-02-01); F's
    // 2024-10-31 is a day too early. Came again 2025-11-01 … 2026-10-31: A (on the first day), B. C did not.
    expect(retentionRate(history, '2026-10')).toEqual({ value: 0.667, numerator: 2, denominator: 3 });
  });
  it('loyalty: repeat purchases ÷ (lost + repeat purchases)', () => {
    // A bought A2 having owned A1: 1 sale to an old customer. Lost: C. D and E bought their first car.
    expect(loyaltyRate(history, '2026-10')).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
  });
  it('referral share: of the customers whose first car came in the month, those with a referrer', () => {
    // October's first deliveries: D (referred by A) and E; A2 is not A's first car.
    expect(referralShare(history, '2026-10')).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
    // No delivery in September: no data, not 0%.
    expect(referralShare(history, '2026-09')).toEqual({ value: null, numerator: 0, denominator: 0 });
  });
  it('CLV: revenue per customer who came × 1 ÷ (1 − retention) − acquisition cost', () => {
    // Revenue 2025-11-01 … 2026-10-31: A ¥1,000 + ¥500 + ¥300 + ¥200, B ¥600 + ¥600, E ¥100, F ¥700 = ¥4,000
    // from 4 customers → ¥1,000 each; retention 0.667 → 1 / 0.333 = 3.003 years; no event cost.
    expect(customerLifetimeValue(history, '2026-10')).toEqual({
      value: Math.round(100_000 / 0.333),
      numerator: 400_000,
      denominator: 4,
    });
  });
});

describe('on-time maintenance', () => {
  const byMonth = () => readMaintenanceTimeliness(fx.sqlite, '2026-10');
  it('measures from the previous maintenance, or from delivery for the first one', () => {
    const m = byMonth();
    // 2025-11-01: A1's previous maintenance 2025-05-01, 6 months (+30 days) and 5,000 km → on time.
    expect(onTimeMaintenance(m, '2025-11')).toEqual({ value: 1, numerator: 1, denominator: 1 });
    // 2026-03-15: 4.5 months and 5,000 km after 2025-11-01 → on time.
    expect(onTimeMaintenance(m, '2026-03').value).toBe(1);
    // 2026-07-10: B1 6 months after 2026-01-10 but 10,000 km (> 7,500 × 110%) → late: 0%, not no data.
    expect(onTimeMaintenance(m, '2026-07')).toEqual({ value: 0, numerator: 0, denominator: 1 });
    // 2026-01-10: B1's first maintenance on file is a regular one with nothing before it: not judged.
    expect(onTimeMaintenance(m, '2026-01').value).toBeNull();
    // 2026-10-31: A2's first maintenance 26 days and 1,500 km after delivery → on time.
    expect(onTimeMaintenance(m, '2026-10').value).toBe(1);
  });
});

describe('the KPI page', () => {
  it('lists every KPI in order with its target, 12 months of history and a definition', () => {
    const page = kpiPage(kpiScope(fx.ctx, '2026-10'), '2026-10');
    expect(page.map((k) => k.code)).toEqual([
      'csi_sales',
      'csi_service',
      'retention',
      'referral_share',
      'loyalty_rate',
      'on_time_maintenance',
      'fcr',
      'complaint_satisfaction',
      'a_complaint_24h',
      'nps',
      'clv',
    ]);
    for (const k of page) {
      expect(k.last12.map((m) => m.month)[0]).toBe('2025-11');
      expect(k.last12.at(-1)).toEqual({ month: '2026-10', value: k.value });
      expect(k.definition).toMatch(/[\u4e00-\u9fff]/);
    }
    const byCode = Object.fromEntries(page.map((k) => [k.code, k]));
    expect(byCode.retention).toMatchObject({ value: 0.667, target: 0.7, meetsTarget: false });
    expect(byCode.csi_service).toMatchObject({ value: 0.75, target: 0.85, meetsTarget: false });
    // No complaint at all: FCR and satisfaction are no data, and so is whether they meet the target.
    expect(byCode.fcr).toMatchObject({ value: null, target: 0.75, meetsTarget: null });
    expect(byCode.on_time_maintenance!.last12.find((m) => m.month === '2026-07')!.value).toBe(0);
    expect(byCode.on_time_maintenance!.last12.find((m) => m.month === '2026-01')!.value).toBeNull();
    expect(byCode.referral_share!.last12.find((m) => m.month === '2026-09')!.value).toBeNull();
  });
});
