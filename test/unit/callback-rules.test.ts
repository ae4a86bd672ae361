import Database from 'better-sqlite3';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../db/migrate';
import { openDatabase } from '../../db/open-database';
import {
  callbackOutcomes as schemaOutcomes,
  callbackRuleCodes as schemaRuleCodes,
} from '../../db/schema/callbacks';
import { callbackOutcomes, callbackRuleCodes } from '../../electron/contract/callbacks';
import type { CallbackRuleCode } from '../../electron/contract/callbacks';
import { contactDecision } from '../../electron/domain/callbacks/consent';
import { addDays, addMonths, addYears, daysBetween } from '../../electron/domain/callbacks/dates';
import type {
  ConsentRow,
  CustomerFacts,
  OwnershipRow,
  VehicleRow,
  VisitRow,
} from '../../electron/domain/callbacks/facts';
import { creationRange } from '../../electron/domain/callbacks/generation-window';
import { prepareFacts } from '../../electron/domain/callbacks/prepare-facts';
import type { RuleConfig, RuleSet } from '../../electron/domain/callbacks/rule-config';
import { loadRules } from '../../electron/domain/callbacks/rule-config';
import { generatingRules } from '../../electron/domain/callbacks/rules';
import type { Candidate } from '../../electron/domain/callbacks/rules/rule-types';
import { renderScript } from '../../electron/domain/callbacks/script';
import { reachDate } from '../../electron/domain/callbacks/vehicle-usage';

dayjs.extend(utc);

/**
 * Every rule as a pure function of plain rows, the seeded rule settings and a fixed "today": what a generation
 * pass on that day would create.
 */
let seeded: RuleSet;
beforeAll(() => {
  const db = openDatabase(':memory:');
  migrateDatabase(db, { dbFile: null });
  seeded = loadRules(db.$client);
  db.$client.close();
});

function rulesWith(code: CallbackRuleCode, change: Partial<RuleConfig>): RuleSet {
  const rules = new Map(seeded);
  rules.set(code, { ...seeded.get(code)!, ...change });
  return rules;
}

interface Car {
  id?: number;
  delivery: string | null;
  insurance?: string | null;
  odometer?: [string, number];
  /** Earlier owners: [customerId, from, to]. The current owner's ownership starts at `acquired` (or delivery). */
  acquired?: string;
  visits?: [string, VisitRow['type'], number][];
}

let nextId = 1000;
function customer(c: {
  id?: number;
  birthday?: string | null;
  stage?: string;
  createdAt?: string;
  doNotContact?: boolean;
  consents?: ConsentRow[];
  cars?: Car[];
  otherVisits?: VisitRow[];
}): CustomerFacts {
  const id = c.id ?? ++nextId;
  const vehicles: VehicleRow[] = [];
  const ownerships: OwnershipRow[] = [];
  const vehicleVisits: VisitRow[] = [];
  for (const car of c.cars ?? []) {
    const vid = car.id ?? ++nextId;
    vehicles.push({
      id: vid,
      ownerId: id,
      deliveryDate: car.delivery,
      insuranceExpiry: car.insurance ?? null,
      mileageKm: car.odometer?.[1] ?? null,
      mileageAt: car.odometer?.[0] ?? null,
    });
    const from = car.acquired ?? car.delivery;
    if (from) ownerships.push({ vehicleId: vid, customerId: id, fromDate: from, toDate: null });
    if (car.acquired && car.delivery)
      ownerships.push({ vehicleId: vid, customerId: 1, fromDate: car.delivery, toDate: car.acquired });
    for (const [date, type, km] of car.visits ?? []) {
      vehicleVisits.push({
        id: ++nextId,
        vehicleId: vid,
        customerId: id,
        visitDate: date,
        type,
        mileageKm: km,
      });
    }
  }
  const customerVisits = [...vehicleVisits, ...(c.otherVisits ?? [])];
  return {
    customer: {
      id,
      birthday: c.birthday ?? null,
      stage: c.stage ?? 'owner',
      createdAt: c.createdAt ?? '2020-01-01T02:00:00.000Z',
      mergedIntoId: null,
      doNotContact: c.doNotContact ?? false,
    },
    consents: c.consents ?? [],
    vehicles,
    ownerships,
    vehicleVisits,
    customerVisits,
    lastVisitDate: customerVisits.reduce<string | null>(
      (m, v) => (m === null || v.visitDate > m ? v.visitDate : m),
      null,
    ),
  };
}

/** What the rule would create on `today` (its creation window). */
function created(
  code: CallbackRuleCode,
  facts: CustomerFacts,
  today: string,
  rules: RuleSet = seeded,
): Candidate[] {
  const gen = generatingRules.find((g) => g.code === code)!;
  const rule = rules.get(code)!;
  return gen.candidates(prepareFacts(facts, rules), {
    rule,
    rules,
    today,
    range: creationRange(rule, today),
  });
}

const dues = (cs: Candidate[]) => cs.map((c) => c.dueDate);
const anchors = (cs: Candidate[]) => cs.map((c) => c.anchorDate);

describe('calendar arithmetic', () => {
  it('adds months and years clamped at month ends, like dayjs', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2026-12-31', '2027-01-02')).toBe(2);
    let d = '2023-12-25';
    for (let i = 0; i < 800; i++, d = addDays(d, 3)) {
      for (const n of [-13, -1, 1, 3, 6, 12, 25]) {
        expect(addMonths(d, n)).toBe(dayjs.utc(d).add(n, 'month').format('YYYY-MM-DD'));
      }
      expect(addDays(d, 45)).toBe(dayjs.utc(d).add(45, 'day').format('YYYY-MM-DD'));
    }
  });

  it('matches SQLite date(d, "+N months", "floor") on every day of a leap cycle', () => {
    const sqlite = new Database(':memory:');
    const q = sqlite.prepare("select date(?, printf('%+d months', ?), 'floor')").pluck();
    let d = '2027-01-01';
    for (let i = 0; i < 4 * 366; i++, d = addDays(d, 1)) {
      for (const n of [1, 3, 6, 12, -6]) expect(addMonths(d, n), `${d} ${n}`).toBe(q.get(d, n));
    }
    sqlite.close();
  });

  it('keeps the contract enums equal to the schema', () => {
    expect([...callbackRuleCodes]).toEqual([...schemaRuleCodes]);
    expect([...callbackOutcomes]).toEqual([...schemaOutcomes]);
  });
});

describe('delivery follow-ups and sales CSI', () => {
  const car = customer({ cars: [{ delivery: '2026-03-10' }] });

  it('falls due 3 days, 7 days and 1 day (sales CSI) after delivery, and is created up to 14 days ahead', () => {
    expect(dues(created('delivery_3d', car, '2026-03-13'))).toEqual(['2026-03-13']);
    expect(dues(created('delivery_3d', car, '2026-02-28'))).toEqual(['2026-03-13']);
    expect(created('delivery_3d', car, '2026-02-26')).toEqual([]);
    expect(dues(created('delivery_7d', car, '2026-03-17'))).toEqual(['2026-03-17']);
    expect(dues(created('sales_csi', car, '2026-03-11'))).toEqual(['2026-03-11']);
    expect(created('delivery_3d', car, '2026-03-13')[0]).toMatchObject({
      anchorDate: '2026-03-10',
      serviceVisitId: null,
    });
  });

  it('is not created once it falls out of the window (late data) or would already be expired', () => {
    // delivery_3d: window 7 days → a task due on 03-13 is still created on 03-20, not on 03-21.
    expect(dues(created('delivery_3d', car, '2026-03-20'))).toEqual(['2026-03-13']);
    expect(created('delivery_3d', car, '2026-03-21')).toEqual([]);
    const shortExpiry = rulesWith('delivery_3d', { expiryDays: 2 });
    expect(created('delivery_3d', car, '2026-03-16', shortExpiry)).toEqual([]);
    expect(created('delivery_3d', car, '2026-03-15', shortExpiry)).toHaveLength(1);
  });

  it('counts +1 month and +3 months in calendar months when the rule says so, clamping month ends', () => {
    const jan31 = customer({ cars: [{ delivery: '2026-01-31' }] });
    const oneMonth = rulesWith('delivery_1m', { params: { months: 1 } });
    expect(dues(created('delivery_1m', jan31, '2026-02-28', oneMonth))).toEqual(['2026-02-28']);
    const leap = customer({ cars: [{ delivery: '2028-01-31' }] });
    expect(dues(created('delivery_1m', leap, '2028-02-29', oneMonth))).toEqual(['2028-02-29']);
    const nov30 = customer({ cars: [{ delivery: '2025-11-30' }] });
    const threeMonths = rulesWith('delivery_3m', { params: { months: 3 } });
    expect(dues(created('delivery_3m', nov30, '2026-02-28', threeMonths))).toEqual(['2026-02-28']);
    // As seeded the offsets are days: 30 and 90.
    expect(dues(created('delivery_1m', jan31, '2026-03-02'))).toEqual(['2026-03-02']);
    expect(dues(created('delivery_3m', nov30, '2026-02-28'))).toEqual(['2026-02-28']);
  });

  it('follows the car to a new owner: anchored on the day the new owner took it', () => {
    const buyer = customer({ cars: [{ delivery: '2023-05-01', acquired: '2026-06-01' }] });
    expect(created('delivery_3d', buyer, '2026-06-04')).toMatchObject([
      { anchorDate: '2026-06-01', dueDate: '2026-06-04' },
    ]);
    expect(anchors(created('purchase_anniversary', buyer, '2027-06-01'))).toEqual(['2027-06-01']);
    // The car's own facts stay the car's: first maintenance counts from the original delivery (long past).
    expect(created('first_maintenance', buyer, '2026-06-04')).toEqual([]);
  });
});

describe('first maintenance (首保)', () => {
  it('is due 3 months after delivery (month end clamped) when the car is driven little, reminded 7 days before', () => {
    const slow = customer({ cars: [{ delivery: '2026-01-31', visits: [['2026-03-02', 'repair', 300]] }] });
    // 300 km in 30 days = 10 km/day: 3,000 km only after ~270 days, so the 3 months (30 Apr) come first.
    expect(created('first_maintenance', slow, '2026-04-23')).toMatchObject([
      { anchorDate: '2026-01-31', dueDate: '2026-04-23' },
    ]);
  });

  it('is due at 3,000 km when that comes before 3 months, from the car’s own km/day', () => {
    const fast = customer({ cars: [{ delivery: '2026-10-01', visits: [['2026-10-21', 'repair', 2000]] }] });
    // 2,000 km in 20 days = 100 km/day → 3,000 km on 31 Oct → reminder on 24 Oct.
    const prepared = prepareFacts(fast, seeded);
    expect(prepared.owned[0]!.kmPerDay).toBe(100);
    expect(reachDate(prepared.owned[0]!, 3000)).toBe('2026-10-31');
    expect(dues(created('first_maintenance', fast, '2026-10-24'))).toEqual(['2026-10-24']);
  });

  it('uses the store default km/day without enough history, and the odometer on file as a reading', () => {
    const fresh = customer({ cars: [{ delivery: '2026-10-01' }] });
    // 40 km/day default: 3,000 km on day 75 = 15 Dec, before 1 Jan → reminder 8 Dec.
    expect(dues(created('first_maintenance', fresh, '2026-12-08'))).toEqual(['2026-12-08']);
    const told = customer({ cars: [{ delivery: '2026-10-01', odometer: ['2026-10-31', 2400] }] });
    // 2,400 km in 30 days = 80 km/day → 3,000 km 8 days later, on 8 Nov → reminder 1 Nov.
    expect(dues(created('first_maintenance', told, '2026-11-01'))).toEqual(['2026-11-01']);
  });

  it('stops once any maintenance is on file', () => {
    const done = customer({
      cars: [{ delivery: '2026-10-01', visits: [['2026-11-20', 'first_maintenance', 2900]] }],
    });
    expect(created('first_maintenance', done, '2026-12-20')).toEqual([]);
  });
});

describe('regular maintenance (定期保养)', () => {
  it('is due intervalMonths after the last maintenance (month end clamped) when mileage is low', () => {
    const car = customer({
      cars: [
        {
          delivery: '2025-05-31',
          visits: [
            ['2025-08-30', 'first_maintenance', 2500],
            ['2026-05-31', 'maintenance', 10000],
          ],
        },
      ],
    });
    // 10,000 km in 365 days ≈ 27 km/day → 7,500 km more takes ~274 days; 6 months (30 Nov) come first.
    expect(created('regular_maintenance', car, '2026-11-23')).toMatchObject([
      { anchorDate: '2026-05-31', dueDate: '2026-11-23' },
    ]);
  });

  it('is due by mileage for a heavy driver, estimated from the car’s own km/day', () => {
    const taxi = customer({
      cars: [{ delivery: '2025-11-20', visits: [['2026-06-01', 'maintenance', 30000]] }],
    });
    // 30,000 km in 193 days → 7,500 km more in 49 days → 20 Jul → reminder 13 Jul.
    expect(dues(created('regular_maintenance', taxi, '2026-07-13'))).toEqual(['2026-07-13']);
  });

  it('starts the next cycle from a newer maintenance', () => {
    const car = customer({
      cars: [
        {
          delivery: '2025-05-31',
          visits: [
            ['2026-05-31', 'maintenance', 10000],
            ['2026-09-01', 'maintenance', 13000],
          ],
        },
      ],
    });
    expect(created('regular_maintenance', car, '2026-11-23')).toEqual([]);
    expect(anchors(created('regular_maintenance', car, '2027-02-22'))).toEqual(['2026-09-01']);
  });
});

describe('service CSI', () => {
  it('is due the day after a visit, to whoever paid, with the visit attached; one call for two visits of a day', () => {
    const facts = customer({
      cars: [
        {
          delivery: '2025-01-01',
          visits: [
            ['2026-02-28', 'repair', 9000],
            ['2026-02-28', 'detailing', 9000],
          ],
        },
      ],
    });
    const tasks = created('service_csi', facts, '2026-03-01');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      anchorDate: '2026-02-28',
      dueDate: '2026-03-01',
      serviceVisitId: facts.vehicleVisits[0]!.id,
    });
    const leap = customer({
      cars: [{ delivery: '2027-01-01', visits: [['2028-02-28', 'maintenance', 9000]] }],
    });
    expect(dues(created('service_csi', leap, '2028-02-29'))).toEqual(['2028-02-29']);
  });

  it('still asks a customer about a visit on a car sold since', () => {
    const seller = customer({
      id: 500,
      otherVisits: [
        { id: 1, vehicleId: 77, customerId: 500, visitDate: '2026-11-20', type: 'repair', mileageKm: 1 },
      ],
    });
    expect(created('service_csi', seller, '2026-11-21')).toMatchObject([
      { customerId: 500, vehicleId: 77, serviceVisitId: 1 },
    ]);
  });
});

describe('birthday and purchase anniversary', () => {
  it('calls on the birthday; 29 February is kept on the 28th in common years', () => {
    const leapling = customer({ birthday: '1992-02-29', cars: [{ delivery: '2020-01-01' }] });
    expect(anchors(created('birthday', leapling, '2027-02-28'))).toEqual(['2027-02-28']);
    expect(anchors(created('birthday', leapling, '2028-02-29'))).toEqual(['2028-02-29']);
    expect(created('birthday', customer({ birthday: '1992-02-29' }), '2027-02-28')).toEqual([]);
  });

  it('creates next year’s birthday across the year end', () => {
    const jan = customer({ birthday: '1985-01-05', cars: [{ delivery: '2020-01-01' }] });
    expect(anchors(created('birthday', jan, '2026-12-30'))).toEqual(['2027-01-05']);
  });

  it('marks each anniversary of taking the car, never the purchase year itself', () => {
    const facts = customer({ cars: [{ delivery: '2024-02-29' }] });
    expect(anchors(created('purchase_anniversary', facts, '2025-02-28'))).toEqual(['2025-02-28']);
    expect(anchors(created('purchase_anniversary', facts, '2028-02-29'))).toEqual(['2028-02-29']);
    expect(
      created('purchase_anniversary', customer({ cars: [{ delivery: '2026-11-20' }] }), '2026-11-22'),
    ).toEqual([]);
  });
});

describe('quarterly care, churn risk, lost prospects, insurance', () => {
  it('cares for owners every 3 months from their first car, each step clamped from the base date', () => {
    const facts = customer({ cars: [{ delivery: '2025-11-30' }, { delivery: '2026-04-01' }] });
    expect(anchors(created('quarterly_care', facts, '2026-02-28'))).toEqual(['2026-02-28']);
    expect(anchors(created('quarterly_care', facts, '2026-05-30'))).toEqual(['2026-05-30']);
    expect(anchors(created('quarterly_care', facts, '2026-08-30'))).toEqual(['2026-08-30']);
    expect(created('quarterly_care', customer({ stage: 'lead' }), '2026-08-30')).toEqual([]);
  });

  it('flags churn 12 months after the last activity (leap day clamped)', () => {
    const quiet = customer({ cars: [{ delivery: '2022-01-10', visits: [['2024-02-29', 'repair', 50000]] }] });
    // No maintenance on file, so only "no visit for 12 months" applies.
    expect(created('churn_risk', quiet, '2025-02-28')).toMatchObject([
      { anchorDate: '2025-02-28', vehicleId: null },
    ]);
  });

  it('flags churn after two missed maintenance intervals, even with a later repair visit', () => {
    const facts = customer({
      cars: [
        {
          delivery: '2024-05-31',
          visits: [
            ['2025-05-31', 'maintenance', 12000],
            ['2026-01-10', 'repair', 16000],
          ],
        },
      ],
    });
    // 2 × 6 months after 31 May 2025 = 31 May 2026, before 12 months after the repair (10 Jan 2027).
    expect(anchors(created('churn_risk', facts, '2026-05-31'))).toEqual(['2026-05-31']);
    expect(created('churn_risk', facts, '2027-01-10')).toEqual([]);
  });

  it('re-contacts lost prospects every 3 months from the card’s creation, month end clamped', () => {
    const lost = customer({ stage: 'lost', createdAt: '2026-08-31T02:00:00.000Z' });
    expect(anchors(created('lost_prospect', lost, '2026-11-30'))).toEqual(['2026-11-30']);
    expect(anchors(created('lost_prospect', lost, '2027-02-28'))).toEqual(['2027-02-28']);
    expect(
      created('lost_prospect', { ...lost, customer: { ...lost.customer, stage: 'intent' } }, '2026-11-30'),
    ).toEqual([]);
  });

  it('reminds 30 days before the insurance on file expires', () => {
    const facts = customer({ cars: [{ delivery: '2024-12-22', insurance: '2026-12-22' }] });
    expect(created('insurance_renewal', facts, '2026-11-22')).toMatchObject([
      { anchorDate: '2026-12-22', dueDate: '2026-11-22' },
    ]);
  });
});

describe('contact rules per purpose', () => {
  it('allows service notices without a record, needs an explicit yes for care and marketing, honours do-not-contact', () => {
    expect(contactDecision('service', false, [])).toEqual({ status: 'open', skipReason: null });
    expect(contactDecision('care', false, [])).toMatchObject({
      status: 'skipped',
      skipReason: expect.stringContaining('客户关怀'),
    });
    expect(contactDecision('marketing', false, [{ purpose: 'marketing', granted: true }]).status).toBe(
      'open',
    );
    expect(contactDecision('service', false, [{ purpose: 'service', granted: false }])).toMatchObject({
      status: 'skipped',
      skipReason: expect.stringContaining('拒绝'),
    });
    expect(contactDecision('service', true, [{ purpose: 'service', granted: true }])).toMatchObject({
      status: 'skipped',
      skipReason: expect.stringContaining('勿扰'),
    });
  });
});

describe('scripts', () => {
  it('fills the placeholders, and reads naturally when a value is missing', () => {
    const text = renderScript(
      '{name}{title}您好，{store}回访：{model}（{plate}）约{mileage}公里，{deliveryDate}提车，{advisor}，{unknown}',
      {
        name: '张三',
        title: '先生',
        salutation: '张先生',
        model: '帕萨特',
        plate: null,
        mileage: 12300,
        deliveryDate: '2026-03-10',
        visitDate: null,
        advisor: '李工',
        store: '本店',
      },
    );
    expect(text).toBe(
      '张先生您好，本店回访：帕萨特（未上牌）约12,300公里，2026年3月10日提车，李工，{unknown}',
    );
  });
});
