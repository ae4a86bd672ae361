import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName } from '../../electron/contract';
import type { Role } from '../../electron/contract/permissions';
import { roleCan, roles } from '../../electron/contract/permissions';
import { reportsContract } from '../../electron/contract/reports';
import { callbackFixture } from '../helpers/callback-fixture';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';
import { testClock } from '../helpers/test-clock';

/**
 * The monthly report pack through the API on real SQLite: who may read and close it, the pack's shape, month-end
 * closing (frozen numbers stay when the data changes; re-closing needs a reason and is logged), live against
 * frozen, the XLSX with one sheet per table, the print log and the manager's dashboard.
 */

const clock = testClock('2026-11-05T10:00:00+08:00');
let app: TestApp;
const fx = callbackFixture(() => app, '8');
const people: Record<string, number> = {};
const cars: Record<string, number> = {};
const t = (who: string) => fx.tokens[who]!;

const visit = (
  car: number | undefined,
  customer: number | undefined,
  date: string,
  yuan: number,
  type = 'maintenance',
) =>
  fx
    .sql()
    .prepare(
      `insert into service_visits (vehicle_id, customer_id, visit_date, type, mileage_km, amount_fen)
       values (?, ?, ?, ?, 10000, ?)`,
    )
    .run(car, customer, date, type, yuan * 100);

const auditRows = (action: string) =>
  fx
    .sql()
    .prepare('select entity, entity_id as entityId, detail from audit_log where action = ? order by id')
    .all(action) as { entity: string; entityId: string | null; detail: string }[];

const errorOf = async (channel: string, input: unknown, who: string) => {
  const r = await app.call(channel, input, t(who));
  if (r.ok) throw new Error(`${channel} should have failed`);
  return r.error;
};

beforeAll(async () => {
  app = await createTestApp({ clock: clock.clock });
  await fx.staff('mgr', 'manager');
  await fx.staff('op', 'callback_operator');
  for (const role of roles) if (role !== 'admin') await fx.staff(`r_${role}`, role);
  people.a = fx.customer('报表甲', { base_grade: 'premium', district: '惠城区' });
  people.b = fx.customer('报表乙', { base_grade: 'potential', district: '惠阳区' });
  cars.a1 = fx.vehicle(people.a, '2024-05-01', '朗逸');
  cars.a2 = fx.vehicle(people.a, '2025-06-01', '帕萨特');
  cars.b = fx.vehicle(people.b, '2024-08-01', '朗逸');
  visit(cars.a1, people.a, '2026-10-01', 1000);
  visit(cars.a2, people.a, '2026-10-31', 500);
  visit(cars.b, people.b, '2025-11-01', 800);
});
afterAll(() => app.close());

describe('who may do what', () => {
  const inputs: Record<keyof typeof reportsContract, unknown> = {
    'reports.pack': { month: '2026-10' },
    // Not over yet: refused by the service (not forbidden) for those who may close, so nothing is closed here.
    'reports.close': { month: '2026-12' },
    'reports.snapshot': { month: '2026-09' },
    'reports.closedMonths': {},
    'reports.compare': { month: '2026-09' },
    'reports.exportXlsx': { month: '2026-10' },
    'reports.logPrint': { month: '2026-10' },
    'reports.dashboard': {},
  };
  it.each(Object.keys(inputs) as (keyof typeof reportsContract)[])(
    '%s: managers and administrators, nobody else',
    async (channel) => {
      for (const role of roles) {
        const token = role === 'admin' ? app.adminToken : t(`r_${role}`);
        const r = await app.call(channel, inputs[channel], token);
        const access = reportsContract[channel].access;
        if (roleCan(role as Role, access)) {
          expect(r.ok || r.error.kind !== 'forbidden', `${role} on ${channel}`).toBe(true);
        } else {
          expect(r, `${role} on ${channel}`).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
        }
      }
      expect(['manager', 'admin'].every((r) => roleCan(r as Role, reportsContract[channel].access))).toBe(
        true,
      );
    },
  );
  it('rejects a malformed month', async () => {
    expect(await errorOf('reports.pack', { month: '2026-13' }, 'mgr')).toMatchObject({
      kind: 'validation',
      message: expect.stringMatching(/[\u4e00-\u9fff]/),
    });
  });
});

describe('the pack', () => {
  it('comes in the issue order with figures from the data and no data as null', async () => {
    const pack = await app.ok('reports.pack', { month: '2026-10' }, t('mgr'));
    expect(Object.keys(pack)).toEqual([
      'month',
      'from',
      'to',
      'window12',
      'generatedAt',
      'appVersion',
      'kpis',
      'callbacks',
      'complaints',
      'events',
      'structure',
      'grades',
    ]);
    expect(pack.window12).toEqual({ from: '2025-11-01', to: '2026-10-31' });
    // A: 2 visits on two cars (¥1,500); B: 1 visit on the window's first day (¥800).
    expect(pack.structure.byVisits.total).toMatchObject({ customers: 2, visits: 3, revenueFen: 230000 });
    expect(pack.structure.byVisits.rows.find((r) => r.key === '2')).toMatchObject({
      customers: 1,
      visits: 2,
    });
    expect(pack.kpis.find((k) => k.code === 'nps')).toMatchObject({ value: null, target: null });
    expect(pack.grades.byDistrict.rows.map((r) => r.label)).toEqual(['惠城区', '惠阳区']);
    expect(pack.grades.byDistrict.total.lastYear).toBeNull();
  });
});

describe('month-end closing', () => {
  it('refuses a month that is not over', async () => {
    expect(await errorOf('reports.close', { month: '2026-11' }, 'mgr')).toMatchObject({
      kind: 'validation',
      message: '2026-11 尚未结束，月末之后才能月结',
    });
    expect(await errorOf('reports.snapshot', { month: '2026-10' }, 'mgr')).toMatchObject({
      kind: 'not_found',
    });
  });

  it('freezes the pack: later changes show live and in the comparison, never in the snapshot', async () => {
    const closed = await app.ok('reports.close', { month: '2026-10' }, t('mgr'));
    expect(closed).toMatchObject({
      month: '2026-10',
      revision: 1,
      reason: null,
      closedBy: { id: fx.ids.mgr, displayName: '员工mgr' },
      appVersion: expect.any(String),
    });
    expect(auditRows('report.closed')).toEqual([
      expect.objectContaining({ entity: 'report', entityId: '2026-10' }),
    ]);
    const frozenBefore = await app.ok('reports.snapshot', { month: '2026-10' }, t('mgr'));

    // A correction after closing: another October visit for B.
    visit(cars.b, people.b, '2026-10-15', 200);
    const live = await app.ok('reports.pack', { month: '2026-10' }, t('mgr'));
    expect(live.structure.byVisits.total).toMatchObject({ visits: 4, revenueFen: 250000 });
    const frozen = await app.ok('reports.snapshot', { month: '2026-10' }, t('mgr'));
    expect(frozen).toEqual(frozenBefore);
    expect(frozen.pack.structure.byVisits.total).toMatchObject({ visits: 3, revenueFen: 230000 });

    const cmp = await app.ok('reports.compare', { month: '2026-10' }, t('mgr'));
    expect(cmp.meta.revision).toBe(1);
    expect(cmp.differences).toEqual(
      expect.arrayContaining([
        { path: 'structure.byVisits.total.visits', frozen: 3, live: 4 },
        { path: 'structure.byVisits.total.revenueFen', frozen: 230000, live: 250000 },
      ]),
    );
    expect(cmp.differences.some((d) => d.path.includes('generatedAt'))).toBe(false);
  });

  it('closing again needs a reason, is logged, and becomes the frozen pack', async () => {
    expect(await errorOf('reports.close', { month: '2026-10' }, 'mgr')).toMatchObject({
      kind: 'validation',
      message: expect.stringContaining('重新月结须填写原因'),
    });
    expect(await errorOf('reports.close', { month: '2026-10', reason: '   ' }, 'mgr')).toMatchObject({
      kind: 'validation',
    });
    const again = await app.ok('reports.close', { month: '2026-10', reason: '补录 10 月工单' }, t('mgr'));
    expect(again).toMatchObject({ revision: 2, reason: '补录 10 月工单' });
    expect(auditRows('report.reclosed').map((r) => JSON.parse(r.detail))).toEqual([
      { month: '2026-10', revision: 2, reason: '补录 10 月工单' },
    ]);
    const frozen = await app.ok('reports.snapshot', { month: '2026-10' }, t('mgr'));
    expect(frozen.pack.structure.byVisits.total.visits).toBe(4);
    expect((await app.ok('reports.compare', { month: '2026-10' }, t('mgr'))).differences).toEqual([]);
    expect((await app.ok('reports.closedMonths', {}, t('mgr'))).rows).toEqual([
      expect.objectContaining({ month: '2026-10', revision: 2, closings: 2, reason: '补录 10 月工单' }),
    ]);
  });

  it("a year later, last year's grades come from that month-end", async () => {
    clock.set('2027-11-03T10:00:00+08:00');
    await fx.loginAll();
    fx.sql().prepare('update customers set base_grade = ? where id = ?').run('normal', people.b);
    const pack = await app.ok('reports.pack', { month: '2027-10' }, t('mgr'));
    const row = pack.grades.byDistrict.rows.find((r) => r.label === '惠阳区')!;
    expect(row.thisYear).toMatchObject({ normal: 1, potential: 0 });
    expect(row.lastYear).toMatchObject({ normal: 0, potential: 1 });
    clock.set('2026-11-05T10:00:00+08:00');
    await fx.loginAll();
  });
});

describe('files and printing', () => {
  it('exports one sheet per table with Chinese headers, live or frozen, and logs the export', async () => {
    for (const frozen of [false, true]) {
      const file = await app.ok('reports.exportXlsx', { month: '2026-10', frozen }, t('mgr'));
      expect(file.fileName).toBe(`月度报表-2026-10${frozen ? '-月结' : ''}-20261105.xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
      const names = wb.worksheets.map((w) => w.name);
      expect(names).toEqual(file.sheets);
      expect(names).toEqual(
        expect.arrayContaining([
          'KPI指标',
          '回访-按类型',
          '投诉-按类别',
          '活动',
          '基盘-按进站次数',
          '分级-按区县',
        ]),
      );
      const structure = wb.getWorksheet('基盘-按进站次数')!;
      expect(structure.getRow(1).values).toEqual([
        undefined,
        '进站次数',
        '客户数量',
        '总进厂台次',
        '总产值(万元)',
        '客单价(元)',
        '单车产值贡献(元)',
        '客户占比',
        '产值占比',
      ]);
      expect(structure.getRow(2).getCell(1).value).toBe('进站≥4次');
      expect(wb.getWorksheet('KPI指标')!.getRow(2).getCell(1).value).toBe('CSI 客户满意度（销售）');
      expect(wb.getWorksheet('KPI指标')!.getRow(2).getCell(2).value).toBe('暂无数据');
    }
    // The role checks above exported too; these are the last two.
    expect(
      auditRows('export.report')
        .slice(-2)
        .map((r) => JSON.parse(r.detail)),
    ).toEqual([
      expect.objectContaining({ month: '2026-10', frozen: false }),
      expect.objectContaining({ month: '2026-10', frozen: true, revision: 2 }),
    ]);
    expect(await errorOf('reports.exportXlsx', { month: '2026-08', frozen: true }, 'mgr')).toMatchObject({
      kind: 'not_found',
    });
  });

  it('logs a print', async () => {
    expect(await app.ok('reports.logPrint', { month: '2026-10' }, t('mgr'))).toEqual({ logged: true });
    expect(auditRows('print').at(-1)).toMatchObject({ entity: 'report', entityId: '2026-10' });
  });
});

describe('the dashboard', () => {
  it("shows today's call-backs, complaints by time left, this month's KPIs and the next events", async () => {
    const ins = (sql: string, ...args: unknown[]) =>
      fx
        .sql()
        .prepare(sql)
        .run(...args);
    for (const [rule, due, status] of [
      ['birthday', '2026-11-05', 'open'],
      ['quarterly_care', '2026-11-04', 'open'],
      ['purchase_anniversary', '2026-11-05', 'done'],
    ] as const)
      ins(
        `insert into callback_tasks (customer_id, rule_code, anchor_date, due_date, expires_on, priority, status,
           completed_at, created_at, updated_at) values (?, ?, ?, ?, '2026-12-31', 3, ?, ?, '2026-11-01', '2026-11-01')`,
        people.a,
        rule,
        due,
        due,
        status,
        status === 'done' ? clock.now().toISOString() : null,
      );
    for (let i = 1; i <= 7; i++)
      ins(
        `insert into events (event_no, title, type, starts_on, ends_on, status, created_at, updated_at)
         values (?, ?, 'owners_meeting', ?, ?, ?, '2026-10-01', '2026-10-01')`,
        `HD2026-1${i}`,
        `车主联谊会 ${i}`,
        `2026-11-${String(i * 3).padStart(2, '0')}`,
        `2026-11-${String(i * 3).padStart(2, '0')}`,
        i === 2 ? 'cancelled' : 'approved',
      );
    const d = await app.ok('reports.dashboard', {}, t('mgr'));
    expect(d.today).toBe('2026-11-05');
    expect(d.month).toBe('2026-11');
    expect(d.callbacks).toMatchObject({ dueToday: 2, doneToday: 1, open: 2, overdue: 1 });
    expect(d.complaintsByTimeLeft.map((b) => b.bucket)).toEqual([
      'breached',
      'within_2h',
      'within_8h',
      'within_24h',
      'later',
      'paused',
    ]);
    expect(d.kpis.map((k) => k.code)).toContain('retention');
    // From today on, not cancelled: 2026-11-06 (No. 2 is cancelled) … the next five.
    expect(d.upcomingEvents.map((e) => e.startsOn)).toEqual([
      '2026-11-09',
      '2026-11-12',
      '2026-11-15',
      '2026-11-18',
      '2026-11-21',
    ]);
    expect(d.upcomingEvents[0]).toMatchObject({
      typeLabel: '车主联谊会',
      statusLabel: '已批准',
      accepted: 0,
    });
  });
});

// Keeps the channel list of this test in step with the contract.
it('covers every reports channel', () => {
  const names: ChannelName[] = Object.keys(reportsContract) as ChannelName[];
  expect(names).toHaveLength(8);
});
