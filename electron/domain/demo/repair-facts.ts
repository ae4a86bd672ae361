import type Database from 'better-sqlite3';
import type { RepairSystem } from '../../contract/three-guarantee';
import { mainPartSystems } from '../../contract/three-guarantee';
import { dayFromParts, isoDay } from './calendar';
import { faultTexts, mainParts, notedRepairs, safetyFaults, systemsByEnergy } from './repair-texts';
import type { Rng } from './rng';
import { weightedTable } from './rng';

export const dayOfIso = (iso: string): number =>
  dayFromParts(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

/** Most quality repairs are done the same day; a few wait for parts for a week or more. */
const repairLength = weightedTable<readonly [number, number]>([
  [[1, 1], 55],
  [[2, 2], 20],
  [[3, 3], 12],
  [[4, 5], 9],
  [[6, 10], 4],
]);

export interface RepairFactsDraft {
  system: RepairSystem;
  faultText: string;
  mainPart: string | null;
  seriousSafety: boolean;
}

/** One quality repair's facts, drawn for a car of `energy`. */
export function draftRepairFacts(rng: Rng, energy: keyof typeof systemsByEnergy): RepairFactsDraft {
  if (rng.chance(0.02)) {
    const candidates = safetyFaults.filter(([s]) => (energy === 'fuel' ? s !== 'traction_battery' : true));
    const [system, faultText] = rng.pick(candidates);
    return { system, faultText, mainPart: null, seriousSafety: true };
  }
  const system = rng.weighted(systemsByEnergy[energy]);
  const parts = mainParts[system];
  return {
    system,
    faultText: rng.pick(faultTexts[system]),
    mainPart: parts && mainPartSystems.includes(system) && rng.chance(0.06) ? rng.pick(parts) : null,
    seriousSafety: false,
  };
}

export const updateFactsSql = `update service_visits set out_date = ?, repair_system = ?, main_part_replaced = ?,
  main_part = ?, serious_safety = ?, fault_text = ? where id = ?`;

interface RepairRow {
  id: number;
  visitDate: string;
  type: 'repair' | 'recall';
  notes: string | null;
  energy: keyof typeof systemsByEnergy;
  nextDate: string | null;
}

/**
 * Gives the generated repair and recall visits their 三包 facts: the system (from the visit's note where it
 * says, else drawn by the car's energy), the fault, days in the workshop (never into the car's next visit,
 * nor past yesterday; a car brought in the last days may still be in), now and then a main part replaced or a
 * serious safety fault. Wear repairs (brake pads, tyres, the 12 V battery) and a quarter of unexplained ones
 * stay plain repairs. Draws from its own stream, so every other generated row is as before.
 */
export function writeRepairFacts(sqlite: Database.Database, rng: Rng, lastDay: number): number {
  const rows = sqlite
    .prepare(
      `select id, visitDate, type, notes, energy, nextDate from (
         select s.id, s.visit_date as visitDate, s.type, s.notes, v.energy,
           lead(s.visit_date) over (partition by s.vehicle_id order by s.visit_date, s.id) as nextDate
         from service_visits s join vehicles v on v.id = s.vehicle_id)
       where type in ('repair', 'recall') order by id`,
    )
    .all() as RepairRow[];
  const update = sqlite.prepare(updateFactsSql);
  let written = 0;
  for (const r of rows) {
    const noted = r.notes === null ? undefined : notedRepairs[r.notes];
    if (noted === null) continue;
    let facts: RepairFactsDraft;
    if (noted) facts = { system: noted[0], faultText: noted[1], mainPart: null, seriousSafety: false };
    else if (r.type === 'recall')
      facts = { system: 'other', faultText: '召回：按厂家通知检修', mainPart: null, seriousSafety: false };
    else if (rng.chance(0.25)) continue;
    else facts = draftRepairFacts(rng, r.energy);

    const inDay = dayOfIso(r.visitDate);
    const [min, max] = rng.weighted(repairLength);
    const limit = Math.min(lastDay, r.nextDate ? dayOfIso(r.nextDate) - 1 : lastDay);
    const stillIn = r.nextDate === null && inDay >= lastDay - 4 && rng.chance(0.4);
    const outDay = Math.min(limit, inDay + rng.int(min, max) - 1);
    update.run(
      stillIn ? null : isoDay(Math.max(inDay, outDay)),
      facts.system,
      facts.mainPart ? 1 : 0,
      facts.mainPart,
      facts.seriousSafety ? 1 : 0,
      facts.faultText,
      r.id,
    );
    written++;
  }
  return written;
}
