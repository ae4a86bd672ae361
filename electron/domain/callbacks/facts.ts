import type Database from 'better-sqlite3';
import type { ConsentPurpose } from '../../contract/callbacks';
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
  /** Every visit of those vehicles, whoever paid. */
  vehicleVisits: VisitRow[];
  /** Every visit the customer paid for, on any vehicle (CSI, last visit). */
  customerVisits: VisitRow[];
}

const visitColumns =
  'id, vehicle_id as vehicleId, customer_id as customerId, visit_date as visitDate, type, mileage_km as mileageKm';

export function loadCustomerFacts(sqlite: Database.Database, customerId: number): CustomerFacts | null {
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
  const ownerships: OwnershipRow[] = [];
  const vehicleVisits: VisitRow[] = [];
  for (const v of vehicles) {
    ownerships.push(
      ...(stmt(
        sqlite,
        `select vehicle_id as vehicleId, customer_id as customerId, from_date as fromDate, to_date as toDate
         from vehicle_ownerships where vehicle_id = ?`,
      ).all(v.id) as OwnershipRow[]),
    );
    vehicleVisits.push(
      ...(stmt(sqlite, `select ${visitColumns} from service_visits where vehicle_id = ?`).all(
        v.id,
      ) as VisitRow[]),
    );
  }
  const customerVisits = stmt(sqlite, `select ${visitColumns} from service_visits where customer_id = ?`).all(
    customerId,
  ) as VisitRow[];
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
  };
}
