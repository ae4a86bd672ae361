import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportPack } from '../../electron/contract/reports';
import { gradesBy } from '../../electron/domain/reports/base-grades';
import {
  readStructureFacts,
  structureBySeries,
  structureByVisits,
  structureByWarranty,
} from '../../electron/domain/reports/base-structure';
import { callbacksSection } from '../../electron/domain/reports/callbacks-section';
import { eventsSection } from '../../electron/domain/reports/events-section';
import { packDifferences } from '../../electron/domain/reports/pack-compare';
import type { ReportFixture } from './report-fixture';
import { reportFixture } from './report-fixture';

/** The pack's tables on the hand-made store of report-fixture.ts; the expected figures are worked out here. */
let fx: ReportFixture;
beforeAll(() => {
  fx = reportFixture();
});

const pick = (r: { label: string; customers: number; visits: number; revenueFen: number }) => [
  r.label,
  r.customers,
  r.visits,
  r.revenueFen,
];

describe('base-customer structure, 2025-11-01 … 2026-10-31', () => {
  it('by number of visits: a customer with two cars counts once, with the visits of both', () => {
    const t = structureByVisits(readStructureFacts(fx.sqlite, '2026-10'));
    // A: 2025-11-01 (first day), 2026-03-15, 2026-06-01 on A1 and 2026-10-31 (last day) on A2 → 4 visits,
    // ¥2,000. B: 2 visits ¥1,200 (its 2025-10-31 visit is a day early). E: ¥100. F: ¥700.
    expect(t.rows.map(pick)).toEqual([
      ['进站≥4次', 1, 4, 200_000],
      ['进站3次', 0, 0, 0],
      ['进站2次', 1, 2, 120_000],
      ['进站1次', 2, 2, 80_000],
    ]);
    expect(pick(t.total)).toEqual(['合计', 4, 8, 400_000]);
    // ≥4: ¥2,000 = 0.2 万元; 客单价 2,000 ÷ 4 = ¥500; 单车产值贡献 2,000 ÷ 1 = ¥2,000; 1 of 4 customers, half the revenue.
    expect(t.rows[0]).toMatchObject({
      revenueWan: 0.2,
      avgTicketYuan: 500,
      perCustomerYuan: 2000,
      customerShare: 0.25,
      revenueShare: 0.5,
    });
    expect(t.rows[1]).toMatchObject({ avgTicketYuan: null, perCustomerYuan: null, customerShare: 0 });
    expect(t.rows[3]).toMatchObject({ revenueWan: 0.08, avgTicketYuan: 400, perCustomerYuan: 400 });
    expect(t.sentence).toBe('25% 的客户贡献了 50% 的产值');
    expect(t.definition).toContain('2025-11-01 至 2026-10-31');
  });

  it('an empty window has zero rows and no sentence', () => {
    const t = structureByVisits(readStructureFacts(fx.sqlite, '2020-06'));
    expect(t.total).toMatchObject({ customers: 0, revenueFen: 0, customerShare: null, avgTicketYuan: null });
    expect(t.sentence).toBeNull();
  });

  it('by series: A counts under both of its series; shares are of the distinct customers', () => {
    const t = structureBySeries(readStructureFacts(fx.sqlite, '2026-10'));
    // 朗逸: A1 ×3 (¥1,800) and B1 ×2 (¥1,200); 凯美瑞: E1 ¥100, F1 ¥700; 帕萨特: A2 ¥200.
    expect(t.rows.map(pick)).toEqual([
      ['朗逸', 2, 5, 300_000],
      ['凯美瑞', 2, 2, 80_000],
      ['帕萨特', 1, 1, 20_000],
    ]);
    expect(pick(t.total)).toEqual(['合计', 4, 8, 400_000]);
    expect(t.rows[0]).toMatchObject({ customerShare: 0.5, revenueShare: 0.75 });
  });

  it('by warranty state at each visit: first maintenance, within 3 years and 100,000 km, or past them', () => {
    const t = structureByWarranty(readStructureFacts(fx.sqlite, '2026-10'));
    // 首保: A2's first maintenance (¥200). 在保: B1 2026-01-10 (90,000 km, ¥600), E1 (¥100).
    // 出保: A1's three (delivered 2022-01-10, warranty to 2025-01-10; ¥1,800), B1 2026-07-10 at 100,000 km
    // (¥600), F1 (¥700).
    expect(t.rows.map(pick)).toEqual([
      ['首保', 1, 1, 20_000],
      ['在保', 2, 2, 70_000],
      ['出保', 3, 5, 310_000],
    ]);
    expect(t.total.customers).toBe(4);
  });
});

describe('grades', () => {
  it('by district, industry and age band, with last year from that month-end pack', () => {
    const district = gradesBy(fx.sqlite, 'district', null);
    // A premium and B potential in 惠城区; C normal in 博罗县; D potential and F premium without a district.
    expect(district.rows.map((r) => [r.label, r.thisYear, r.lastYear])).toEqual([
      ['惠城区', { premium: 1, potential: 1, normal: 0, total: 2 }, null],
      ['博罗县', { premium: 0, potential: 0, normal: 1, total: 1 }, null],
      ['未填写', { premium: 1, potential: 1, normal: 0, total: 2 }, null],
    ]);
    expect(district.total).toEqual({
      thisYear: { premium: 2, potential: 2, normal: 1, total: 5 },
      lastYear: null,
    });
    const age = gradesBy(fx.sqlite, 'age', null);
    // C 1975 → 70后, A 1985 → 80后, B 1992 → 90后, F 2001 → 00后, D no birthday → 其他.
    expect(age.rows.map((r) => [r.label, r.thisYear.total])).toEqual([
      ['70后', 1],
      ['80后', 1],
      ['90后', 1],
      ['00后', 1],
      ['其他', 1],
    ]);
    const lastYearPack = {
      grades: {
        byIndustry: {
          rows: [
            {
              key: '制造业',
              label: '制造业',
              thisYear: { premium: 3, potential: 0, normal: 0, total: 3 },
              lastYear: null,
            },
          ],
          total: { thisYear: { premium: 3, potential: 0, normal: 0, total: 3 }, lastYear: null },
          definition: '',
        },
      },
    } as unknown as ReportPack;
    const industry = gradesBy(fx.sqlite, 'industry', lastYearPack);
    expect(industry.rows.find((r) => r.key === '制造业')).toMatchObject({
      thisYear: { premium: 1, normal: 1, total: 2 },
      lastYear: { premium: 3, total: 3 },
    });
    // A row that did not exist last year shows zeros there, not no data: that month was closed.
    expect(industry.rows.find((r) => r.key === '服务业')!.lastYear).toEqual({
      premium: 0,
      potential: 0,
      normal: 0,
      total: 0,
    });
    expect(industry.total.lastYear).toEqual({ premium: 3, potential: 0, normal: 0, total: 3 });
  });
});

describe('events held in the month', () => {
  it('funnel from the invitees, cost against budget, subsidy and cost per checked-in person', () => {
    const ins = (sql: string, ...args: unknown[]) =>
      Number(fx.sqlite.prepare(sql).run(...args).lastInsertRowid);
    const event = (no: string, status: string, starts: string) =>
      ins(
        `insert into events (event_no, title, type, starts_on, ends_on, status, subsidy_received_fen, created_at, updated_at)
         values (?, '秋季自驾游', 'self_drive', ?, ?, ?, 150000, '2026-09-01', '2026-09-01')`,
        no,
        starts,
        starts,
        status,
      );
    const held = event('HD2026-001', 'done', '2026-10-10');
    event('HD2026-002', 'cancelled', '2026-10-12');
    event('HD2026-003', 'done', '2026-11-02');
    const invitee = (customerId: number, status: string, reached: boolean, people: number | null) =>
      ins(
        `insert into event_invitees (event_id, customer_id, origin, status, reached_at, checked_in_people, adults,
           created_at, updated_at) values (?, ?, 'target', ?, ?, ?, 2, '2026-09-01', '2026-09-01')`,
        held,
        customerId,
        status,
        reached ? '2026-09-05' : null,
        people,
      );
    invitee(fx.ids.a, 'checked_in', true, 3);
    invitee(fx.ids.b, 'checked_in', true, 2);
    invitee(fx.ids.c, 'declined', true, null);
    invitee(fx.ids.f, 'no_show', false, null);
    for (const [planned, actual] of [
      [300000, 300000],
      [200000, 100000],
    ])
      ins(
        `insert into event_budget_lines (event_id, category, planned_fen, actual_fen) values (?, 'venue', ?, ?)`,
        held,
        planned,
        actual,
      );
    const s = eventsSection(fx.ctx, '2026-10');
    expect(s.rows).toHaveLength(1);
    // Actual ¥4,000 − subsidy ¥1,500 = ¥2,500 net, over 5 people checked in → ¥500 each.
    expect(s.rows[0]).toMatchObject({
      eventNo: 'HD2026-001',
      typeLabel: '自驾游',
      invited: 4,
      reached: 3,
      accepted: 3,
      confirmed: 2,
      checkedIn: 2,
      checkedInPeople: 5,
      plannedFen: 500000,
      actualFen: 400000,
      subsidyReceivedFen: 150000,
      netCostFen: 250000,
      costPerPersonFen: 50000,
      roi: null,
    });
    expect(s.totals).toMatchObject({ events: 1, netCostFen: 250000, costPerPersonFen: 50000 });
    // A month without events: counts are 0, costs no data.
    expect(eventsSection(fx.ctx, '2026-08').totals).toMatchObject({
      events: 0,
      actualFen: null,
      netCostFen: null,
    });
  });
});

describe('call-backs', () => {
  it('due, done, reached, overdue per call type for the tasks due in the month', () => {
    const task = (due: string, status: string, outcome: string | null) =>
      fx.sqlite
        .prepare(
          `insert into callback_tasks (customer_id, rule_code, anchor_date, due_date, expires_on, priority, status,
             last_outcome, completed_at, completed_by, created_at, updated_at)
           values (?, 'service_csi', ?, ?, '2026-12-31', 3, ?, ?, ?, ?, '2026-10-01', '2026-10-01')`,
        )
        .run(
          fx.ids.a,
          due,
          due,
          status,
          outcome,
          status === 'done' ? new Date(`${due}T10:00:00+08:00`).toISOString() : null,
          status === 'done' ? fx.ids.userId : null,
        );
    task('2026-10-01', 'done', 'reached');
    task('2026-10-31', 'done', 'wrong_number');
    task('2026-10-20', 'open', null);
    task('2026-10-21', 'expired', null);
    task('2026-11-01', 'open', null);
    const s = callbacksSection(fx.ctx, '2026-10');
    // Due in October: 4; done 2, reached 1; overdue: the expired one and the one still open past its day.
    expect(s).toMatchObject({ due: 4, done: 2, reached: 1, overdue: 2, reachRate: 0.25 });
    expect(s.byType).toEqual([
      expect.objectContaining({ ruleCode: 'service_csi', due: 4, done: 2, reached: 1, overdue: 2 }),
    ]);
    expect(s.byOperator).toEqual([expect.objectContaining({ displayName: '王经理', done: 2 })]);
  });
});

describe('live against frozen', () => {
  it('lists every figure that differs by its path, rows matched by their key', () => {
    const frozen = {
      month: '2026-10',
      generatedAt: 'a',
      kpis: [{ code: 'retention', value: 0.5, last12: [{ month: '2026-10', value: 0.5 }] }],
      structure: { byVisits: { rows: [{ key: '1', customers: 2 }] } },
    } as unknown as ReportPack;
    const live = {
      month: '2026-10',
      generatedAt: 'b',
      kpis: [{ code: 'retention', value: 0.667, last12: [{ month: '2026-10', value: 0.667 }] }],
      structure: {
        byVisits: {
          rows: [
            { key: '2', customers: 1 },
            { key: '1', customers: 2 },
          ],
        },
      },
    } as unknown as ReportPack;
    expect(packDifferences(frozen, live)).toEqual([
      { path: 'kpis[retention].value', frozen: 0.5, live: 0.667 },
      { path: 'kpis[retention].last12[2026-10].value', frozen: 0.5, live: 0.667 },
      { path: 'structure.byVisits.rows[2].key', frozen: null, live: '2' },
      { path: 'structure.byVisits.rows[2].customers', frozen: null, live: 1 },
    ]);
  });
});
