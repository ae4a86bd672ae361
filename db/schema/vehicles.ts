import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { repairSystems } from '../../electron/contract/three-guarantee';
import { customers } from './customers';
import { users } from './users';

/**
 * The plate read from its end (its last ten characters; stored plates have at most eight), so what is on the
 * car's tail ("A513", "0A513" of 粤L0A513) is a prefix of it. An expression index keeps it: SQLite maintains it
 * on every write, so no write path can forget it. Queries must use this very expression (on `plate` or
 * `v.plate`) for SQLite to read the index.
 */
export const plateReversedSql = (plate: string) =>
  Array.from({ length: 10 }, (_, i) => `substr(${plate}, -${i + 1}, 1)`).join(' || ');

export const vehicles = sqliteTable(
  'vehicles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    vin: text('vin').notNull(),
    // Reversed VIN makes "last 6 of the VIN" a prefix lookup on an index.
    vinReversed: text('vin_reversed').notNull(),
    plate: text('plate'),
    brand: text('brand').notNull(),
    series: text('series').notNull(),
    model: text('model'),
    color: text('color'),
    energy: text('energy', { enum: ['fuel', 'hybrid', 'electric'] })
      .notNull()
      .default('fuel'),
    deliveryDate: text('delivery_date'),
    priceFen: integer('price_fen'),
    mileageKm: integer('mileage_km'),
    mileageAt: text('mileage_at'),
    insuranceExpiry: text('insurance_expiry'),
    finance: text('finance', { enum: ['cash', 'loan', 'lease'] }),
    ownerId: integer('owner_id').references(() => customers.id),
    salesUserId: integer('sales_user_id').references(() => users.id),
    createdAt: text('created_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    updatedAt: text('updated_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('vehicles_vin_idx').on(t.vin),
    index('vehicles_vin_reversed_idx').on(t.vinReversed),
    index('vehicles_plate_idx').on(t.plate),
    // Owners of a plate tail read from the index alone.
    index('vehicles_plate_reversed_owner_idx').on(sql.raw(plateReversedSql('plate')), t.ownerId),
    index('vehicles_owner_idx').on(t.ownerId),
    // With the owner: the daily upkeep reads whose car was delivered on a day from the index alone.
    index('vehicles_delivery_idx').on(t.deliveryDate, t.ownerId),
    // Series counts and the list's series filter read owners from this index alone, not from vehicle rows.
    index('vehicles_series_owner_idx').on(t.series, t.ownerId),
  ],
);

/** Owner history stays with the vehicle when it is sold on. */
export const vehicleOwnerships = sqliteTable(
  'vehicle_ownerships',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    vehicleId: integer('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'cascade' }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date'),
  },
  (t) => [
    // Owner and end ride along so "since when does this owner hold the car" is answered from the index.
    index('vehicle_ownerships_vehicle_idx').on(t.vehicleId, t.fromDate, t.customerId, t.toDate),
    index('vehicle_ownerships_customer_idx').on(t.customerId),
    index('vehicle_ownerships_from_idx').on(t.fromDate, t.customerId),
  ],
);

export const serviceVisits = sqliteTable(
  'service_visits',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    vehicleId: integer('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'cascade' }),
    // The owner at the time of the visit: revenue belongs to whoever paid, even after a resale.
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id),
    visitDate: text('visit_date').notNull(),
    type: text('type', {
      enum: ['first_maintenance', 'maintenance', 'repair', 'body_insurance', 'detailing', 'recall'],
    }).notNull(),
    mileageKm: integer('mileage_km').notNull(),
    amountFen: integer('amount_fen').notNull().default(0),
    advisor: text('advisor'),
    notes: text('notes'),
    // Repair facts (三包, electron/contract/three-guarantee.ts). A visit is a quality repair when it names the
    // system concerned; visit_date is the day the car came in, out_date the day it left (null: still in).
    outDate: text('out_date'),
    repairSystem: text('repair_system', { enum: repairSystems }),
    mainPartReplaced: integer('main_part_replaced', { mode: 'boolean' }).notNull().default(false),
    mainPart: text('main_part'),
    seriousSafety: integer('serious_safety', { mode: 'boolean' }).notNull().default(false),
    faultText: text('fault_text'),
    // The DMS repair-order number (工单号) of an imported visit: one order is stored once, however often its file
    // is imported. Null for visits typed in the app.
    roNumber: text('ro_number'),
    // Visits became editable with the repair facts (the out date comes days after intake).
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('service_visits_customer_idx').on(t.customerId, t.visitDate),
    // The call-back pass reads each car's latest visit and latest maintenance (by date, then id) from this index
    // alone: id keeps same-day visits in order, type and mileage ride along.
    index('service_visits_vehicle_idx').on(t.vehicleId, t.visitDate, t.id, t.type, t.mileageKm),
    index('service_visits_date_idx').on(t.visitDate, t.customerId),
    uniqueIndex('service_visits_ro_number_idx').on(t.roNumber),
    // The monthly report's structure tables read a year of visits (whose, which car, how much, what kind) from
    // this index alone.
    index('service_visits_report_idx').on(
      t.visitDate,
      t.customerId,
      t.vehicleId,
      t.amountFen,
      t.type,
      t.mileageKm,
    ),
  ],
);
