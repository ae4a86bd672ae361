import type Database from 'better-sqlite3';
import type { ConsentPurpose } from '../../contract/consent';
import type { CustomerFacts, CustomerRow, OwnershipRow, VehicleRow, VisitRow } from './facts';
import { stmt } from './statements';

const ids = 'select value from json_each(?)';
const visitColumns =
  'id, vehicle_id as vehicleId, customer_id as customerId, visit_date as visitDate, type, mileage_km as mileageKm';

/**
 * loadCustomerFacts for a set of customers, each of its queries once for all of them, in the orders the
 * per-customer queries read their indexes in (vehicles by id, ownerships by the vehicle index, a customer's visits
 * by date then id), so the rules see the very same rows in the same order and create the same tasks in the same
 * order. For a write that regenerates thousands of customers at once (a repair-order import).
 */
export function loadCustomerFactsMany(
  sqlite: Database.Database,
  customerIds: readonly number[],
  visitsSince: string,
): Map<number, CustomerFacts> {
  const idList = JSON.stringify(customerIds);
  const customers = stmt(
    sqlite,
    `select id, birthday, stage, created_at as createdAt, merged_into_id as mergedIntoId, do_not_contact as dnc
     from customers where id in (${ids})`,
  ).all(idList) as (Omit<CustomerRow, 'doNotContact'> & { dnc: number })[];
  const group = <T>(rows: T[], key: (r: T) => number) => {
    const m = new Map<number, T[]>();
    for (const r of rows) {
      const k = key(r);
      const list = m.get(k);
      if (list) list.push(r);
      else m.set(k, [r]);
    }
    return m;
  };
  const consents = group(
    stmt(
      sqlite,
      `select customer_id as customerId, purpose, granted from consents where customer_id in (${ids})
       order by customer_id, purpose`,
    ).all(idList) as { customerId: number; purpose: ConsentPurpose; granted: number }[],
    (r) => r.customerId,
  );
  const vehicleRows = stmt(
    sqlite,
    `select id, owner_id as ownerId, delivery_date as deliveryDate, insurance_expiry as insuranceExpiry,
       mileage_km as mileageKm, mileage_at as mileageAt from vehicles where owner_id in (${ids}) order by id`,
  ).all(idList) as VehicleRow[];
  const vehicles = group(vehicleRows, (v) => v.ownerId!);
  const vehicleIds = JSON.stringify(vehicleRows.map((v) => v.id));
  const ownerships = group(
    stmt(
      sqlite,
      `select vehicle_id as vehicleId, customer_id as customerId, from_date as fromDate, to_date as toDate
       from vehicle_ownerships where vehicle_id in (${ids}) order by vehicle_id, from_date, customer_id, to_date, id`,
    ).all(vehicleIds) as OwnershipRow[],
    (o) => o.vehicleId,
  );
  // Each car's latest visit and latest maintenance, by (date, id) as the single queries' `order by … limit 1`.
  const latestOf = new Map<number, VisitRow>();
  const maintenanceOf = new Map<number, VisitRow>();
  const picked = stmt(
    sqlite,
    `select k.value as vehicleId,
       (select s.id from service_visits s where s.vehicle_id = k.value
         order by s.visit_date desc, s.id desc limit 1) as latestId,
       (select s.id from service_visits s where s.vehicle_id = k.value and s.type in ('first_maintenance', 'maintenance')
         order by s.visit_date desc, s.id desc limit 1) as maintenanceId
     from json_each(?) k`,
  ).all(vehicleIds) as { vehicleId: number; latestId: number | null; maintenanceId: number | null }[];
  const wanted = picked.flatMap((p) => [p.latestId, p.maintenanceId]).filter((id) => id !== null);
  const visitById = new Map(
    (
      stmt(sqlite, `select ${visitColumns} from service_visits where id in (${ids})`).all(
        JSON.stringify(wanted),
      ) as VisitRow[]
    ).map((v) => [v.id, v]),
  );
  for (const p of picked) {
    if (p.latestId !== null) latestOf.set(p.vehicleId, visitById.get(p.latestId)!);
    if (p.maintenanceId !== null) maintenanceOf.set(p.vehicleId, visitById.get(p.maintenanceId)!);
  }
  const customerVisits = group(
    stmt(
      sqlite,
      `select ${visitColumns} from service_visits where customer_id in (${ids}) and visit_date >= ?
       order by customer_id, visit_date, id`,
    ).all(idList, visitsSince) as VisitRow[],
    (v) => v.customerId,
  );
  const lastVisit = new Map(
    (
      stmt(
        sqlite,
        `select customer_id as id, max(visit_date) as last from service_visits where customer_id in (${ids})
         group by customer_id`,
      ).all(idList) as { id: number; last: string }[]
    ).map((r) => [r.id, r.last]),
  );

  const facts = new Map<number, CustomerFacts>();
  for (const c of customers) {
    const own = vehicles.get(c.id) ?? [];
    const vehicleVisits: VisitRow[] = [];
    const ownershipRows: OwnershipRow[] = [];
    for (const v of own) {
      ownershipRows.push(...(ownerships.get(v.id) ?? []));
      const latest = latestOf.get(v.id);
      const maintenance = maintenanceOf.get(v.id);
      if (latest) vehicleVisits.push(latest);
      if (maintenance && maintenance.id !== latest?.id) vehicleVisits.push(maintenance);
    }
    facts.set(c.id, {
      customer: {
        id: c.id,
        birthday: c.birthday,
        stage: c.stage,
        createdAt: c.createdAt,
        mergedIntoId: c.mergedIntoId,
        doNotContact: c.dnc === 1,
      },
      consents: (consents.get(c.id) ?? []).map((r) => ({ purpose: r.purpose, granted: r.granted === 1 })),
      vehicles: own,
      ownerships: ownershipRows,
      vehicleVisits,
      customerVisits: customerVisits.get(c.id) ?? [],
      lastVisitDate: lastVisit.get(c.id) ?? null,
    });
  }
  return facts;
}
