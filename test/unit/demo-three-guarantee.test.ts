import { beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../db/migrate';
import type { AppDb } from '../../db/open-database';
import { openDatabase } from '../../db/open-database';
import type { ThreeGuaranteeWatch } from '../../electron/contract/three-guarantee';
import { generateDemo } from '../../electron/domain/demo/generate-demo';
import { readOwnedVehicles } from '../../electron/domain/vehicles/vehicle-read';

const now = new Date(2026, 10, 22, 10, 0, 0);
const today = '2026-11-22';

describe('demo data: 三包 repair facts (scale S)', () => {
  let db: AppDb;
  let watches: ThreeGuaranteeWatch[];
  const scalar = (sql: string) => db.$client.prepare(sql).pluck().get() as number;

  beforeAll(() => {
    db = openDatabase(':memory:');
    migrateDatabase(db, { dbFile: null });
    generateDemo(db, { scale: 'S', seed: 7, now });
    const owners = db.$client
      .prepare('select distinct owner_id from vehicles where owner_id is not null')
      .pluck()
      .all() as number[];
    watches = owners.flatMap((o) => readOwnedVehicles(db.$client, o, today).map((v) => v.threeGuarantee));
  }, 60_000);

  it('gives most repair visits and every recall their facts, and none to other visits', () => {
    const repairs = scalar("select count(*) from service_visits where type = 'repair'");
    const withFacts = scalar(
      "select count(*) from service_visits where type = 'repair' and repair_system is not null",
    );
    expect(withFacts / repairs).toBeGreaterThan(0.5);
    expect(withFacts / repairs).toBeLessThan(0.8);
    expect(
      scalar("select count(*) from service_visits where type = 'recall' and repair_system is null"),
    ).toBe(0);
    expect(
      scalar(
        "select count(*) from service_visits where type not in ('repair', 'recall') and (repair_system is not null or out_date is not null)",
      ),
    ).toBe(0);
    expect(
      scalar('select count(*) from service_visits where repair_system is not null and fault_text is null'),
    ).toBe(0);
    expect(
      scalar('select count(*) from service_visits where main_part is not null and main_part_replaced = 0'),
    ).toBe(0);
    expect(
      scalar('select count(*) from service_visits where main_part_replaced = 1 and main_part is null'),
    ).toBe(0);
  });

  it('keeps each car out of the workshop before its next visit, and dates nothing after yesterday', () => {
    const overlapping = scalar(`select count(*) from (
        select out_date, lead(visit_date) over (partition by vehicle_id order by visit_date, id) as next_date,
          visit_date from service_visits)
      where out_date is not null and (out_date < visit_date or out_date >= next_date)`);
    expect(overlapping).toBe(0);
    expect(scalar(`select count(*) from service_visits where out_date >= '${today}'`)).toBe(0);
    // A car still in is the last visit of its vehicle.
    expect(
      scalar(`select count(*) from service_visits s where repair_system is not null and out_date is null
        and exists (select 1 from service_visits n where n.vehicle_id = s.vehicle_id and n.visit_date > s.visit_date)`),
    ).toBe(0);
  });

  it('has cars near and over every line, and one in the workshop long enough for a loan car', () => {
    const at = (level: string, line: string) =>
      watches.filter((w) => w.lines.some((l) => l.line === line && l.level === level)).length;
    for (const line of ['repairDays', 'sameProblem', 'samePart', 'safety']) {
      expect(at('alert', line), `alert ${line}`).toBeGreaterThanOrEqual(1);
      expect(at('warning', line), `warning ${line}`).toBeGreaterThanOrEqual(1);
    }
    expect(watches.filter((w) => w.loanCar?.outDate === null).length).toBeGreaterThanOrEqual(1);
    // Rare, as in a real store: well under 2% of cars show anything.
    expect(watches.filter((w) => w.level !== 'none').length / watches.length).toBeLessThan(0.02);
  });
});
