/**
 * The visit facts' SQL (db/schema/visit-facts.ts), in one home: the set-based backfill that builds them from the
 * visits and cars already stored, and the triggers that keep them (and drop the report months worked out from
 * them, or log the changes those months catch up with) in step with every later write. Migration 0033 holds the
 * backfill, and each trigger is the one the latest migration creating it holds (0036 rewrote the visit triggers
 * and added the change log's; test/unit/visit-facts-sql checks); the demo generator drops the triggers while it
 * fills a fresh database and runs the backfill once at the end, as it does for the name grams.
 */

const maint = `('first_maintenance', 'maintenance')`;
const ym = (r: string) => `substr(${r}.visit_date, 1, 7)`;
// Warranty terms of warranty-state.ts (defaultWarrantyTerms): 3 years, 100,000 km.
const stateSql = (r: string, d: string) => `case when ${r}.type = 'first_maintenance' then 'first_service'
      when ${d} is null or ${d} > ${r}.visit_date then 'unknown'
      when ${r}.visit_date >= date(${d}, '+36 months', 'floor') or ${r}.mileage_km >= 100000 then 'expired'
      else 'in_warranty' end`;
const prevSql = (vehicle: string, date: string) => `(select x.visit_date, x.mileage_km from service_visits x
      where x.vehicle_id = ${vehicle} and x.visit_date < ${date} and x.type in ${maint}
      order by x.visit_date desc, x.id desc limit 1)`;
/** Later maintenance of the car measure from whatever now precedes them. */
const refreshLater = (
  vehicle: string,
  date: string,
) => `UPDATE maintenance_visit_facts SET (prev_date, prev_km) =
    ${prevSql('maintenance_visit_facts.vehicle_id', 'maintenance_visit_facts.visit_date')}
    WHERE vehicle_id = ${vehicle} AND visit_date > ${date};`;

function add(r: string): string {
  return `INSERT INTO customer_visit_months (customer_id, ym, visits, next_ym)
    VALUES (${r}.customer_id, ${ym(r)}, 1, coalesce((select min(m.ym) from customer_visit_months m
      where m.customer_id = ${r}.customer_id and m.ym > ${ym(r)}), '9999-12'))
    ON CONFLICT (customer_id, ym) DO UPDATE SET visits = visits + 1;
  UPDATE customer_visit_months SET next_ym = ${ym(r)}
    WHERE customer_id = ${r}.customer_id AND next_ym > ${ym(r)} AND ym = (select max(m.ym) from customer_visit_months m
      where m.customer_id = ${r}.customer_id and m.ym < ${ym(r)});
  INSERT INTO visit_month_totals (ym, visits, revenue_fen) VALUES (${ym(r)}, 1, ${r}.amount_fen)
    ON CONFLICT (ym) DO UPDATE SET visits = visits + 1, revenue_fen = revenue_fen + excluded.revenue_fen;
  INSERT INTO visit_structure_months (ym, customer_id, series, state, visits, revenue_fen)
    SELECT ${ym(r)}, ${r}.customer_id, v.series, ${stateSql(r, 'v.delivery_date')}, 1, ${r}.amount_fen
    FROM vehicles v WHERE v.id = ${r}.vehicle_id
    ON CONFLICT (ym, customer_id, series, state) DO UPDATE SET visits = visits + 1,
      revenue_fen = revenue_fen + excluded.revenue_fen;
  INSERT INTO maintenance_visit_facts (visit_id, vehicle_id, visit_date, mileage_km, first_service, prev_date, prev_km)
    SELECT ${r}.id, ${r}.vehicle_id, ${r}.visit_date, ${r}.mileage_km, ${r}.type = 'first_maintenance', p.visit_date, p.mileage_km
    FROM (SELECT 1) LEFT JOIN (select x.visit_date, x.mileage_km from service_visits x
      where x.vehicle_id = ${r}.vehicle_id and x.visit_date < ${r}.visit_date and x.type in ${maint}
      order by x.visit_date desc, x.id desc limit 1) p
    WHERE ${r}.type in ${maint};
  ${refreshLater(`${r}.vehicle_id`, `${r}.visit_date`).replace(';', ` AND ${r}.type in ${maint};`)}`;
}

function remove(r: string): string {
  return `UPDATE customer_visit_months SET visits = visits - 1 WHERE customer_id = ${r}.customer_id AND ym = ${ym(r)};
  UPDATE customer_visit_months SET next_ym = (select m.next_ym from customer_visit_months m
      where m.customer_id = ${r}.customer_id and m.ym = ${ym(r)})
    WHERE customer_id = ${r}.customer_id AND ym = (select max(m.ym) from customer_visit_months m
      where m.customer_id = ${r}.customer_id and m.ym < ${ym(r)})
      AND EXISTS (select 1 from customer_visit_months m where m.customer_id = ${r}.customer_id and m.ym = ${ym(r)} and m.visits = 0);
  DELETE FROM customer_visit_months WHERE customer_id = ${r}.customer_id AND ym = ${ym(r)} AND visits = 0;
  UPDATE visit_month_totals SET visits = visits - 1, revenue_fen = revenue_fen - ${r}.amount_fen WHERE ym = ${ym(r)};
  DELETE FROM visit_month_totals WHERE ym = ${ym(r)} AND visits = 0;
  UPDATE visit_structure_months SET visits = visits - 1, revenue_fen = revenue_fen - ${r}.amount_fen
    WHERE ym = ${ym(r)} AND customer_id = ${r}.customer_id AND (series, state) = (SELECT v.series, ${stateSql(r, 'v.delivery_date')}
      FROM vehicles v WHERE v.id = ${r}.vehicle_id);
  DELETE FROM visit_structure_months WHERE ym = ${ym(r)} AND customer_id = ${r}.customer_id AND visits = 0;
  DELETE FROM maintenance_visit_facts WHERE visit_id = ${r}.id;
  ${refreshLater(`${r}.vehicle_id`, `${r}.visit_date`).replace(';', ` AND ${r}.type in ${maint};`)}`;
}

// A car's series or delivery date moves its visits between structure rows (the state depends on the delivery).
function moveVehicle(sign: string, r: string): string {
  return `INSERT INTO visit_structure_months (ym, customer_id, series, state, visits, revenue_fen)
    SELECT ${ym('s')}, s.customer_id, ${r}.series, ${stateSql('s', `${r}.delivery_date`)}, ${sign}count(*), ${sign}sum(s.amount_fen)
    FROM service_visits s WHERE s.vehicle_id = ${r}.id GROUP BY 1, 2, 3, 4
    ON CONFLICT (ym, customer_id, series, state) DO UPDATE SET visits = visits + excluded.visits,
      revenue_fen = revenue_fen + excluded.revenue_fen;`;
}

const changed = ['vehicle_id', 'customer_id', 'visit_date', 'type', 'mileage_km', 'amount_fen'];
const out: string[] = [];
const stmt = (s: string) => out.push(s.trim());
// Backfill, set-based.
stmt(`-- Visit facts (db/schema/visit-facts.ts), built once from the visits already stored.
INSERT INTO customer_visit_months (customer_id, ym, visits, next_ym)
  SELECT customer_id, ym, n, coalesce(lead(ym) OVER (PARTITION BY customer_id ORDER BY ym), '9999-12')
  FROM (SELECT customer_id, substr(visit_date, 1, 7) AS ym, count(*) AS n FROM service_visits GROUP BY 1, 2) WHERE true;`);
stmt(`INSERT INTO visit_month_pairs (ym, next_ym, customers)
  SELECT ym, next_ym, count(*) FROM customer_visit_months GROUP BY 1, 2;`);
stmt(`INSERT INTO visit_month_totals (ym, visits, revenue_fen)
  SELECT substr(visit_date, 1, 7), count(*), sum(amount_fen) FROM service_visits GROUP BY 1;`);
stmt(`INSERT INTO visit_structure_months (ym, customer_id, series, state, visits, revenue_fen)
  SELECT substr(s.visit_date, 1, 7), s.customer_id, v.series, ${stateSql('s', 'v.delivery_date')}, count(*), sum(s.amount_fen)
  FROM service_visits s JOIN vehicles v ON v.id = s.vehicle_id GROUP BY 1, 2, 3, 4;`);
stmt(`INSERT INTO maintenance_visit_facts (visit_id, vehicle_id, visit_date, mileage_km, first_service, prev_date, prev_km)
  SELECT id, vehicle_id, visit_date, mileage_km, first_service, first_value(pd) OVER w, first_value(pk) OVER w FROM (
    SELECT id, vehicle_id, visit_date, mileage_km, type = 'first_maintenance' AS first_service,
      lag(visit_date) OVER d AS pd, lag(mileage_km) OVER d AS pk
    FROM service_visits WHERE type IN ${maint} WINDOW d AS (PARTITION BY vehicle_id ORDER BY visit_date, id))
  -- Visits of one day all measure from the maintenance before the day: the one the day's first visit follows.
  WINDOW w AS (PARTITION BY vehicle_id, visit_date ORDER BY id);`);
stmt(`-- From here on triggers keep the facts in step with service_visits and vehicles, in the writer's own transaction.
CREATE TRIGGER \`service_visits_facts_ai\` AFTER INSERT ON \`service_visits\` BEGIN
  ${add('new')}
END;`);
stmt(`CREATE TRIGGER \`service_visits_facts_ad\` AFTER DELETE ON \`service_visits\` BEGIN
  ${remove('old')}
END;`);
stmt(`CREATE TRIGGER \`service_visits_facts_au\` AFTER UPDATE OF ${changed.map((c) => `\`${c}\``).join(', ')} ON \`service_visits\`
  WHEN ${changed.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ')} BEGIN
  ${remove('old')}
  ${add('new')}
END;`);
stmt(`-- A car's visits go before the car (the cascade would delete them after it, when their series is gone).
CREATE TRIGGER \`vehicles_facts_bd\` BEFORE DELETE ON \`vehicles\` BEGIN
  DELETE FROM service_visits WHERE vehicle_id = old.id;
END;`);
stmt(`CREATE TRIGGER \`vehicles_facts_au\` AFTER UPDATE OF \`series\`, \`delivery_date\` ON \`vehicles\`
  WHEN old.series IS NOT new.series OR old.delivery_date IS NOT new.delivery_date BEGIN
  ${moveVehicle('-', 'old')}
  ${moveVehicle('', 'new')}
  DELETE FROM visit_structure_months WHERE visits = 0 AND customer_id IN (select s.customer_id from service_visits s where s.vehicle_id = new.id)
    AND ym IN (select substr(s.visit_date, 1, 7) from service_visits s where s.vehicle_id = new.id);
  -- Rare (a corrected car): every worked-out month goes, rather than finding the ones this car touched.
  DELETE FROM report_month_cache;
END;`);
stmt(`-- A maintenance visit, or the one it is measured from, changed: its month's on-time figure is stale.
CREATE TRIGGER \`maintenance_visit_facts_ai\` AFTER INSERT ON \`maintenance_visit_facts\` BEGIN
  DELETE FROM report_month_cache WHERE kind = 'maintenance' AND month = substr(new.visit_date, 1, 7);
END;`);
stmt(`CREATE TRIGGER \`maintenance_visit_facts_ad\` AFTER DELETE ON \`maintenance_visit_facts\` BEGIN
  DELETE FROM report_month_cache WHERE kind = 'maintenance' AND month = substr(old.visit_date, 1, 7);
END;`);
stmt(`CREATE TRIGGER \`maintenance_visit_facts_au\` AFTER UPDATE ON \`maintenance_visit_facts\` BEGIN
  DELETE FROM report_month_cache WHERE kind = 'maintenance' AND month IN (substr(old.visit_date, 1, 7), substr(new.visit_date, 1, 7));
END;`);
// customer_visit_months → visit_month_pairs.
stmt(`CREATE TRIGGER \`customer_visit_months_pairs_ai\` AFTER INSERT ON \`customer_visit_months\` BEGIN
  INSERT INTO visit_month_pairs (ym, next_ym, customers) VALUES (new.ym, new.next_ym, 1)
    ON CONFLICT (ym, next_ym) DO UPDATE SET customers = customers + 1;
END;`);
stmt(`CREATE TRIGGER \`customer_visit_months_pairs_ad\` AFTER DELETE ON \`customer_visit_months\` BEGIN
  UPDATE visit_month_pairs SET customers = customers - 1 WHERE ym = old.ym AND next_ym = old.next_ym;
  DELETE FROM visit_month_pairs WHERE ym = old.ym AND next_ym = old.next_ym AND customers = 0;
END;`);
stmt(`CREATE TRIGGER \`customer_visit_months_pairs_au\` AFTER UPDATE OF \`next_ym\` ON \`customer_visit_months\`
  WHEN old.next_ym IS NOT new.next_ym BEGIN
  UPDATE visit_month_pairs SET customers = customers - 1 WHERE ym = old.ym AND next_ym = old.next_ym;
  DELETE FROM visit_month_pairs WHERE ym = old.ym AND next_ym = old.next_ym AND customers = 0;
  INSERT INTO visit_month_pairs (ym, next_ym, customers) VALUES (new.ym, new.next_ym, 1)
    ON CONFLICT (ym, next_ym) DO UPDATE SET customers = customers + 1;
END;`);
stmt(`-- Every change of a structure row, signed, for the kept months to catch up with (report_fact_changes).
CREATE TRIGGER \`visit_structure_months_changes_ai\` AFTER INSERT ON \`visit_structure_months\` BEGIN
  INSERT INTO report_fact_changes (ym, customer_id, series, state, visits, revenue_fen)
    VALUES (new.ym, new.customer_id, new.series, new.state, new.visits, new.revenue_fen);
END;`);
stmt(`CREATE TRIGGER \`visit_structure_months_changes_au\` AFTER UPDATE ON \`visit_structure_months\` BEGIN
  INSERT INTO report_fact_changes (ym, customer_id, series, state, visits, revenue_fen)
    VALUES (old.ym, old.customer_id, old.series, old.state, -old.visits, -old.revenue_fen),
      (new.ym, new.customer_id, new.series, new.state, new.visits, new.revenue_fen);
END;`);
stmt(`CREATE TRIGGER \`visit_structure_months_changes_ad\` AFTER DELETE ON \`visit_structure_months\` BEGIN
  INSERT INTO report_fact_changes (ym, customer_id, series, state, visits, revenue_fen)
    VALUES (old.ym, old.customer_id, old.series, old.state, -old.visits, -old.revenue_fen);
END;`);
stmt(`-- Deliveries (first and repeat purchases, referred or not) follow the cars, their owners and the referrers.
CREATE TRIGGER \`vehicles_deliveries_ai\` AFTER INSERT ON \`vehicles\` BEGIN
  DELETE FROM report_month_cache WHERE kind IN ('deliveries', 'buyers');
END;`);
stmt(`CREATE TRIGGER \`vehicles_deliveries_ad\` AFTER DELETE ON \`vehicles\` BEGIN
  DELETE FROM report_month_cache WHERE kind IN ('deliveries', 'buyers');
END;`);
stmt(`CREATE TRIGGER \`vehicles_deliveries_au\` AFTER UPDATE OF \`delivery_date\`, \`owner_id\` ON \`vehicles\` BEGIN
  DELETE FROM report_month_cache WHERE kind IN ('deliveries', 'buyers');
END;`);
stmt(`CREATE TRIGGER \`vehicle_ownerships_deliveries_ai\` AFTER INSERT ON \`vehicle_ownerships\` BEGIN
  DELETE FROM report_month_cache WHERE kind IN ('deliveries', 'buyers');
END;`);
stmt(`CREATE TRIGGER \`vehicle_ownerships_deliveries_ad\` AFTER DELETE ON \`vehicle_ownerships\` BEGIN
  DELETE FROM report_month_cache WHERE kind IN ('deliveries', 'buyers');
END;`);
stmt(`CREATE TRIGGER \`vehicle_ownerships_deliveries_au\` AFTER UPDATE ON \`vehicle_ownerships\` BEGIN
  DELETE FROM report_month_cache WHERE kind IN ('deliveries', 'buyers');
END;`);
stmt(`CREATE TRIGGER \`customers_deliveries_au\` AFTER UPDATE OF \`referrer_id\` ON \`customers\` BEGIN
  DELETE FROM report_month_cache WHERE kind IN ('deliveries', 'buyers');
END;`);
stmt(`-- The grade tables count the base customers as they are now.
CREATE TRIGGER \`customers_grades_ai\` AFTER INSERT ON \`customers\` BEGIN
  DELETE FROM report_month_cache WHERE kind = 'grades';
END;`);
stmt(`CREATE TRIGGER \`customers_grades_ad\` AFTER DELETE ON \`customers\` BEGIN
  DELETE FROM report_month_cache WHERE kind = 'grades';
END;`);
stmt(`CREATE TRIGGER \`customers_grades_au\` AFTER UPDATE OF \`base_grade\`, \`merged_into_id\`, \`district\`, \`industry\`, \`birthday\` ON \`customers\` BEGIN
  DELETE FROM report_month_cache WHERE kind = 'grades';
END;`);

const firstTrigger = out.findIndex((x) => x.includes('CREATE TRIGGER'));
export const visitFactsBackfillSql: readonly string[] = out.slice(0, firstTrigger);
export const visitFactsTriggerSql: readonly string[] = out.slice(firstTrigger);
/** The triggers' names, as created above. */
export const visitFactsTriggerNames: readonly string[] = visitFactsTriggerSql.map(
  (x) => /CREATE TRIGGER `([^`]+)`/.exec(x)![1]!,
);
/**
 * Migration 0036's statements after its tables: the visit triggers no longer drop the kept structure and buyer
 * months (those catch up from report_fact_changes), and the log's own triggers.
 */
const rewritten = [
  'service_visits_facts_ai',
  'service_visits_facts_ad',
  'service_visits_facts_au',
  'visit_structure_months_changes_ai',
  'visit_structure_months_changes_au',
  'visit_structure_months_changes_ad',
];
export const factChangesMigrationSql = [
  ...rewritten.slice(0, 3).map((n) => `DROP TRIGGER \`${n}\`;`),
  ...rewritten.map((n) => visitFactsTriggerSql.find((x) => x.includes(`CREATE TRIGGER \`${n}\``))!),
].join('\n--> statement-breakpoint\n');

/**
 * What `service_visits_facts_ai` does for each row, done once for a whole set of visits just inserted with that
 * trigger suspended (withVisitInsertsInBulk): the ids are in temp table `bulk_new_visits`. Equal to the trigger
 * row by row, because every fact is a function of the visits as they end up, whatever order they came in: a
 * customer's months are counted and chained to the next month stored; a month's totals and structure rows summed
 * (new rows inserted in the order their first visit came, as the trigger would have); a maintenance visit measured
 * from the car's latest maintenance before its day — a later fact of the car is measured afresh whenever an
 * earlier maintenance is stored, so after the set each one of the car's facts after the set's earliest maintenance
 * is measured afresh once (the same rows updated, so the same kept months dropped by their own triggers). The
 * month-pair triggers on customer_visit_months and the change log's on visit_structure_months stay on (the log's
 * rows differ from the row-by-row ones, their sums per structure row do not).
 */
const bulk = `bulk_new_visits n join service_visits s on s.id = n.id`;
const prevOf = (r: string, col: string) => `(select x.${col} from service_visits x
      where x.vehicle_id = ${r}.vehicle_id and x.visit_date < ${r}.visit_date and x.type in ${maint}
      order by x.visit_date desc, x.id desc limit 1)`;
export const visitFactsBulkInsertSql: readonly string[] = [
  `INSERT INTO customer_visit_months (customer_id, ym, visits, next_ym)
    SELECT s.customer_id, ${ym('s')}, count(*), '9999-12' FROM ${bulk} WHERE true GROUP BY 1, 2 ORDER BY min(s.id)
    ON CONFLICT (customer_id, ym) DO UPDATE SET visits = visits + excluded.visits`,
  `UPDATE customer_visit_months SET next_ym = coalesce((select min(m.ym) from customer_visit_months m
      where m.customer_id = customer_visit_months.customer_id and m.ym > customer_visit_months.ym), '9999-12')
    WHERE customer_id IN (select s.customer_id from ${bulk})
      AND next_ym IS NOT coalesce((select min(m.ym) from customer_visit_months m
        where m.customer_id = customer_visit_months.customer_id and m.ym > customer_visit_months.ym), '9999-12')`,
  `INSERT INTO visit_month_totals (ym, visits, revenue_fen)
    SELECT ${ym('s')}, count(*), sum(s.amount_fen) FROM ${bulk} WHERE true GROUP BY 1 ORDER BY min(s.id)
    ON CONFLICT (ym) DO UPDATE SET visits = visits + excluded.visits, revenue_fen = revenue_fen + excluded.revenue_fen`,
  `INSERT INTO visit_structure_months (ym, customer_id, series, state, visits, revenue_fen)
    SELECT ${ym('s')}, s.customer_id, v.series, ${stateSql('s', 'v.delivery_date')}, count(*), sum(s.amount_fen)
    FROM ${bulk} JOIN vehicles v ON v.id = s.vehicle_id WHERE true GROUP BY 1, 2, 3, 4 ORDER BY min(s.id)
    ON CONFLICT (ym, customer_id, series, state) DO UPDATE SET visits = visits + excluded.visits,
      revenue_fen = revenue_fen + excluded.revenue_fen`,
  // The car's stored facts after its earliest new maintenance, measured afresh (before the new ones are added).
  `UPDATE maintenance_visit_facts SET (prev_date, prev_km) =
      ${prevSql('maintenance_visit_facts.vehicle_id', 'maintenance_visit_facts.visit_date')}
    WHERE vehicle_id IN (select s.vehicle_id from ${bulk} where s.type in ${maint})
      AND visit_date > (select min(s.visit_date) from ${bulk}
        where s.vehicle_id = maintenance_visit_facts.vehicle_id and s.type in ${maint})`,
  `INSERT INTO maintenance_visit_facts (visit_id, vehicle_id, visit_date, mileage_km, first_service, prev_date, prev_km)
    SELECT s.id, s.vehicle_id, s.visit_date, s.mileage_km, s.type = 'first_maintenance', ${prevOf('s', 'visit_date')},
      ${prevOf('s', 'mileage_km')}
    FROM ${bulk} WHERE s.type in ${maint} ORDER BY s.id`,
];

/** What `customers_grades_au` does, once for any number of customer rows updated with it suspended. */
export const gradesBulkUpdateSql = `DELETE FROM report_month_cache WHERE kind = 'grades'`;

/**
 * What `service_visits_facts_ad` does for each row, once for a set of visits deleted with it suspended
 * (withVisitDeletesInBulk): the deleted rows' values are in temp table `bulk_gone_visits`. Equal to the trigger
 * row by row for the reasons visitFactsBulkInsertSql is: the months counted down and rows at zero dropped (for a
 * (month, customer) whatever their series), the remaining months chained afresh, the deleted visits' maintenance
 * facts dropped and the car's facts after its earliest deleted maintenance measured afresh.
 */
const gone = 'bulk_gone_visits g';
export const visitFactsBulkDeleteSql: readonly string[] = [
  `UPDATE customer_visit_months SET visits = visits - (select count(*) from ${gone}
      where g.customer_id = customer_visit_months.customer_id and ${ym('g')} = customer_visit_months.ym)
    WHERE (customer_id, ym) IN (select g.customer_id, ${ym('g')} from ${gone})`,
  `DELETE FROM customer_visit_months WHERE visits = 0 AND (customer_id, ym) IN (select g.customer_id, ${ym('g')} from ${gone})`,
  `UPDATE customer_visit_months SET next_ym = coalesce((select min(m.ym) from customer_visit_months m
      where m.customer_id = customer_visit_months.customer_id and m.ym > customer_visit_months.ym), '9999-12')
    WHERE customer_id IN (select g.customer_id from ${gone})
      AND next_ym IS NOT coalesce((select min(m.ym) from customer_visit_months m
        where m.customer_id = customer_visit_months.customer_id and m.ym > customer_visit_months.ym), '9999-12')`,
  `UPDATE visit_month_totals SET visits = visits - (select count(*) from ${gone} where ${ym('g')} = visit_month_totals.ym),
      revenue_fen = revenue_fen - (select sum(g.amount_fen) from ${gone} where ${ym('g')} = visit_month_totals.ym)
    WHERE ym IN (select ${ym('g')} from ${gone})`,
  `DELETE FROM visit_month_totals WHERE visits = 0 AND ym IN (select ${ym('g')} from ${gone})`,
  `UPDATE visit_structure_months SET visits = visits - (select count(*) from ${gone} join vehicles v on v.id = g.vehicle_id
        where ${ym('g')} = visit_structure_months.ym and g.customer_id = visit_structure_months.customer_id
          and v.series = visit_structure_months.series and ${stateSql('g', 'v.delivery_date')} = visit_structure_months.state),
      revenue_fen = revenue_fen - coalesce((select sum(g.amount_fen) from ${gone} join vehicles v on v.id = g.vehicle_id
        where ${ym('g')} = visit_structure_months.ym and g.customer_id = visit_structure_months.customer_id
          and v.series = visit_structure_months.series and ${stateSql('g', 'v.delivery_date')} = visit_structure_months.state), 0)
    WHERE (ym, customer_id) IN (select ${ym('g')}, g.customer_id from ${gone})`,
  `DELETE FROM visit_structure_months WHERE visits = 0 AND (ym, customer_id) IN (select ${ym('g')}, g.customer_id from ${gone})`,
  `DELETE FROM maintenance_visit_facts WHERE visit_id IN (select g.id from ${gone})`,
  `UPDATE maintenance_visit_facts SET (prev_date, prev_km) =
      ${prevSql('maintenance_visit_facts.vehicle_id', 'maintenance_visit_facts.visit_date')}
    WHERE vehicle_id IN (select g.vehicle_id from ${gone} where g.type in ${maint})
      AND visit_date > (select min(g.visit_date) from ${gone}
        where g.vehicle_id = maintenance_visit_facts.vehicle_id and g.type in ${maint})`,
];
