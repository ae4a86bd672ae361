import type Database from 'better-sqlite3';
import { nameSearchKeys } from '../customers/name-keys';
import type { CustomerTarget, ImportPlan, VehicleTarget } from './import-plan';
import type { ImportUndo, StoredRow } from './import-undo';
import { emptyUndo } from './import-undo';
import type { CustomerValues, VehicleValues } from './row-record';
import { customerColumns, vehicleColumns } from './target-values';

/** Raised when the database refuses a row; the caller's transaction is rolled back. */
export class ImportRowWriteError extends Error {
  override name = 'ImportRowWriteError';
  constructor(
    readonly rowNumber: number,
    cause: unknown,
  ) {
    super(`row ${rowNumber}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

export interface WriteClock {
  now: string;
  today: string;
}

const insertCustomerSql = `insert into customers (name, name_pinyin, name_initials, gender, birthday, mobile, mobile2,
  mobile_tail, wechat, address, district, id_number, occupation, industry, employer, contact_person, contact_title,
  is_company, source_channel, stage, notes, created_at, updated_at)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const insertVehicleSql = `insert into vehicles (vin, vin_reversed, plate, brand, series, model, color, energy,
  delivery_date, price_fen, mileage_km, mileage_at, insurance_expiry, owner_id, created_at, updated_at)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * Writes a plan in file order (so a failure names the row that caused it) and records what a revert needs.
 * Must run inside the caller's transaction. Each customer and vehicle is written once with its merged values.
 */
export function writePlan(
  sqlite: Database.Database,
  plan: ImportPlan,
  clock: WriteClock,
  onRow: (done: number) => void,
): { undo: ImportUndo; touchedCustomerIds: number[] } {
  const undo = emptyUndo();
  const touched = new Set<number>();
  const insertCustomer = sqlite.prepare(insertCustomerSql);
  const insertVehicle = sqlite.prepare(insertVehicleSql);
  const insertOwnership = sqlite.prepare(
    'insert into vehicle_ownerships (vehicle_id, customer_id, from_date) values (?, ?, ?)',
  );
  const customerRow = sqlite.prepare('select * from customers where id = ?');
  const vehicleRow = sqlite.prepare('select * from vehicles where id = ?');
  const updates = new Map<string, Database.Statement>();
  const update = (table: 'customers' | 'vehicles', set: Record<string, unknown>, id: number) => {
    const cols = Object.keys(set);
    const key = `${table}:${cols.join(',')}`;
    let stmt = updates.get(key);
    if (!stmt) {
      const assignments = cols.map((c) => `${c} = ?`).join(', ');
      stmt = sqlite.prepare(
        `update ${table} set ${assignments}, updated_at = ?, version = version + 1 where id = ?`,
      );
      updates.set(key, stmt);
    }
    stmt.run(...Object.values(set), clock.now, id);
  };
  const keyCache = new Map<string, { pinyin: string; initials: string }>();
  const keysOf = (name: string) => {
    let k = keyCache.get(name);
    if (!k) keyCache.set(name, (k = nameSearchKeys(name)));
    return k;
  };
  const written = new Set<CustomerTarget | VehicleTarget>();

  const writeCustomer = (t: CustomerTarget) => {
    if (written.has(t)) return;
    written.add(t);
    const v = t.values;
    if (!t.existing) {
      const keys = keysOf(v.name ?? '');
      const id = Number(
        insertCustomer.run(
          v.name,
          keys.pinyin,
          keys.initials,
          v.gender ?? null,
          v.birthday ?? null,
          v.mobile ?? null,
          v.mobile2 ?? null,
          v.mobile ? v.mobile.slice(-4) : null,
          v.wechat ?? null,
          v.address ?? null,
          v.district ?? null,
          v.idNumber ?? null,
          v.occupation ?? null,
          v.industry ?? null,
          v.employer ?? null,
          v.contactPerson ?? null,
          v.contactTitle ?? null,
          // Only a company has a contact person (the card shows and keeps it for companies only).
          v.contactPerson ? 1 : 0,
          v.sourceChannel ?? 'other',
          t.stage ?? 'lead',
          v.notes ?? null,
          clock.now,
          clock.now,
        ).lastInsertRowid,
      );
      t.id = id;
      undo.created.customers.push(id);
      touched.add(id);
      return;
    }
    if (!t.changed.size && !t.stage) return;
    const set: Record<string, unknown> = {};
    for (const field of t.changed) set[customerColumns[field]] = v[field] ?? null;
    if (t.changed.has('mobile')) set.mobile_tail = v.mobile ? v.mobile.slice(-4) : null;
    if (t.changed.has('contactPerson') && v.contactPerson) set.is_company = 1;
    if (t.stage) set.stage = t.stage;
    undo.updated.customers.push(customerRow.get(t.existing.id) as StoredRow);
    update('customers', set, t.existing.id);
    touched.add(t.existing.id);
  };

  const writeVehicle = (t: VehicleTarget) => {
    if (written.has(t)) return;
    written.add(t);
    const v = t.values;
    const ownerId = t.owner?.id ?? null;
    if (!t.existing) {
      const vin = v.vin!;
      const id = Number(
        insertVehicle.run(
          vin,
          [...vin].reverse().join(''),
          v.plate ?? null,
          v.brand ?? '',
          v.series ?? '',
          v.model ?? null,
          v.color ?? null,
          v.energy ?? 'fuel',
          v.deliveryDate ?? null,
          v.priceFen ?? null,
          v.mileageKm ?? null,
          v.mileageKm === undefined ? null : clock.today,
          v.insuranceExpiry ?? null,
          ownerId,
          clock.now,
          clock.now,
        ).lastInsertRowid,
      );
      t.id = id;
      undo.created.vehicles.push(id);
      recordOwnership(id, ownerId, v);
      // An existing owner with no changed fields still has a new car for the call-back rules to see.
      if (ownerId !== null) touched.add(ownerId);
      return;
    }
    const set: Record<string, unknown> = {};
    for (const field of t.changed) set[vehicleColumns[field]] = valueOf(v, field);
    if (t.changed.has('mileageKm')) set.mileage_at = clock.today;
    if (t.setsOwner) set.owner_id = ownerId;
    if (!Object.keys(set).length) return;
    undo.updated.vehicles.push(vehicleRow.get(t.existing.id) as StoredRow);
    update('vehicles', set, t.existing.id);
    if (t.setsOwner) recordOwnership(t.existing.id, ownerId, v);
    if (ownerId !== null) touched.add(ownerId);
  };

  const recordOwnership = (vehicleId: number, ownerId: number | null, v: VehicleValues) => {
    if (ownerId === null) return;
    const from = v.deliveryDate && v.deliveryDate <= clock.today ? v.deliveryDate : clock.today;
    undo.created.vehicleOwnerships.push(
      Number(insertOwnership.run(vehicleId, ownerId, from).lastInsertRowid),
    );
  };

  let done = 0;
  for (const row of plan.rows) {
    try {
      if (row.customer && row.result.action !== 'skip') writeCustomer(row.customer);
      if (row.vehicle && row.result.action !== 'skip') writeVehicle(row.vehicle);
    } catch (error) {
      throw new ImportRowWriteError(row.result.rowNumber, error);
    }
    onRow(++done);
  }
  return { undo, touchedCustomerIds: [...touched] };
}

function valueOf(v: VehicleValues | CustomerValues, field: string): unknown {
  return (v as Record<string, unknown>)[field] ?? null;
}
