import { describe, expect, it } from 'vitest';
import type { RepairSystem, ThreeGuaranteeSettings } from '../../electron/contract/three-guarantee';
import { threeGuaranteeDefaults } from '../../electron/contract/three-guarantee';
import { defaultWarrantyTerms } from '../../electron/domain/customers/customer-rules/warranty-state';
import type { RepairFact, WatchFacts } from '../../electron/domain/vehicles/three-guarantee-rules';
import {
  partKey,
  repairDays,
  threeGuaranteeWatchOf,
} from '../../electron/domain/vehicles/three-guarantee-rules';
import { threeGuaranteeNotice } from '../../electron/domain/vehicles/three-guarantee-watch';

let nextId = 1;
function repair(inDate: string, outDate: string | null, more: Partial<RepairFact> = {}): RepairFact {
  return {
    visitId: nextId++,
    type: 'repair',
    inDate,
    outDate,
    mileageKm: 10_000,
    system: 'engine',
    mainPartReplaced: false,
    mainPart: null,
    seriousSafety: false,
    faultText: '发动机异响',
    ...more,
  };
}

function watch(
  repairs: RepairFact[],
  more: Partial<WatchFacts> = {},
  settings?: Partial<ThreeGuaranteeSettings>,
) {
  return threeGuaranteeWatchOf({
    today: '2026-06-01',
    deliveryDate: '2025-03-15',
    latestKm: 20_000,
    latestKmAt: '2026-05-01',
    kmPassedOn: null,
    repairs,
    settings: { ...threeGuaranteeDefaults, ...settings },
    warranty: defaultWarrantyTerms,
    ...more,
  });
}

const lineOf = (w: ReturnType<typeof watch>, line: string) => w.lines.find((l) => l.line === line)!;

/** `n` separate repairs of `system`, a month apart from 2025-05-01, each `days` long. */
function series(n: number, system: RepairSystem, days = 1, more: Partial<RepairFact> = {}): RepairFact[] {
  return Array.from({ length: n }, (_, i) => {
    const inDate = `2025-${String(5 + i).padStart(2, '0')}-01`;
    const out = `2025-${String(5 + i).padStart(2, '0')}-${String(days).padStart(2, '0')}`;
    return repair(inDate, out, { system, ...more });
  });
}

describe('三包 period (第十八条): 2 years or 50,000 km from delivery, whichever first', () => {
  it('ends by date: the last day inside is the day before the second anniversary', () => {
    const w = watch([repair('2027-03-14', '2027-03-14'), repair('2027-03-15', '2027-03-15')], {
      today: '2027-04-01',
    });
    expect(w.period).toMatchObject({ state: 'ended_date', startsOn: '2025-03-15', lastDay: '2027-03-14' });
    expect(w.repairs.map((r) => r.inPeriod)).toEqual([true, false]);
  });

  it('ends by km at the latest odometer reading known, before the date', () => {
    const w = watch(
      [
        repair('2025-09-01', '2025-09-01', { mileageKm: 50_000 }),
        repair('2026-02-01', '2026-02-01', { mileageKm: 50_200 }),
      ],
      { latestKm: 51_000, latestKmAt: '2026-05-01', kmPassedOn: '2026-02-01' },
    );
    expect(w.period).toMatchObject({ state: 'ended_km', kmPassedOn: '2026-02-01', latestKm: 51_000 });
    // The 50,000th km is still inside; a repair recorded above the limit is not.
    expect(w.repairs.map((r) => r.inPeriod)).toEqual([true, false]);
  });

  it('is still running at exactly 50,000 km, and a reading typed on the vehicle alone can end it', () => {
    expect(watch([], { latestKm: 50_000 }).period.state).toBe('active');
    const typed = watch([], { latestKm: 50_001, latestKmAt: '2026-05-20', kmPassedOn: null });
    expect(typed.period).toMatchObject({ state: 'ended_km', kmPassedOn: '2026-05-20' });
  });

  it('ended by date when the km limit was only passed after the date end', () => {
    const w = watch([], { today: '2027-06-01', latestKm: 60_000, kmPassedOn: '2027-05-01' });
    expect(w.period.state).toBe('ended_date');
  });

  it('cannot say anything without a delivery date', () => {
    const w = watch([repair('2025-05-01', '2025-05-30')], { deliveryDate: null });
    expect(w).toMatchObject({ level: 'none', period: { state: 'unknown' }, lines: [], repairs: [] });
  });

  it('follows the store setting for a longer promise (3 years, 100,000 km)', () => {
    const w = watch(
      [repair('2027-06-01', '2027-06-01')],
      { today: '2027-07-01' },
      { periodYears: 3, periodKm: 100_000 },
    );
    expect(w.period).toMatchObject({ state: 'active', lastDay: '2028-03-14', kmLimit: 100_000 });
    expect(w.repairs[0]!.inPeriod).toBe(true);
  });
});

describe('repair days (第四十条): in and out day both count, a car still in counts to today', () => {
  it('counts a same-day repair as one day and a repair over two nights as three', () => {
    expect(repairDays('2026-05-01', '2026-05-01', '2026-06-01')).toBe(1);
    expect(repairDays('2026-05-01', '2026-05-03', '2026-06-01')).toBe(3);
    expect(repairDays('2026-05-28', null, '2026-06-01')).toBe(5);
  });

  it('warns at 20 days, and alerts only above 30 (第二十四条第一款第（四）项)', () => {
    // Different systems, so only the days line moves.
    const systems: RepairSystem[] = ['engine', 'brakes', 'body'];
    const at = (days: number[]) =>
      lineOf(
        watch(
          days.map((d, i) =>
            repair(`2025-0${5 + i}-01`, `2025-0${5 + i}-${String(d).padStart(2, '0')}`, {
              system: systems[i],
            }),
          ),
        ),
        'repairDays',
      );
    expect(at([10, 9])).toMatchObject({ count: 19, level: 'none' });
    expect(at([10, 10])).toMatchObject({ count: 20, level: 'warning', warnAt: 20 });
    expect(at([10, 10, 10])).toMatchObject({ count: 30, level: 'warning', alertAt: 31 });
    expect(at([10, 10, 11])).toMatchObject({ count: 31, level: 'alert' });
  });

  it('honours a store warning line other than the default', () => {
    const w = watch(series(1, 'engine', 22), {}, { warnRepairDays: 25 });
    expect(lineOf(w, 'repairDays')).toMatchObject({ count: 22, level: 'none', warnAt: 25 });
  });
});

describe('same problem: the same system concerned', () => {
  it('warns at the third repair, alerts at the fifth (more than 4)', () => {
    expect(lineOf(watch(series(2, 'transmission')), 'sameProblem').level).toBe('none');
    expect(lineOf(watch(series(3, 'transmission')), 'sameProblem')).toMatchObject({
      count: 3,
      level: 'warning',
      group: '变速器',
    });
    expect(lineOf(watch(series(4, 'transmission')), 'sameProblem').level).toBe('warning');
    const five = watch(series(5, 'transmission'));
    expect(lineOf(five, 'sameProblem')).toMatchObject({ count: 5, level: 'alert' });
    expect(five.level).toBe('alert');
  });

  it('counts each system apart and reports the largest', () => {
    const w = watch([
      ...series(2, 'brakes'),
      ...series(3, 'electrical').map((r) => ({
        ...r,
        inDate: r.inDate.replace('2025', '2026'),
        outDate: r.outDate!.replace('2025', '2026'),
      })),
    ]);
    expect(lineOf(w, 'sameProblem')).toMatchObject({ count: 3, group: '电气系统', level: 'warning' });
    expect(lineOf(w, 'sameProblem').visitIds).toHaveLength(3);
  });
});

describe('same main part replaced (第二十四条第一款第（二）（三）项)', () => {
  it('warns at one replacement and alerts at the second of the same part, names compared loosely', () => {
    const one = watch(series(1, 'transmission', 2, { mainPartReplaced: true, mainPart: '阀体' }));
    expect(lineOf(one, 'samePart')).toMatchObject({ count: 1, level: 'warning', group: '变速器 · 阀体' });
    const two = watch([
      repair('2025-05-01', '2025-05-02', {
        system: 'transmission',
        mainPartReplaced: true,
        mainPart: '阀体总成',
      }),
      repair('2025-08-01', '2025-08-02', {
        system: 'transmission',
        mainPartReplaced: true,
        mainPart: ' 阀 体 ',
      }),
    ]);
    expect(lineOf(two, 'samePart')).toMatchObject({ count: 2, level: 'alert' });
    expect(partKey('ＡＢＳ泵总成')).toBe(partKey('abs 泵'));
  });

  it('keeps different parts apart, and does not count electrical or other parts', () => {
    const w = watch([
      repair('2025-05-01', '2025-05-02', { system: 'brakes', mainPartReplaced: true, mainPart: '制动主缸' }),
      repair('2025-08-01', '2025-08-02', { system: 'brakes', mainPartReplaced: true, mainPart: 'ABS 泵' }),
      repair('2025-09-01', '2025-09-02', {
        system: 'electrical',
        mainPartReplaced: true,
        mainPart: '车身控制模块',
      }),
      repair('2025-10-01', '2025-10-02', {
        system: 'electrical',
        mainPartReplaced: true,
        mainPart: '车身控制模块',
      }),
    ]);
    expect(lineOf(w, 'samePart')).toMatchObject({ count: 1, level: 'warning' });
  });

  it('ignores a part named on a repair that did not replace it', () => {
    const w = watch(series(2, 'engine', 1, { mainPartReplaced: false, mainPart: '缸体' }));
    expect(lineOf(w, 'samePart')).toMatchObject({ count: 0, level: 'none' });
  });
});

describe('serious safety faults (第二十四条第一款第（一）项)', () => {
  it('warns at the first repair and alerts at the second', () => {
    expect(lineOf(watch(series(1, 'brakes', 1, { seriousSafety: true })), 'safety')).toMatchObject({
      count: 1,
      level: 'warning',
    });
    const two = watch([
      ...series(1, 'brakes', 1, { seriousSafety: true }),
      ...series(1, 'steering', 1, { seriousSafety: true }).map((r) => ({
        ...r,
        inDate: '2025-12-01',
        outDate: '2025-12-01',
      })),
    ]);
    expect(lineOf(two, 'safety')).toMatchObject({ count: 2, level: 'alert' });
    expect(two.level).toBe('alert');
    expect(threeGuaranteeNotice(two)).toMatch(/^三包警示：已达法定线，严重安全性能故障修理 2 次/);
  });
});

describe('after the period', () => {
  it('drops a warning but keeps an alert reached inside it', () => {
    const warned = watch(series(3, 'engine'), { today: '2027-04-01' });
    expect(lineOf(warned, 'sameProblem').level).toBe('warning');
    expect(warned.level).toBe('none');
    const alerted = watch(series(5, 'engine'), { today: '2027-04-01' });
    expect(alerted.level).toBe('alert');
  });
});

describe('loan car or transport allowance (第二十一条): a single repair over 5 days', () => {
  it('reminds from day 6 while the car is still in the workshop', () => {
    const five = watch([repair('2026-05-28', null)]);
    expect(five.loanCar).toBeNull();
    const six = watch([repair('2026-05-27', null)]);
    expect(six.loanCar).toMatchObject({ days: 6, dueFrom: '2026-06-01', outDate: null });
    expect(six.repairs[0]!.overLoanDays).toBe(true);
    expect(threeGuaranteeNotice(six)).toContain('在修第 6 天：自 2026-06-01 起应提供备用车或交通费用补偿');
    // One long repair alone is no 三包 warning.
    expect(six.level).toBe('none');
  });

  it('keeps reminding for 30 days after a long repair ended, then only marks the repair', () => {
    const recent = watch([repair('2026-05-01', '2026-05-07')]);
    expect(recent.loanCar).toMatchObject({ days: 7, outDate: '2026-05-07' });
    expect(threeGuaranteeNotice(recent)).toContain('超过 5 日：请确认已提供备用车或交通费用补偿');
    const old = watch([repair('2026-03-01', '2026-03-07')]);
    expect(old.loanCar).toBeNull();
    expect(old.repairs[0]!.overLoanDays).toBe(true);
  });

  it('applies in the warranty (包修期) after the 三包 period, not beyond it', () => {
    const after3b = watch([repair('2027-05-01', null, { mileageKm: 40_000 })], { today: '2027-05-10' });
    expect(after3b.repairs[0]!.inPeriod).toBe(false);
    expect(after3b.loanCar).toMatchObject({ days: 10 });
    const outOfWarranty = watch([repair('2028-05-01', null, { mileageKm: 40_000 })], { today: '2028-05-10' });
    expect(outOfWarranty.loanCar).toBeNull();
  });
});
