import type Database from 'better-sqlite3';
import type { RepairSystem } from '../../contract/three-guarantee';
import { addYears, isoDay } from './calendar';
import type { RepairFactsDraft } from './repair-facts';
import { dayOfIso } from './repair-facts';
import { faultTexts, mainParts } from './repair-texts';
import type { Rng } from './rng';

/**
 * A few cars whose owners are on their way to a 三包 claim, so the watch has something to show at every scale:
 * each case adds quality repairs (free, as warranty work is) inside the car's first two years, between its
 * existing visits, with the odometer in between theirs, so every other fact of the car stays true.
 */

interface CaseRepair {
  days: readonly [number, number];
  facts: (rng: Rng, energy: string) => RepairFactsDraft;
}

const sameSystem = (rng: Rng, energy: string): RepairSystem =>
  energy === 'electric'
    ? rng.pick(['traction_battery', 'electrical', 'body'] as const)
    : rng.pick(['engine', 'transmission', 'electrical'] as const);

const plain =
  (system: RepairSystem) =>
  (rng: Rng): RepairFactsDraft => ({
    system,
    faultText: rng.pick(faultTexts[system]),
    mainPart: null,
    seriousSafety: false,
  });

function repeat(n: number, days: readonly [number, number]): (rng: Rng, energy: string) => CaseRepair[] {
  return (rng, energy) => {
    const system = sameSystem(rng, energy);
    return Array.from({ length: n }, () => ({ days, facts: plain(system) }));
  };
}

const mixed: RepairSystem[] = ['body', 'suspension', 'electrical', 'brakes', 'other'];
function longStays(n: number, days: readonly [number, number]): (rng: Rng) => CaseRepair[] {
  return () => mixed.slice(0, n).map((s) => ({ days, facts: plain(s) }));
}

function replaced(n: number): (rng: Rng, energy: string) => CaseRepair[] {
  return (rng, energy) => {
    const system: RepairSystem =
      energy === 'electric' ? 'traction_battery' : rng.pick(['transmission', 'brakes'] as const);
    const part = rng.pick(mainParts[system]!);
    const facts = (r: Rng): RepairFactsDraft => ({ ...plain(system)(r), mainPart: part });
    return Array.from({ length: n }, () => ({ days: [3, 5] as const, facts }));
  };
}

function safety(n: number): (rng: Rng) => CaseRepair[] {
  const faults: [RepairSystem, string][] = [
    ['brakes', '行驶中制动失效报警，制动距离变长'],
    ['steering', '行驶中转向助力突然失效'],
  ];
  return () =>
    faults.slice(0, n).map(([system, faultText]) => ({
      days: [2, 4] as const,
      facts: () => ({ system, faultText, mainPart: null, seriousSafety: true }),
    }));
}

interface Case {
  repairs: (rng: Rng, energy: string) => CaseRepair[];
  /** Also in the workshop today, day 8 of a repair waiting for parts: the loan-car reminder. */
  inWorkshop?: boolean;
}

/** Near the lines (warning) and over them (alert), in turn, and a car in the workshop now. */
const cases: Case[] = [
  { repairs: repeat(3, [1, 2]) },
  { repairs: repeat(5, [1, 3]) },
  { repairs: longStays(3, [7, 9]) },
  { repairs: longStays(4, [8, 10]) },
  { repairs: replaced(1) },
  { repairs: replaced(2) },
  { repairs: safety(1) },
  { repairs: safety(2) },
  { repairs: repeat(1, [1, 2]), inWorkshop: true },
];
const inWorkshopDays = 8;

interface Candidate {
  id: number;
  ownerId: number;
  deliveryDate: string;
  energy: string;
}

interface Visit {
  day: number;
  km: number;
}

/** Where a repair of `days` fits between the car's visits, with an odometer reading between theirs. */
function placeRepair(
  rng: Rng,
  visits: readonly Visit[],
  start: Visit,
  perDay: number,
  days: number,
  from: number,
  to: number,
): Visit | null {
  for (let attempt = 0; attempt < 30 && from <= to; attempt++) {
    const day = rng.int(from, to);
    const end = day + days - 1;
    if (visits.some((v) => v.day >= day - 1 && v.day <= end + 1)) continue;
    const prev = [start, ...visits].filter((v) => v.day < day).at(-1)!;
    const next = visits.find((v) => v.day > end);
    if (!next) return { day, km: prev.km + Math.max(1, Math.round(perDay * (day - prev.day))) };
    if (next.km - prev.km < 2) continue;
    const km = prev.km + Math.round(((next.km - prev.km) * (day - prev.day)) / (next.day - prev.day));
    return { day, km: Math.min(next.km - 1, Math.max(prev.km + 1, km)) };
  }
  return null;
}

/**
 * Adds the cases to about one car in 1,500 (at least one of each case): cars delivered 8 to 23 months ago,
 * bought new here and still with their first owner. Returns the visits added.
 */
export function writeThreeGuaranteeCases(
  sqlite: Database.Database,
  rng: Rng,
  today: number,
  vehicleCount: number,
): number {
  const lastDay = today - 1;
  const wanted = Math.max(cases.length, Math.round(vehicleCount / 1500));
  const pool = sqlite
    .prepare(
      `select v.id, v.owner_id as ownerId, v.delivery_date as deliveryDate, v.energy
       from vehicles v
       where v.delivery_date between ? and ? and v.owner_id is not null and v.mileage_km < 40000
         and (select count(*) from vehicle_ownerships o where o.vehicle_id = v.id) = 1
       order by v.id`,
    )
    .all(isoDay(today - 700), isoDay(today - 240)) as Candidate[];
  const visitsOf = sqlite.prepare(
    'select visit_date as date, mileage_km as km from service_visits where vehicle_id = ? order by visit_date, id',
  );
  const insert = sqlite.prepare(
    `insert into service_visits (vehicle_id, customer_id, visit_date, type, mileage_km, amount_fen, advisor, notes,
       out_date, repair_system, main_part_replaced, main_part, serious_safety, fault_text)
     values (?, ?, ?, 'repair', ?, 0, ?, '三包期内质量维修', ?, ?, ?, ?, ?, ?)`,
  );
  const moveVehicle = sqlite.prepare(
    'update vehicles set mileage_km = ?, mileage_at = ? where id = ? and mileage_at < ?',
  );
  const moveCustomer = sqlite.prepare(
    'update customers set last_visit_at = ? where id = ? and (last_visit_at is null or last_visit_at < ?)',
  );
  let added = 0;
  const order = [...pool];
  for (let n = 0, next = 0; n < wanted && next < order.length; next++) {
    // A deterministic shuffle as we go: swap a random remaining candidate into place.
    const j = rng.int(next, order.length - 1);
    [order[next], order[j]] = [order[j]!, order[next]!];
    const car = order[next]!;
    const kase = cases[n % cases.length]!;
    const delivery = dayOfIso(car.deliveryDate);
    const visits: Visit[] = (visitsOf.all(car.id) as { date: string; km: number }[]).map((v) => ({
      day: dayOfIso(v.date),
      km: v.km,
    }));
    const inDay = today - inWorkshopDays + 1;
    // The car in the workshop today must not have been seen since it came in.
    if (kase.inWorkshop && visits.some((v) => v.day >= inDay - 1)) continue;
    n++;
    const start: Visit = { day: delivery, km: 10 };
    const last = visits.at(-1) ?? start;
    const perDay = Math.max(10, (last.km - start.km) / Math.max(1, last.day - delivery));
    const periodEnd = Math.min(lastDay, addYears(delivery, 2) - 1);
    const advisor = rng.pick(['李志强', '陈晓东', '黄伟', '赵敏']);

    const write = (at: Visit, outDay: number | null, f: RepairFactsDraft): void => {
      insert.run(
        car.id,
        car.ownerId,
        isoDay(at.day),
        at.km,
        advisor,
        outDay === null ? null : isoDay(outDay),
        f.system,
        f.mainPart ? 1 : 0,
        f.mainPart,
        f.seriousSafety ? 1 : 0,
        f.faultText,
      );
      visits.push(at);
      visits.sort((a, b) => a.day - b.day);
      if (visits.at(-1) === at) {
        moveVehicle.run(at.km, isoDay(at.day), car.id, isoDay(at.day));
        moveCustomer.run(isoDay(at.day), car.ownerId, isoDay(at.day));
      }
      added++;
    };
    // The car still in the workshop comes in before the others are placed, so none lands after it.
    if (kase.inWorkshop) {
      write(
        { day: inDay, km: last.km + Math.max(1, Math.round(perDay * (inDay - last.day))) },
        null,
        plain(sameSystem(rng, car.energy))(rng),
      );
    }
    for (const r of kase.repairs(rng, car.energy)) {
      const days = rng.int(r.days[0], r.days[1]);
      const latest = Math.min(periodEnd, kase.inWorkshop ? inDay - 2 : lastDay) - days + 1;
      const at = placeRepair(rng, visits, start, perDay, days, delivery + 20, latest);
      if (at) write(at, at.day + days - 1, r.facts(rng, car.energy));
    }
  }
  return added;
}
