import type Database from 'better-sqlite3';
import type { ConsentPurpose } from '../../contract/consent';
import { stmt } from './statements';

/** Plain rows the rules read for one customer; the rules themselves never touch the database. */
export interface CustomerRow {
  id: number;
  birthday: string | null;
  stage: string;
  createdAt: string;
  mergedIntoId: number | null;
  doNotContact: boolean;
}

export interface ConsentRow {
  purpose: ConsentPurpose;
  granted: boolean;
}

export interface VehicleRow {
  id: number;
  ownerId: number | null;
  deliveryDate: string | null;
  insuranceExpiry: string | null;
  mileageKm: number | null;
  mileageAt: string | null;
}

export interface OwnershipRow {
  vehicleId: number;
  customerId: number;
  fromDate: string;
  toDate: string | null;
}

export interface VisitRow {
  id: number;
  vehicleId: number;
  customerId: number;
  visitDate: string;
  type: string;
  mileageKm: number;
}

export interface CustomerFacts {
  customer: CustomerRow;
  consents: ConsentRow[];
  /** Vehicles the customer owns now. */
  vehicles: VehicleRow[];
  /** Ownership history of those vehicles. */
  ownerships: OwnershipRow[];
  /** Visits of those vehicles, whoever paid: at least each one's latest visit and latest maintenance. */
  vehicleVisits: VisitRow[];
  /** Visits the customer paid for, on any vehicle, at least those since the date asked for (service CSI). */
  customerVisits: VisitRow[];
  /** The customer's latest visit on any vehicle (churn). */
  lastVisitDate: string | null;
}

const visitColumns =
  'id, vehicle_id as vehicleId, customer_id as customerId, visit_date as visitDate, type, mileage_km as mileageKm';

/**
 * One customer's rows for the rules. A fleet can have hundreds of visits, but the rules only read each car's
 * latest visit and latest maintenance, the customer's visits since `visitsSince` and the date of the last one.
 * Five queries whatever the fleet's size (each car's two visits found by its index in the vehicles query, the
 * ownerships of all its cars in one): every visit saved regenerates its customer, and a fleet of twenty cars
 * read car by car was sixty statements. Rows come in the orders the per-car queries gave (cars by id, a car's
 * ownerships in its index's order), which facts-many.ts keeps too.
 */
export function loadCustomerFacts(
  sqlite: Database.Database,
  customerId: number,
  visitsSince: string,
): CustomerFacts | null {
  const c = stmt(
    sqlite,
    `select id, birthday, stage, created_at as createdAt, merged_into_id as mergedIntoId, do_not_contact as dnc,
       (select max(visit_date) from service_visits where customer_id = customers.id) as lastVisitDate
     from customers where id = ?`,
  ).get(customerId) as
    (Omit<CustomerRow, 'doNotContact'> & { dnc: number; lastVisitDate: string | null }) | undefined;
  if (!c) return null;
  const consents = (
    stmt(sqlite, 'select purpose, granted from consents where customer_id = ?').all(customerId) as {
      purpose: ConsentPurpose;
      granted: number;
    }[]
  ).map((r) => ({ purpose: r.purpose, granted: r.granted === 1 }));
  const rows = stmt(
    sqlite,
    `select v.id, v.owner_id as ownerId, v.delivery_date as deliveryDate, v.insurance_expiry as insuranceExpiry,
       v.mileage_km as mileageKm, v.mileage_at as mileageAt,
       l.id as lId, l.vehicle_id as lVehicleId, l.customer_id as lCustomerId, l.visit_date as lVisitDate,
       l.type as lType, l.mileage_km as lMileageKm,
       m.id as mId, m.vehicle_id as mVehicleId, m.customer_id as mCustomerId, m.visit_date as mVisitDate,
       m.type as mType, m.mileage_km as mMileageKm
     from vehicles v
     left join service_visits l on l.id = (select s.id from service_visits s where s.vehicle_id = v.id
       order by s.visit_date desc, s.id desc limit 1)
     left join service_visits m on m.id = (select s.id from service_visits s where s.vehicle_id = v.id
       and s.type in ('first_maintenance', 'maintenance') order by s.visit_date desc, s.id desc limit 1)
     where v.owner_id = ? order by v.id`,
  ).all(customerId) as (VehicleRow & PickedVisits)[];
  const vehicles: VehicleRow[] = [];
  const vehicleVisits: VisitRow[] = [];
  for (const r of rows) {
    vehicles.push({
      id: r.id,
      ownerId: r.ownerId,
      deliveryDate: r.deliveryDate,
      insuranceExpiry: r.insuranceExpiry,
      mileageKm: r.mileageKm,
      mileageAt: r.mileageAt,
    });
    if (r.lId !== null) {
      vehicleVisits.push({
        id: r.lId,
        vehicleId: r.lVehicleId!,
        customerId: r.lCustomerId!,
        visitDate: r.lVisitDate!,
        type: r.lType!,
        mileageKm: r.lMileageKm!,
      });
    }
    if (r.mId !== null && r.mId !== r.lId) {
      vehicleVisits.push({
        id: r.mId,
        vehicleId: r.mVehicleId!,
        customerId: r.mCustomerId!,
        visitDate: r.mVisitDate!,
        type: r.mType!,
        mileageKm: r.mMileageKm!,
      });
    }
  }
  const ownerships =
    vehicles.length === 0
      ? []
      : (stmt(
          sqlite,
          `select o.vehicle_id as vehicleId, o.customer_id as customerId, o.from_date as fromDate, o.to_date as toDate
           from vehicles v join vehicle_ownerships o on o.vehicle_id = v.id
           where v.owner_id = ? order by o.vehicle_id, o.from_date, o.customer_id, o.to_date, o.id`,
        ).all(customerId) as OwnershipRow[]);
  const customerVisits = stmt(
    sqlite,
    `select ${visitColumns} from service_visits where customer_id = ? and visit_date >= ?`,
  ).all(customerId, visitsSince) as VisitRow[];
  return {
    customer: {
      id: c.id,
      birthday: c.birthday,
      stage: c.stage,
      createdAt: c.createdAt,
      mergedIntoId: c.mergedIntoId,
      doNotContact: c.dnc === 1,
    },
    consents,
    vehicles,
    ownerships,
    vehicleVisits,
    customerVisits,
    lastVisitDate: c.lastVisitDate,
  };
}

/** A car's latest visit (l…) and latest maintenance (m…), as the vehicles query returns them beside it. */
interface PickedVisits {
  lId: number | null;
  lVehicleId: number | null;
  lCustomerId: number | null;
  lVisitDate: string | null;
  lType: string | null;
  lMileageKm: number | null;
  mId: number | null;
  mVehicleId: number | null;
  mCustomerId: number | null;
  mVisitDate: string | null;
  mType: string | null;
  mMileageKm: number | null;
}
