import type Database from 'better-sqlite3';
import type { RoRecord } from './ro-record';
import type { RoLookup, RoVehicle } from './ro-plan';

const vehicleCols = 'id, vin, plate, owner_id, delivery_date, mileage_km, mileage_at';

interface Holding {
  vehicle_id: number;
  customer_id: number;
  from_date: string;
  to_date: string | null;
  id: number;
}

/**
 * The dry run's lookups for a whole file, read with one query each (VINs, plates, order numbers, the cars'
 * ownership histories) instead of three or four per row: the same answers as dbRoLookup's queries, row by row.
 */
export function preloadedRoLookup(sqlite: Database.Database, records: readonly RoRecord[]): RoLookup {
  const list = (values: Iterable<string | number>) => JSON.stringify([...new Set(values)]);
  const vins = records.flatMap((r) => (r.values.vin ? [r.values.vin] : []));
  const plates = records.flatMap((r) => (r.values.plate ? [r.values.plate] : []));
  const ros = records.flatMap((r) => (r.values.roNumber ? [r.values.roNumber] : []));
  const byVin = new Map(
    (
      sqlite
        .prepare(`select ${vehicleCols} from vehicles where vin in (select value from json_each(?))`)
        .all(list(vins)) as RoVehicle[]
    ).map((v) => [v.vin, v]),
  );
  // As `where plate = ? order by id limit 2`, per plate.
  const byPlate = new Map<string, RoVehicle[]>();
  for (const v of sqlite
    .prepare(
      `select ${vehicleCols} from vehicles where plate in (select value from json_each(?)) order by id`,
    )
    .all(list(plates)) as RoVehicle[]) {
    const cars = byPlate.get(v.plate!) ?? [];
    if (cars.length < 2) cars.push(v);
    byPlate.set(v.plate!, cars);
  }
  const visitByRo = new Map(
    (
      sqlite
        .prepare(
          'select ro_number as ro, id from service_visits where ro_number in (select value from json_each(?))',
        )
        .all(list(ros)) as { ro: string; id: number }[]
    ).map((r) => [r.ro, r.id]),
  );
  const carIds = [...byVin.values(), ...[...byPlate.values()].flat()].map((v) => v.id);
  // Newest first, as `order by from_date desc, id desc`.
  const holdings = new Map<number, Holding[]>();
  for (const h of sqlite
    .prepare(
      `select vehicle_id, customer_id, from_date, to_date, id from vehicle_ownerships
       where vehicle_id in (select value from json_each(?)) order by vehicle_id, from_date desc, id desc`,
    )
    .all(list(carIds)) as Holding[]) {
    const hs = holdings.get(h.vehicle_id) ?? [];
    hs.push(h);
    holdings.set(h.vehicle_id, hs);
  }
  return {
    vehicleByVin: (vin) => byVin.get(vin),
    vehiclesByPlate: (plate) => byPlate.get(plate) ?? [],
    holderOn: (id, date) =>
      holdings.get(id)?.find((h) => h.from_date <= date && (h.to_date === null || h.to_date > date))
        ?.customer_id,
    visitIdByRo: (ro) => visitByRo.get(ro),
  };
}
