import { addDays, daysBetween, maxDate } from './dates';
import type { CustomerFacts, OwnershipRow, VehicleRow, VisitRow } from './facts';

/** Visit types that reset the maintenance clock. */
export const maintenanceTypes = ['first_maintenance', 'maintenance'] as const;

/**
 * A vehicle the customer owns, with what the rules need to know about its use: when this owner got it, its last
 * maintenance, the latest odometer reading and the estimated distance per day. The set-based path builds the
 * very same columns in the temp table `cb_vehicle` (see vehicleUsageSql); the agreement test holds them equal.
 */
export interface OwnedVehicle {
  vehicleId: number;
  customerId: number;
  deliveryDate: string | null;
  insuranceExpiry: string | null;
  /** The day this owner took the car: the open ownership's start, else the delivery date. */
  acquiredDate: string | null;
  lastMaintDate: string | null;
  lastMaintKm: number | null;
  /** The reading the distance estimate starts from: the latest known, else the delivery at 0 km. */
  refDate: string | null;
  refKm: number;
  kmPerDay: number;
}

const encode = (date: string, km: number) => date + String(km).padStart(10, '0');

/**
 * Distance per day from the vehicle's own history: the latest reading (the last visit or the odometer on file,
 * whichever is later) over the days since delivery, when that is at least 14 days; else the store default.
 */
export function describeVehicle(
  v: VehicleRow,
  ownerId: number,
  ownerships: readonly OwnershipRow[],
  visits: readonly VisitRow[],
  fallbackKmPerDay: number,
): OwnedVehicle {
  let acquired: string | null = null;
  for (const o of ownerships) {
    if (o.vehicleId === v.id && o.customerId === ownerId && o.toDate === null)
      acquired = maxDate(acquired, o.fromDate);
  }
  // Latest visit and latest maintenance by (date, id), as the index on (vehicle_id, visit_date) orders them.
  let latest: VisitRow | null = null;
  let lastMaint: VisitRow | null = null;
  const later = (a: VisitRow | null, b: VisitRow) =>
    a === null || b.visitDate > a.visitDate || (b.visitDate === a.visitDate && b.id > a.id);
  for (const visit of visits) {
    if (visit.vehicleId !== v.id) continue;
    if (later(latest, visit)) latest = visit;
    if ((maintenanceTypes as readonly string[]).includes(visit.type) && later(lastMaint, visit))
      lastMaint = visit;
  }
  let reading = latest === null ? null : encode(latest.visitDate, latest.mileageKm);
  if (v.mileageKm !== null && v.mileageAt !== null) {
    const odometer = encode(v.mileageAt.slice(0, 10), v.mileageKm);
    if (reading === null || odometer > reading) reading = odometer;
  }
  const refDate = reading === null ? v.deliveryDate : reading.slice(0, 10);
  const refKm = reading === null ? 0 : Number(reading.slice(10));
  let kmPerDay = fallbackKmPerDay;
  if (
    reading !== null &&
    v.deliveryDate !== null &&
    refKm > 0 &&
    daysBetween(v.deliveryDate, refDate!) >= 14
  ) {
    kmPerDay = refKm / daysBetween(v.deliveryDate, refDate!);
  }
  return {
    vehicleId: v.id,
    customerId: ownerId,
    deliveryDate: v.deliveryDate,
    insuranceExpiry: v.insuranceExpiry,
    acquiredDate: acquired ?? v.deliveryDate,
    lastMaintDate: lastMaint?.visitDate ?? null,
    lastMaintKm: lastMaint?.mileageKm ?? null,
    refDate,
    refKm,
    kmPerDay,
  };
}

export function ownedVehicles(facts: CustomerFacts, fallbackKmPerDay: number): OwnedVehicle[] {
  return facts.vehicles
    .filter((v) => v.ownerId === facts.customer.id)
    .map((v) =>
      describeVehicle(v, facts.customer.id, facts.ownerships, facts.vehicleVisits, fallbackKmPerDay),
    );
}

const maxReachDays = 3650;

/** The day the odometer is expected to show `targetKm` (the reference day if it already does). */
export function reachDate(v: OwnedVehicle, targetKm: number): string | null {
  if (v.refDate === null) return null;
  const days = Math.min(maxReachDays, Math.max(0, Math.ceil((targetKm - v.refKm) / v.kmPerDay)));
  return addDays(v.refDate, days);
}

/** Estimated odometer today, rounded to 100 km, for the script's {mileage}. */
export function estimatedMileage(v: OwnedVehicle, today: string): number | null {
  if (v.refDate === null) return null;
  const km = v.refKm + Math.max(0, daysBetween(v.refDate, today)) * v.kmPerDay;
  return Math.round(km / 100) * 100;
}

/** SQL twin of reachDate over a row of cb_vehicle; `target` is an SQL expression. */
export function reachDateSql(target: string): string {
  return `date(ref_date, printf('%+d days', min(${maxReachDays}, max(0, ceil(((${target}) - ref_km) / km_per_day)))))`;
}

/**
 * Builds temp tables cb_vehicle (one row per owned vehicle, the columns of OwnedVehicle) and cb_owner (one row per
 * owner: first and last car taken, last visit paid). A few index seeks per vehicle rather than a pass over every
 * visit: the latest visit and the latest maintenance are the last entries of the (vehicle_id, visit_date) index.
 * Merged-away cards are filtered where tasks are inserted. `base` is materialised so that each correlated lookup
 * runs once per vehicle rather than once per reference. The tables are emptied, not dropped, between the
 * slices of a sliced pass, so its statements are prepared once.
 */
const reading = 'coalesce(max(latest, odometer), latest, odometer)';

const usageSql = (owners: string) => [
  `create temp table if not exists cb_vehicle (vehicle_id integer primary key, customer_id integer, delivery_date text,
     insurance_expiry text, acquired_date text, last_maint_date text, last_maint_km integer, ref_date text,
     ref_km integer, ref_jd real, km_per_day real)`,
  `insert into cb_vehicle
   with base as materialized (
     select v.id as vehicle_id, v.owner_id as customer_id, v.delivery_date, v.insurance_expiry,
       coalesce((select max(o.from_date) from vehicle_ownerships o
                 where o.vehicle_id = v.id and o.customer_id = v.owner_id and o.to_date is null), v.delivery_date) as acquired_date,
       (select s.visit_date || printf('%010d', s.mileage_km) from service_visits s
        where s.vehicle_id = v.id order by s.visit_date desc, s.id desc limit 1) as latest,
       (select s.visit_date || printf('%010d', s.mileage_km) from service_visits s
        where s.vehicle_id = v.id and s.type in ('first_maintenance', 'maintenance')
        order by s.visit_date desc, s.id desc limit 1) as last_maint,
       case when v.mileage_km is not null and v.mileage_at is not null
         then substr(v.mileage_at, 1, 10) || printf('%010d', v.mileage_km) end as odometer
     from vehicles v where ${owners}
   ), u as (
     select vehicle_id, customer_id, delivery_date, insurance_expiry, acquired_date,
       substr(last_maint, 1, 10) as last_maint_date, cast(substr(last_maint, 11) as integer) as last_maint_km,
       coalesce(substr(${reading}, 1, 10), delivery_date) as ref_date,
       coalesce(cast(substr(${reading}, 11) as integer), 0) as ref_km
     from base
   )
   select vehicle_id, customer_id, delivery_date, insurance_expiry, acquired_date, last_maint_date, last_maint_km,
     ref_date, ref_km, julianday(ref_date) as ref_jd,
     case when ref_km > 0 and delivery_date is not null and julianday(ref_date) - julianday(delivery_date) >= 14
       then ref_km * 1.0 / (julianday(ref_date) - julianday(delivery_date))
       else @defaultKmPerDay * 1.0 end as km_per_day
   from u`,
  `create temp table if not exists cb_owner (customer_id integer primary key, first_acquired text, last_acquired text,
     last_visit text)`,
  `insert into cb_owner
   select o.customer_id, o.first_acquired, o.last_acquired,
     (select max(s.visit_date) from service_visits s where s.customer_id = o.customer_id) as last_visit
   from (select customer_id, min(acquired_date) as first_acquired, max(acquired_date) as last_acquired
         from cb_vehicle group by customer_id order by customer_id) o`,
];

export const vehicleUsageSql = usageSql('v.owner_id is not null');
/** The same for the owners with ids in [@c_lo, @c_hi]: one slice of the daily pass. */
export const vehicleUsageSliceSql = usageSql('v.owner_id between @c_lo and @c_hi');

/** The parameters statement `sql` of vehicleUsageSql takes, for the customer ids lo..hi. */
export function vehicleUsageParams(
  sql: string,
  slice: { lo: number; hi: number },
  kmPerDay: number,
): Record<string, number> {
  const p: Record<string, number> = {};
  if (sql.includes('@c_lo')) Object.assign(p, { c_lo: slice.lo, c_hi: slice.hi });
  if (sql.includes('@defaultKmPerDay')) p.defaultKmPerDay = kmPerDay;
  return p;
}

export const emptyUsageTablesSql = [
  'delete from temp.cb_vehicle',
  'delete from temp.cb_owner',
  'delete from temp.cb_stage',
];

export const dropUsageTablesSql =
  'drop table if exists temp.cb_vehicle; drop table if exists temp.cb_owner; drop table if exists temp.cb_stage;';

/** Candidate tasks of a full pass before they are inserted in identity order. */
export const stageTableSql = `create temp table if not exists cb_stage (customer_id integer, vehicle_id integer, service_visit_id integer,
  rule_code text, anchor_date text, due_date text, expires_on text, priority integer, status text, skip_reason text)`;
