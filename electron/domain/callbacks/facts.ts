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
 */
export function loadCustomerFacts(
  sqlite: Database.Database,
  customerId: number,
  visitsSince: string,
): CustomerFacts | null {
  const c = stmt(
    sqlite,
    `select id, birthday, stage, created_at as createdAt, merged_into_id as mergedIntoId, do_not_contact as dnc
     from customers where id = ?`,
  ).get(customerId) as (Omit<CustomerRow, 'doNotContact'> & { dnc: number }) | undefined;
  if (!c) return null;
  const consents = (
    stmt(sqlite, 'select purpose, granted from consents where customer_id = ?').all(customerId) as {
      purpose: ConsentPurpose;
      granted: number;
    }[]
  ).map((r) => ({ purpose: r.purpose, granted: r.granted === 1 }));
  const vehicles = stmt(
    sqlite,
    `select id, owner_id as ownerId, delivery_date as deliveryDate, insurance_expiry as insuranceExpiry,
       mileage_km as mileageKm, mileage_at as mileageAt from vehicles where owner_id = ? order by id`,
  ).all(customerId) as VehicleRow[];
  const ownershipsOf = stmt(
    sqlite,
    `select vehicle_id as vehicleId, customer_id as customerId, from_date as fromDate, to_date as toDate
     from vehicle_ownerships where vehicle_id = ?`,
  );
  const latestOf = stmt(
    sqlite,
    `select ${visitColumns} from service_visits where vehicle_id = ? order by visit_date desc, id desc limit 1`,
  );
  const lastMaintenanceOf = stmt(
    sqlite,
    `select ${visitColumns} from service_visits where vehicle_id = ? and type in ('first_maintenance', 'maintenance')
     order by visit_date desc, id desc limit 1`,
  );
  const ownerships: OwnershipRow[] = [];
  const vehicleVisits: VisitRow[] = [];
  for (const v of vehicles) {
    ownerships.push(...(ownershipsOf.all(v.id) as OwnershipRow[]));
    const latest = latestOf.get(v.id) as VisitRow | undefined;
    const maintenance = lastMaintenanceOf.get(v.id) as VisitRow | undefined;
    if (latest) vehicleVisits.push(latest);
    if (maintenance && maintenance.id !== latest?.id) vehicleVisits.push(maintenance);
  }
  const customerVisits = stmt(
    sqlite,
    `select ${visitColumns} from service_visits where customer_id = ? and visit_date >= ?`,
  ).all(customerId, visitsSince) as VisitRow[];
  const lastVisitDate = stmt(sqlite, 'select max(visit_date) from service_visits where customer_id = ?')
    .pluck()
    .get(customerId) as string | null;
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
    lastVisitDate,
  };
}
