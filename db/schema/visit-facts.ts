import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Visit facts for the monthly report pack (electron/domain/reports): service visits summed per month, so a
 * pack at a large store (millions of visits) reads thousands of rows, not a year of visits. Nothing in the app
 * writes these tables: triggers on service_visits and vehicles (migration 0033, db/visit-facts-sql.ts) keep them in step
 * with every write — the visit drawer, edits, imports and their revert, merges, erasure, raw SQL in tests — in
 * the writer's own transaction. test/api/report-visit-facts.test.ts holds them against a recount from the visits.
 * No foreign keys: they follow their source rows, which carry the constraints.
 */

/** Sentinel `next_ym` of a customer's latest visit month: later than any month. */
export const noNextMonth = '9999-12';

/**
 * The months (YYYY-MM) a customer came in, with how many visits, each pointing at their next month with a visit
 * (`noNextMonth` for the latest). A customer who came in during a window counts once there: on the window's last
 * row of theirs, the one whose next month lies beyond it.
 */
export const customerVisitMonths = sqliteTable(
  'customer_visit_months',
  {
    customerId: integer('customer_id').notNull(),
    ym: text('ym').notNull(),
    visits: integer('visits').notNull(),
    nextYm: text('next_ym').notNull().default(noNextMonth),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.ym] })],
);

/**
 * customer_visit_months counted by (month, next month): who came in a window and whether they came again in the
 * next is a sum over this small table (retention, lost, active customers for twelve months in one read).
 */
export const visitMonthPairs = sqliteTable(
  'visit_month_pairs',
  {
    ym: text('ym').notNull(),
    nextYm: text('next_ym').notNull(),
    customers: integer('customers').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ym, t.nextYm] })],
);

/** All visits of a month: how many and their revenue (fen). */
export const visitMonthTotals = sqliteTable('visit_month_totals', {
  ym: text('ym').primaryKey(),
  visits: integer('visits').notNull(),
  revenueFen: integer('revenue_fen').notNull(),
});

/**
 * A customer's visits of a month by the series of the car and its warranty state at the visit (base-structure.ts
 * says how the state is decided), with their revenue: the three base-structure tables read a year of these.
 */
export const visitStructureMonths = sqliteTable(
  'visit_structure_months',
  {
    ym: text('ym').notNull(),
    customerId: integer('customer_id').notNull(),
    series: text('series').notNull(),
    state: text('state').notNull(),
    visits: integer('visits').notNull(),
    revenueFen: integer('revenue_fen').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ym, t.customerId, t.series, t.state] })],
);

/**
 * Each maintenance visit (首保, 定期保养) with the car's previous maintenance (strictly earlier day; of two on one
 * day the later id), so on-time maintenance needs no search per visit. The base of a first service without an
 * earlier maintenance is the delivery date, read from the car when the KPI is computed.
 */
export const maintenanceVisitFacts = sqliteTable(
  'maintenance_visit_facts',
  {
    visitId: integer('visit_id').primaryKey(),
    vehicleId: integer('vehicle_id').notNull(),
    visitDate: text('visit_date').notNull(),
    mileageKm: integer('mileage_km').notNull(),
    firstService: integer('first_service').notNull(),
    prevDate: text('prev_date'),
    prevKm: integer('prev_km'),
  },
  (t) => [
    // The KPI reads a year of these from the index alone.
    index('maintenance_visit_facts_date_idx').on(
      t.visitDate,
      t.mileageKm,
      t.firstService,
      t.prevDate,
      t.prevKm,
      t.vehicleId,
    ),
    index('maintenance_visit_facts_vehicle_idx').on(t.vehicleId, t.visitDate),
  ],
);

/**
 * Every change to visit_structure_months as a signed row (a trigger on it writes one per row inserted, updated
 * or deleted), so a kept month of the structure tables or of the repeat buyers' visit months is brought up to
 * date for the few customers a write touched instead of worked out again from a year of facts (fact-changes.ts
 * in electron/domain/reports). Ids only grow (AUTOINCREMENT): a kept month holds the last id it includes.
 * Rows no kept month still needs are deleted when a month is kept.
 */
export const reportFactChanges = sqliteTable('report_fact_changes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  ym: text('ym').notNull(),
  customerId: integer('customer_id').notNull(),
  series: text('series').notNull(),
  state: text('state').notNull(),
  visits: integer('visits').notNull(),
  revenueFen: integer('revenue_fen').notNull(),
});

/**
 * Figures of a report month worked out from the facts above (and the deliveries from the cars) and kept until a
 * write makes them stale: triggers delete a month's row in the transaction of any car, ownership, referrer or
 * maintenance visit change it depends on, and the next pack works it out again (kpi-maintenance.ts,
 * visit-history.ts). The structure tables and the repeat buyers' visit months are not dropped by visits: `seq`
 * is the last report_fact_changes id they include, and the next pack applies the changes after it
 * (base-structure.ts, visit-history.ts). `key` holds what else the figures depend on (the call-back rule's
 * interval, the code's version); a row with another key is worked out again. `seq` comes before `data` so that
 * reading it does not read the megabytes of `data`.
 */
export const reportMonthCache = sqliteTable(
  'report_month_cache',
  {
    kind: text('kind', { enum: ['structure', 'maintenance', 'deliveries', 'buyers', 'grades'] }).notNull(),
    month: text('month').notNull(),
    key: text('key').notNull(),
    seq: integer('seq'),
    data: text('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.month] })],
);
