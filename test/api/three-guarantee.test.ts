import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vinCheckDigit } from '../../electron/common/vin';
import type { ChannelOutput } from '../../electron/contract';
import { threeGuaranteeSql } from '../../electron/domain/vehicles/three-guarantee-watch';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';
import { testClock } from '../helpers/test-clock';

const vin = (s: string) => `${s.slice(0, 8)}${vinCheckDigit(s)}${s.slice(9)}`;
let serial = 0;
const nextVin = () => vin(`LSVAU2180N${String(++serial).padStart(7, '0')}`);
let phone = 13600000000;

type Vehicle = ChannelOutput<'vehicles.get'>;
type Watch = Vehicle['threeGuarantee'];
const lineOf = (w: Watch, line: string) => w.lines.find((l) => l.line === line)!;

describe('三包 watch through the visit channels and the card', () => {
  let app: TestApp;
  let desk: string;
  const clock = testClock('2026-11-22T10:00:00+08:00');

  const newCar = async (deliveryDate = '2025-06-01') => {
    const customer = await app.ok('customers.create', { name: '欧阳明', mobile: String(++phone) }, desk);
    const vehicle = await app.ok(
      'vehicles.create',
      {
        customerId: customer.id,
        fields: { vin: nextVin(), brand: '上汽大众', series: '帕萨特', deliveryDate },
      },
      desk,
    );
    return { customerId: customer.id, vehicleId: vehicle.id };
  };
  let km = 1000;
  const visit = (vehicleId: number, fields: Record<string, unknown>) =>
    app.call(
      'visits.create',
      { vehicleId, type: 'repair', mileageKm: (km += 500), amountFen: 0, ...fields },
      desk,
    );
  const repair = async (vehicleId: number, visitDate: string, fields: Record<string, unknown> = {}) => {
    const r = await visit(vehicleId, {
      visitDate,
      outDate: visitDate,
      repairSystem: 'engine',
      faultText: '怠速抖动',
      ...fields,
    });
    if (!r.ok) throw new Error(r.error.message);
    return r.data as ChannelOutput<'visits.create'>;
  };
  const card = (customerId: number) => app.ok('customers.card', { id: customerId }, desk);
  const fieldsOf = (r: Awaited<ReturnType<TestApp['call']>>) =>
    r.ok ? {} : (r.error.details as { fields: Record<string, string> }).fields;
  const visitCount = (vehicleId: number) =>
    app.core.db.$client
      .prepare('select count(*) from service_visits where vehicle_id = ?')
      .pluck()
      .get(vehicleId);

  beforeAll(async () => {
    app = await createTestApp({ clock: clock.clock });
    desk = await app.userWithRole('front_desk');
  });
  afterAll(() => app.close());

  it('refuses inconsistent repair facts with the field and a Chinese message, writing nothing', async () => {
    const { vehicleId } = await newCar();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ type: 'maintenance', repairSystem: 'engine', faultText: '异响' }, 'repairSystem', /只有维修或召回/],
      [{ repairSystem: null, seriousSafety: true }, 'repairSystem', /请选择涉及系统/],
      [{ repairSystem: 'engine' }, 'faultText', /请描述故障现象/],
      [{ repairSystem: 'engine', faultText: '异响', mainPartReplaced: true }, 'mainPart', /更换的主要零部件/],
      [
        { repairSystem: 'engine', faultText: '异响', outDate: '2026-10-31' },
        'outDate',
        /不能早于进站日期 2026-11-01/,
      ],
      [{ repairSystem: 'engine', faultText: '异响', outDate: '2026-11-23' }, 'outDate', /不能晚于今天/],
      [{ repairSystem: 'gearbox', faultText: '异响' }, 'repairSystem', /./],
    ];
    for (const [fields, field, message] of cases) {
      const r = await visit(vehicleId, { visitDate: '2026-11-01', ...fields });
      expect(r.ok, JSON.stringify(fields)).toBe(false);
      expect(fieldsOf(r)[field], JSON.stringify(fields)).toMatch(message);
    }
    expect(visitCount(vehicleId)).toBe(0);
  });

  it('stores the facts, shows them on the timeline and drops a part that was not replaced', async () => {
    const { customerId, vehicleId } = await newCar();
    const created = await repair(vehicleId, '2026-11-02', {
      outDate: null,
      repairSystem: 'traction_battery',
      mainPart: '电芯模组',
      mainPartReplaced: false,
      faultText: '续航骤降，仪表报电池故障',
    });
    expect(created).toMatchObject({ repairSystem: 'traction_battery', outDate: null });
    const detail = await app.ok('visits.get', { id: created.id }, desk);
    expect(detail).toMatchObject({
      visitDate: '2026-11-02',
      repairSystem: 'traction_battery',
      mainPartReplaced: false,
      mainPart: null,
      seriousSafety: false,
      faultText: '续航骤降，仪表报电池故障',
      version: 1,
    });
    const timeline = (await card(customerId)).timeline.items;
    expect(timeline.find((i) => i.source === 'visit' && i.id === created.id)).toMatchObject({
      repairSystem: 'traction_battery',
      outDate: null,
    });
  });

  it('warns on the card at the third repair of one system and alerts at the fifth', async () => {
    const { customerId, vehicleId } = await newCar();
    for (const day of ['2025-08-01', '2025-10-01']) await repair(vehicleId, day);
    let w = (await card(customerId)).vehicles[0]!.threeGuarantee;
    expect(w.level).toBe('none');
    expect(lineOf(w, 'sameProblem').count).toBe(2);

    await repair(vehicleId, '2026-01-05', { faultText: '冷车启动困难' });
    w = (await card(customerId)).vehicles[0]!.threeGuarantee;
    expect(w.level).toBe('warning');
    expect(lineOf(w, 'sameProblem')).toMatchObject({ level: 'warning', count: 3, group: '发动机' });
    // The facts behind it: each repair with its fault text.
    expect(w.repairs.map((r) => r.faultText)).toEqual(['怠速抖动', '怠速抖动', '冷车启动困难']);
    // A warning does not grade a complaint up; a legal line (below) does.
    const suggestAt = async () =>
      app.ok(
        'complaints.suggest',
        { customerId, vehicleId, channel: 'walk_in', category: 'product_quality', facts: {} },
        desk,
      );
    expect((await suggestAt()).facts.three_guarantee).toBe(false);
    expect((await suggestAt()).grade).toBe('C');

    await repair(vehicleId, '2026-03-05');
    await repair(vehicleId, '2026-05-05');
    w = (await card(customerId)).vehicles[0]!.threeGuarantee;
    expect(w.level).toBe('alert');
    expect(lineOf(w, 'sameProblem')).toMatchObject({ level: 'alert', count: 5, alertAt: 5 });
    // vehicles.get says the same as the card.
    expect((await app.ok('vehicles.get', { id: vehicleId }, desk)).threeGuarantee).toEqual(w);

    // A complaint ticket about the car carries the same watch; one without a car carries none.
    const ticket = await app.ok(
      'complaints.create',
      {
        customerId,
        vehicleId,
        channel: 'walk_in',
        category: 'product_quality',
        description: '发动机反复抖动，第五次进站仍未修好，要求换车',
        receivedAt: clock.now().toISOString(),
      },
      desk,
    );
    const detail = await app.ok('complaints.get', { id: ticket.id }, app.adminToken);
    expect(detail.threeGuarantee).toEqual(w);
    // At the legal line the customer may claim a replacement: the ticket is suggested A, with the reason.
    expect(detail.facts.three_guarantee).toBe(true);
    expect(detail.suggestedGrade).toBe('A');
    expect((await suggestAt()).reasons.map((r) => r.fact)).toContain('three_guarantee');
    const noCar = await app.ok(
      'complaints.create',
      {
        customerId,
        channel: 'phone',
        category: 'staff_attitude',
        description: '前台接待态度冷淡',
        receivedAt: clock.now().toISOString(),
      },
      desk,
    );
    expect((await app.ok('complaints.get', { id: noCar.id }, app.adminToken)).threeGuarantee).toBeNull();
  });

  it('adds up the days in the workshop: a car still in counts to today, the out date stops it', async () => {
    const { vehicleId } = await newCar();
    await repair(vehicleId, '2026-09-01', { outDate: '2026-09-10', repairSystem: 'brakes' });
    const open = await repair(vehicleId, '2026-11-12', {
      outDate: null,
      repairSystem: 'body',
      faultText: '天窗漏水',
    });
    let v = await app.ok('vehicles.get', { id: vehicleId }, desk);
    expect(v.threeGuarantee.repairDays).toBe(10 + 11);
    expect(lineOf(v.threeGuarantee, 'repairDays').level).toBe('warning');
    // Day 11 in the workshop: a loan car or transport allowance from day 6 (第二十一条).
    expect(v.threeGuarantee.loanCar).toMatchObject({ visitId: open.id, days: 11, dueFrom: '2026-11-17' });

    const current = await app.ok('visits.get', { id: open.id }, desk);
    const edited = await app.ok(
      'visits.update',
      { ...current, outDate: '2026-11-14', notes: '更换天窗密封条' },
      desk,
    );
    expect(edited).toMatchObject({ outDate: '2026-11-14', version: 2, notes: '更换天窗密封条' });
    v = await app.ok('vehicles.get', { id: vehicleId }, desk);
    expect(v.threeGuarantee.repairDays).toBe(10 + 3);
    // Out after 3 days; the 10-day brake repair ended over 30 days ago: nothing left to remind of.
    expect(v.threeGuarantee.loanCar).toBeNull();
    expect(v.threeGuarantee.repairs.map((r) => r.overLoanDays)).toEqual([true, false]);

    // The stale copy is refused and changes nothing.
    const stale = await app.call('visits.update', { ...current, outDate: '2026-11-20' }, desk);
    expect(stale).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect((await app.ok('visits.get', { id: open.id }, desk)).outDate).toBe('2026-11-14');
    // The edit is in the audit log with before and after.
    const audit = app.core.db.$client
      .prepare("select detail from audit_log where action = 'visit.updated' and entity_id = ?")
      .pluck()
      .all(String(open.id)) as string[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!).changes.outDate).toEqual([null, '2026-11-14']);
  });

  it('refuses on an edit the facts a maintenance visit cannot carry, and an out date before the intake', async () => {
    const { vehicleId } = await newCar();
    const r = await repair(vehicleId, '2026-11-03');
    const current = await app.ok('visits.get', { id: r.id }, desk);
    const asMaintenance = await app.call('visits.update', { ...current, type: 'maintenance' }, desk);
    expect(fieldsOf(asMaintenance).repairSystem).toMatch(/只有维修或召回/);
    const early = await app.call('visits.update', { ...current, outDate: '2026-11-01' }, desk);
    expect(fieldsOf(early).outDate).toMatch(/不能早于进站日期 2026-11-03/);
    // Cleared facts make it a maintenance visit that no longer counts.
    await app.ok(
      'visits.update',
      { ...current, type: 'maintenance', repairSystem: null, faultText: null, outDate: null },
      desk,
    );
    expect((await app.ok('vehicles.get', { id: vehicleId }, desk)).threeGuarantee.repairs).toHaveLength(0);
  });

  it('alerts at the second replacement of the same main part and the second serious-safety repair', async () => {
    const { vehicleId } = await newCar();
    const part = { repairSystem: 'transmission', faultText: '换挡冲击', mainPartReplaced: true };
    await repair(vehicleId, '2025-09-01', { ...part, mainPart: '阀体' });
    let w = (await app.ok('vehicles.get', { id: vehicleId }, desk)).threeGuarantee;
    expect(lineOf(w, 'samePart')).toMatchObject({ level: 'warning', count: 1, group: '变速器 · 阀体' });
    await repair(vehicleId, '2026-02-01', { ...part, mainPart: '阀体总成' });
    w = (await app.ok('vehicles.get', { id: vehicleId }, desk)).threeGuarantee;
    expect(lineOf(w, 'samePart')).toMatchObject({ level: 'alert', count: 2 });

    const { vehicleId: other } = await newCar();
    const safety = { repairSystem: 'brakes', faultText: '制动失灵', seriousSafety: true };
    await repair(other, '2025-12-01', safety);
    expect(lineOf((await app.ok('vehicles.get', { id: other }, desk)).threeGuarantee, 'safety').level).toBe(
      'warning',
    );
    await repair(other, '2026-04-01', { ...safety, repairSystem: 'steering', faultText: '转向助力失效' });
    const alerted = (await app.ok('vehicles.get', { id: other }, desk)).threeGuarantee;
    expect(lineOf(alerted, 'safety')).toMatchObject({ level: 'alert', count: 2 });
    expect(alerted.level).toBe('alert');
  });

  it('ends the period at the latest odometer reading past 50,000 km: later repairs do not count', async () => {
    const { vehicleId } = await newCar('2025-01-10');
    km = 48_000;
    await repair(vehicleId, '2025-12-01');
    await repair(vehicleId, '2026-01-10');
    km = 50_500;
    await repair(vehicleId, '2026-03-01');
    const w = (await app.ok('vehicles.get', { id: vehicleId }, desk)).threeGuarantee;
    expect(w.period).toMatchObject({ state: 'ended_km', kmPassedOn: '2026-03-01', lastDay: '2027-01-09' });
    expect(w.repairs.map((r) => r.inPeriod)).toEqual([true, true, false]);
    expect(lineOf(w, 'sameProblem').count).toBe(2);
    km = 1000;
  });

  it('follows the store settings; only settings managers change them, within the legal lines', async () => {
    const { vehicleId } = await newCar();
    await repair(vehicleId, '2026-02-01');
    await repair(vehicleId, '2026-04-01');
    expect((await app.ok('vehicles.get', { id: vehicleId }, desk)).threeGuarantee.level).toBe('none');

    expect(await app.call('threeGuarantee.updateSettings', { warnSameProblem: 2 }, desk)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    const tooLate = await app.call('threeGuarantee.updateSettings', { warnSameProblem: 5 }, app.adminToken);
    expect(tooLate).toMatchObject({ ok: false, error: { kind: 'validation' } });
    const shorter = await app.call('threeGuarantee.updateSettings', { periodYears: 1 }, app.adminToken);
    expect(JSON.stringify(shorter)).toContain('不得低于 2 年');

    const saved = await app.ok('threeGuarantee.updateSettings', { warnSameProblem: 2 }, app.adminToken);
    expect(saved).toEqual({
      periodYears: 2,
      periodKm: 50_000,
      warnRepairDays: 20,
      warnSameProblem: 2,
      warnSamePart: 1,
      warnSafety: 1,
    });
    expect(await app.ok('threeGuarantee.settings', {}, desk)).toEqual(saved);
    const w = (await app.ok('vehicles.get', { id: vehicleId }, desk)).threeGuarantee;
    expect(lineOf(w, 'sameProblem')).toMatchObject({ level: 'warning', warnAt: 2 });
    const logged = app.core.db.$client
      .prepare(
        "select detail from audit_log where action = 'settings.updated' and entity_id = 'threeGuarantee'",
      )
      .pluck()
      .get() as string;
    expect(JSON.parse(logged).changes).toEqual({ warnSameProblem: [3, 2] });
    await app.ok('threeGuarantee.updateSettings', { warnSameProblem: 3 }, app.adminToken);
  });

  it('reads each vehicle through service_visits_vehicle_idx', () => {
    const plan = (sql: string, ...args: unknown[]) =>
      (app.core.db.$client.prepare(`explain query plan ${sql}`).all(...args) as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ');
    expect(plan(threeGuaranteeSql.repairs, 1, '2025-01-01', '2028-01-01')).toMatch(
      /SEARCH service_visits USING INDEX service_visits_vehicle_idx \(vehicle_id=\? AND visit_date>\? AND visit_date<\?\)/,
    );
    expect(plan(threeGuaranteeSql.kmPassedOn, 1, 50_000)).toMatch(
      /SEARCH service_visits USING COVERING INDEX service_visits_vehicle_idx \(vehicle_id=\?\)/,
    );
  });
});
