CREATE TABLE `customer_visit_months` (
	`customer_id` integer NOT NULL,
	`ym` text NOT NULL,
	`visits` integer NOT NULL,
	`next_ym` text DEFAULT '9999-12' NOT NULL,
	PRIMARY KEY(`customer_id`, `ym`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `maintenance_visit_facts` (
	`visit_id` integer PRIMARY KEY NOT NULL,
	`vehicle_id` integer NOT NULL,
	`visit_date` text NOT NULL,
	`mileage_km` integer NOT NULL,
	`first_service` integer NOT NULL,
	`prev_date` text,
	`prev_km` integer
);
--> statement-breakpoint
CREATE INDEX `maintenance_visit_facts_date_idx` ON `maintenance_visit_facts` (`visit_date`,`mileage_km`,`first_service`,`prev_date`,`prev_km`,`vehicle_id`);--> statement-breakpoint
CREATE INDEX `maintenance_visit_facts_vehicle_idx` ON `maintenance_visit_facts` (`vehicle_id`,`visit_date`);--> statement-breakpoint
CREATE TABLE `report_month_cache` (
	`kind` text NOT NULL,
	`month` text NOT NULL,
	`key` text NOT NULL,
	`data` text NOT NULL,
	PRIMARY KEY(`kind`, `month`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `visit_month_pairs` (
	`ym` text NOT NULL,
	`next_ym` text NOT NULL,
	`customers` integer NOT NULL,
	PRIMARY KEY(`ym`, `next_ym`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `visit_month_totals` (
	`ym` text PRIMARY KEY NOT NULL,
	`visits` integer NOT NULL,
	`revenue_fen` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `visit_structure_months` (
	`ym` text NOT NULL,
	`customer_id` integer NOT NULL,
	`series` text NOT NULL,
	`state` text NOT NULL,
	`visits` integer NOT NULL,
	`revenue_fen` integer NOT NULL,
	PRIMARY KEY(`ym`, `customer_id`, `series`, `state`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `customers_report_grade_idx` ON `customers` (`base_grade`,`merged_into_id`,`district`,`industry`,`birthday`);
--> statement-breakpoint
-- Visit facts (db/schema/visit-facts.ts), built once from the visits already stored.
INSERT INTO customer_visit_months (customer_id, ym, visits, next_ym)
  SELECT customer_id, ym, n, coalesce(lead(ym) OVER (PARTITION BY customer_id ORDER BY ym), '9999-12')
  FROM (SELECT customer_id, substr(visit_date, 1, 7) AS ym, count(*) AS n FROM service_visits GROUP BY 1, 2) WHERE true;
--> statement-breakpoint
INSERT INTO visit_month_pairs (ym, next_ym, customers)
  SELECT ym, next_ym, count(*) FROM customer_visit_months GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO visit_month_totals (ym, visits, revenue_fen)
  SELECT substr(visit_date, 1, 7), count(*), sum(amount_fen) FROM service_visits GROUP BY 1;
--> statement-breakpoint
INSERT INTO visit_structure_months (ym, customer_id, series, state, visits, revenue_fen)
  SELECT substr(s.visit_date, 1, 7), s.customer_id, v.series, case when s.type = 'first_maintenance' then 'first_service'
      when v.delivery_date is null or v.delivery_date > s.visit_date then 'unknown'
      when s.visit_date >= date(v.delivery_date, '+36 months', 'floor') or s.mileage_km >= 100000 then 'expired'
      else 'in_warranty' end, count(*), sum(s.amount_fen)
  FROM service_visits s JOIN vehicles v ON v.id = s.vehicle_id GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO maintenance_visit_facts (visit_id, vehicle_id, visit_date, mileage_km, first_service, prev_date, prev_km)
  SELECT id, vehicle_id, visit_date, mileage_km, first_service, first_value(pd) OVER w, first_value(pk) OVER w FROM (
    SELECT id, vehicle_id, visit_date, mileage_km, type = 'first_maintenance' AS first_service,
      lag(visit_date) OVER d AS pd, lag(mileage_km) OVER d AS pk
    FROM service_visits WHERE type IN ('first_maintenance', 'maintenance') WINDOW d AS (PARTITION BY vehicle_id ORDER BY visit_date, id))
  -- Visits of one day all measure from the maintenance before the day: the one the day's first visit follows.
  WINDOW w AS (PARTITION BY vehicle_id, visit_date ORDER BY id);
--> statement-breakpoint
-- From here on triggers keep the facts in step with service_visits and vehicles, in the writer's own transaction.
CREATE TRIGGER `service_visits_facts_ai` AFTER INSERT ON `service_visits` BEGIN
  INSERT INTO customer_visit_months (customer_id, ym, visits, next_ym)
    VALUES (new.customer_id, substr(new.visit_date, 1, 7), 1, coalesce((select min(m.ym) from customer_visit_months m
      where m.customer_id = new.customer_id and m.ym > substr(new.visit_date, 1, 7)), '9999-12'))
    ON CONFLICT (customer_id, ym) DO UPDATE SET visits = visits + 1;
  UPDATE customer_visit_months SET next_ym = substr(new.visit_date, 1, 7)
    WHERE customer_id = new.customer_id AND next_ym > substr(new.visit_date, 1, 7) AND ym = (select max(m.ym) from customer_visit_months m
      where m.customer_id = new.customer_id and m.ym < substr(new.visit_date, 1, 7));
  INSERT INTO visit_month_totals (ym, visits, revenue_fen) VALUES (substr(new.visit_date, 1, 7), 1, new.amount_fen)
    ON CONFLICT (ym) DO UPDATE SET visits = visits + 1, revenue_fen = revenue_fen + excluded.revenue_fen;
  INSERT INTO visit_structure_months (ym, customer_id, series, state, visits, revenue_fen)
    SELECT substr(new.visit_date, 1, 7), new.customer_id, v.series, case when new.type = 'first_maintenance' then 'first_service'
      when v.delivery_date is null or v.delivery_date > new.visit_date then 'unknown'
      when new.visit_date >= date(v.delivery_date, '+36 months', 'floor') or new.mileage_km >= 100000 then 'expired'
      else 'in_warranty' end, 1, new.amount_fen
    FROM vehicles v WHERE v.id = new.vehicle_id
    ON CONFLICT (ym, customer_id, series, state) DO UPDATE SET visits = visits + 1,
      revenue_fen = revenue_fen + excluded.revenue_fen;
  INSERT INTO maintenance_visit_facts (visit_id, vehicle_id, visit_date, mileage_km, first_service, prev_date, prev_km)
    SELECT new.id, new.vehicle_id, new.visit_date, new.mileage_km, new.type = 'first_maintenance', p.visit_date, p.mileage_km
    FROM (SELECT 1) LEFT JOIN (select x.visit_date, x.mileage_km from service_visits x
      where x.vehicle_id = new.vehicle_id and x.visit_date < new.visit_date and x.type in ('first_maintenance', 'maintenance')
      order by x.visit_date desc, x.id desc limit 1) p
    WHERE new.type in ('first_maintenance', 'maintenance');
  UPDATE maintenance_visit_facts SET (prev_date, prev_km) =
    (select x.visit_date, x.mileage_km from service_visits x
      where x.vehicle_id = maintenance_visit_facts.vehicle_id and x.visit_date < maintenance_visit_facts.visit_date and x.type in ('first_maintenance', 'maintenance')
      order by x.visit_date desc, x.id desc limit 1)
    WHERE vehicle_id = new.vehicle_id AND visit_date > new.visit_date AND new.type in ('first_maintenance', 'maintenance');
  DELETE FROM report_month_cache WHERE kind = 'structure'
    AND month BETWEEN substr(new.visit_date, 1, 7) AND substr(date(substr(new.visit_date, 1, 7) || '-01', '+11 months'), 1, 7);
  DELETE FROM report_month_cache WHERE kind = 'buyers'
    AND month BETWEEN substr(new.visit_date, 1, 7) AND substr(date(substr(new.visit_date, 1, 7) || '-01', '+34 months'), 1, 7);
END;
--> statement-breakpoint
CREATE TRIGGER `service_visits_facts_ad` AFTER DELETE ON `service_visits` BEGIN
  UPDATE customer_visit_months SET visits = visits - 1 WHERE customer_id = old.customer_id AND ym = substr(old.visit_date, 1, 7);
  UPDATE customer_visit_months SET next_ym = (select m.next_ym from customer_visit_months m
      where m.customer_id = old.customer_id and m.ym = substr(old.visit_date, 1, 7))
    WHERE customer_id = old.customer_id AND ym = (select max(m.ym) from customer_visit_months m
      where m.customer_id = old.customer_id and m.ym < substr(old.visit_date, 1, 7))
      AND EXISTS (select 1 from customer_visit_months m where m.customer_id = old.customer_id and m.ym = substr(old.visit_date, 1, 7) and m.visits = 0);
  DELETE FROM customer_visit_months WHERE customer_id = old.customer_id AND ym = substr(old.visit_date, 1, 7) AND visits = 0;
  UPDATE visit_month_totals SET visits = visits - 1, revenue_fen = revenue_fen - old.amount_fen WHERE ym = substr(old.visit_date, 1, 7);
  DELETE FROM visit_month_totals WHERE ym = substr(old.visit_date, 1, 7) AND visits = 0;
  UPDATE visit_structure_months SET visits = visits - 1, revenue_fen = revenue_fen - old.amount_fen
    WHERE ym = substr(old.visit_date, 1, 7) AND customer_id = old.customer_id AND (series, state) = (SELECT v.series, case when old.type = 'first_maintenance' then 'first_service'
      when v.delivery_date is null or v.delivery_date > old.visit_date then 'unknown'
      when old.visit_date >= date(v.delivery_date, '+36 months', 'floor') or old.mileage_km >= 100000 then 'expired'
      else 'in_warranty' end
      FROM vehicles v WHERE v.id = old.vehicle_id);
  DELETE FROM visit_structure_months WHERE ym = substr(old.visit_date, 1, 7) AND customer_id = old.customer_id AND visits = 0;
  DELETE FROM maintenance_visit_facts WHERE visit_id = old.id;
  UPDATE maintenance_visit_facts SET (prev_date, prev_km) =
    (select x.visit_date, x.mileage_km from service_visits x
      where x.vehicle_id = maintenance_visit_facts.vehicle_id and x.visit_date < maintenance_visit_facts.visit_date and x.type in ('first_maintenance', 'maintenance')
      order by x.visit_date desc, x.id desc limit 1)
    WHERE vehicle_id = old.vehicle_id AND visit_date > old.visit_date AND old.type in ('first_maintenance', 'maintenance');
  DELETE FROM report_month_cache WHERE kind = 'structure'
    AND month BETWEEN substr(old.visit_date, 1, 7) AND substr(date(substr(old.visit_date, 1, 7) || '-01', '+11 months'), 1, 7);
  DELETE FROM report_month_cache WHERE kind = 'buyers'
    AND month BETWEEN substr(old.visit_date, 1, 7) AND substr(date(substr(old.visit_date, 1, 7) || '-01', '+34 months'), 1, 7);
END;
--> statement-breakpoint
CREATE TRIGGER `service_visits_facts_au` AFTER UPDATE OF `vehicle_id`, `customer_id`, `visit_date`, `type`, `mileage_km`, `amount_fen` ON `service_visits`
  WHEN old.vehicle_id IS NOT new.vehicle_id OR old.customer_id IS NOT new.customer_id OR old.visit_date IS NOT new.visit_date OR old.type IS NOT new.type OR old.mileage_km IS NOT new.mileage_km OR old.amount_fen IS NOT new.amount_fen BEGIN
  UPDATE customer_visit_months SET visits = visits - 1 WHERE customer_id = old.customer_id AND ym = substr(old.visit_date, 1, 7);
  UPDATE customer_visit_months SET next_ym = (select m.next_ym from customer_visit_months m
      where m.customer_id = old.customer_id and m.ym = substr(old.visit_date, 1, 7))
    WHERE customer_id = old.customer_id AND ym = (select max(m.ym) from customer_visit_months m
      where m.customer_id = old.customer_id and m.ym < substr(old.visit_date, 1, 7))
      AND EXISTS (select 1 from customer_visit_months m where m.customer_id = old.customer_id and m.ym = substr(old.visit_date, 1, 7) and m.visits = 0);
  DELETE FROM customer_visit_months WHERE customer_id = old.customer_id AND ym = substr(old.visit_date, 1, 7) AND visits = 0;
  UPDATE visit_month_totals SET visits = visits - 1, revenue_fen = revenue_fen - old.amount_fen WHERE ym = substr(old.visit_date, 1, 7);
  DELETE FROM visit_month_totals WHERE ym = substr(old.visit_date, 1, 7) AND visits = 0;
  UPDATE visit_structure_months SET visits = visits - 1, revenue_fen = revenue_fen - old.amount_fen
    WHERE ym = substr(old.visit_date, 1, 7) AND customer_id = old.customer_id AND (series, state) = (SELECT v.series, case when old.type = 'first_maintenance' then 'first_service'
      when v.delivery_date is null or v.delivery_date > old.visit_date then 'unknown'
      when old.visit_date >= date(v.delivery_date, '+36 months', 'floor') or old.mileage_km >= 100000 then 'expired'
      else 'in_warranty' end
      FROM vehicles v WHERE v.id = old.vehicle_id);
  DELETE FROM visit_structure_months WHERE ym = substr(old.visit_date, 1, 7) AND customer_id = old.customer_id AND visits = 0;
  DELETE FROM maintenance_visit_facts WHERE visit_id = old.id;
  UPDATE maintenance_visit_facts SET (prev_date, prev_km) =
    (select x.visit_date, x.mileage_km from service_visits x
      where x.vehicle_id = maintenance_visit_facts.vehicle_id and x.visit_date < maintenance_visit_facts.visit_date and x.type in ('first_maintenance', 'maintenance')
      order by x.visit_date desc, x.id desc limit 1)
    WHERE vehicle_id = old.vehicle_id AND visit_date > old.visit_date AND old.type in ('first_maintenance', 'maintenance');
  DELETE FROM report_month_cache WHERE kind = 'structure'
    AND month BETWEEN substr(old.visit_date, 1, 7) AND substr(date(substr(old.visit_date, 1, 7) || '-01', '+11 months'), 1, 7);
  DELETE FROM report_month_cache WHERE kind = 'buyers'
    AND month BETWEEN substr(old.visit_date, 1, 7) AND substr(date(substr(old.visit_date, 1, 7) || '-01', '+34 months'), 1, 7);
  INSERT INTO customer_visit_months (customer_id, ym, visits, next_ym)
    VALUES (new.customer_id, substr(new.visit_date, 1, 7), 1, coalesce((select min(m.ym) from customer_visit_months m
      where m.customer_id = new.customer_id and m.ym > substr(new.visit_date, 1, 7)), '9999-12'))
    ON CONFLICT (customer_id, ym) DO UPDATE SET visits = visits + 1;
  UPDATE customer_visit_months SET next_ym = substr(new.visit_date, 1, 7)
    WHERE customer_id = new.customer_id AND next_ym > substr(new.visit_date, 1, 7) AND ym = (select max(m.ym) from customer_visit_months m
      where m.customer_id = new.customer_id and m.ym < substr(new.visit_date, 1, 7));
  INSERT INTO visit_month_totals (ym, visits, revenue_fen) VALUES (substr(new.visit_date, 1, 7), 1, new.amount_fen)
    ON CONFLICT (ym) DO UPDATE SET visits = visits + 1, revenue_fen = revenue_fen + excluded.revenue_fen;
  INSERT INTO visit_structure_months (ym, customer_id, series, state, visits, revenue_fen)
    SELECT substr(new.visit_date, 1, 7), new.customer_id, v.series, case when new.type = 'first_maintenance' then 'first_service'
      when v.delivery_date is null or v.delivery_date > new.visit_date then 'unknown'
      when new.visit_date >= date(v.delivery_date, '+36 months', 'floor') or new.mileage_km >= 100000 then 'expired'
      else 'in_warranty' end, 1, new.amount_fen
    FROM vehicles v WHERE v.id = new.vehicle_id
    ON CONFLICT (ym, customer_id, series, state) DO UPDATE SET visits = visits + 1,
      revenue_fen = revenue_fen + excluded.revenue_fen;
  INSERT INTO maintenance_visit_facts (visit_id, vehicle_id, visit_date, mileage_km, first_service, prev_date, prev_km)
    SELECT new.id, new.vehicle_id, new.visit_date, new.mileage_km, new.type = 'first_maintenance', p.visit_date, p.mileage_km
    FROM (SELECT 1) LEFT JOIN (select x.visit_date, x.mileage_km from service_visits x
      where x.vehicle_id = new.vehicle_id and x.visit_date < new.visit_date and x.type in ('first_maintenance', 'maintenance')
      order by x.visit_date desc, x.id desc limit 1) p
    WHERE new.type in ('first_maintenance', 'maintenance');
  UPDATE maintenance_visit_facts SET (prev_date, prev_km) =
    (select x.visit_date, x.mileage_km from service_visits x
      where x.vehicle_id = maintenance_visit_facts.vehicle_id and x.visit_date < maintenance_visit_facts.visit_date and x.type in ('first_maintenance', 'maintenance')
      order by x.visit_date desc, x.id desc limit 1)
    WHERE vehicle_id = new.vehicle_id AND visit_date > new.visit_date AND new.type in ('first_maintenance', 'maintenance');
  DELETE FROM report_month_cache WHERE kind = 'structure'
    AND month BETWEEN substr(new.visit_date, 1, 7) AND substr(date(substr(new.visit_date, 1, 7) || '-01', '+11 months'), 1, 7);
  DELETE FROM report_month_cache WHERE kind = 'buyers'
    AND month BETWEEN substr(new.visit_date, 1, 7) AND substr(date(substr(new.visit_date, 1, 7) || '-01', '+34 months'), 1, 7);
END;
--> statement-breakpoint
-- A car's visits go before the car (the cascade would delete them after it, when their series is gone).
CREATE TRIGGER `vehicles_facts_bd` BEFORE DELETE ON `vehicles` BEGIN
  DELETE FROM service_visits WHERE vehicle_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `vehicles_facts_au` AFTER UPDATE OF `series`, `delivery_date` ON `vehicles`
  WHEN old.series IS NOT new.series OR old.delivery_date IS NOT new.delivery_date BEGIN
  INSERT INTO visit_structure_months (ym, customer_id, series, state, visits, revenue_fen)
    SELECT substr(s.visit_date, 1, 7), s.customer_id, old.series, case when s.type = 'first_maintenance' then 'first_service'
      when old.delivery_date is null or old.delivery_date > s.visit_date then 'unknown'
      when s.visit_date >= date(old.delivery_date, '+36 months', 'floor') or s.mileage_km >= 100000 then 'expired'
      else 'in_warranty' end, -count(*), -sum(s.amount_fen)
    FROM service_visits s WHERE s.vehicle_id = old.id GROUP BY 1, 2, 3, 4
    ON CONFLICT (ym, customer_id, series, state) DO UPDATE SET visits = visits + excluded.visits,
      revenue_fen = revenue_fen + excluded.revenue_fen;
  INSERT INTO visit_structure_months (ym, customer_id, series, state, visits, revenue_fen)
    SELECT substr(s.visit_date, 1, 7), s.customer_id, new.series, case when s.type = 'first_maintenance' then 'first_service'
      when new.delivery_date is null or new.delivery_date > s.visit_date then 'unknown'
      when s.visit_date >= date(new.delivery_date, '+36 months', 'floor') or s.mileage_km >= 100000 then 'expired'
      else 'in_warranty' end, count(*), sum(s.amount_fen)
    FROM service_visits s WHERE s.vehicle_id = new.id GROUP BY 1, 2, 3, 4
    ON CONFLICT (ym, customer_id, series, state) DO UPDATE SET visits = visits + excluded.visits,
      revenue_fen = revenue_fen + excluded.revenue_fen;
  DELETE FROM visit_structure_months WHERE visits = 0 AND customer_id IN (select s.customer_id from service_visits s where s.vehicle_id = new.id)
    AND ym IN (select substr(s.visit_date, 1, 7) from service_visits s where s.vehicle_id = new.id);
  -- Rare (a corrected car): every worked-out month goes, rather than finding the ones this car touched.
  DELETE FROM report_month_cache;
END;
--> statement-breakpoint
-- A maintenance visit, or the one it is measured from, changed: its month's on-time figure is stale.
CREATE TRIGGER `maintenance_visit_facts_ai` AFTER INSERT ON `maintenance_visit_facts` BEGIN
  DELETE FROM report_month_cache WHERE kind = 'maintenance' AND month = substr(new.visit_date, 1, 7);
END;
--> statement-breakpoint
CREATE TRIGGER `maintenance_visit_facts_ad` AFTER DELETE ON `maintenance_visit_facts` BEGIN
  DELETE FROM report_month_cache WHERE kind = 'maintenance' AND month = substr(old.visit_date, 1, 7);
END;
--> statement-breakpoint
CREATE TRIGGER `maintenance_visit_facts_au` AFTER UPDATE ON `maintenance_visit_facts` BEGIN
  DELETE FROM report_month_cache WHERE kind = 'maintenance' AND month IN (substr(old.visit_date, 1, 7), substr(new.visit_date, 1, 7));
END;
--> statement-breakpoint
CREATE TRIGGER `customer_visit_months_pairs_ai` AFTER INSERT ON `customer_visit_months` BEGIN
  INSERT INTO visit_month_pairs (ym, next_ym, customers) VALUES (new.ym, new.next_ym, 1)
    ON CONFLICT (ym, next_ym) DO UPDATE SET customers = customers + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `customer_visit_months_pairs_ad` AFTER DELETE ON `customer_visit_months` BEGIN
  UPDATE visit_month_pairs SET customers = customers - 1 WHERE ym = old.ym AND next_ym = old.next_ym;
  DELETE FROM visit_month_pairs WHERE ym = old.ym AND next_ym = old.next_ym AND customers = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `customer_visit_months_pairs_au` AFTER UPDATE OF `next_ym` ON `customer_visit_months`
  WHEN old.next_ym IS NOT new.next_ym BEGIN
  UPDATE visit_month_pairs SET customers = customers - 1 WHERE ym = old.ym AND next_ym = old.next_ym;
  DELETE FROM visit_month_pairs WHERE ym = old.ym AND next_ym = old.next_ym AND customers = 0;
  INSERT INTO visit_month_pairs (ym, next_ym, customers) VALUES (new.ym, new.next_ym, 1)
    ON CONFLICT (ym, next_ym) DO UPDATE SET customers = customers + 1;
END;
--> statement-breakpoint
-- Deliveries (first and repeat purchases, referred or not) follow the cars, their owners and the referrers.
CREATE TRIGGER `vehicles_deliveries_ai` AFTER INSERT ON `vehicles` BEGIN
  DELETE FROM report_month_cache WHERE kind IN ('deliveries', 'buyers');
END;
--> statement-breakpoint
CREATE TRIGGER `vehicles_deliveries_ad` AFTER DELETE ON `vehicles` BEGIN
  DELETE FROM report_month_cache WHERE kind IN ('deliveries', 'buyers');
END;
--> statement-breakpoint
CREATE TRIGGER `vehicles_deliveries_au` AFTER UPDATE OF `delivery_date`, `owner_id` ON `vehicles` BEGIN
  DELETE FROM report_month_cache WHERE kind IN ('deliveries', 'buyers');
END;
--> statement-breakpoint
CREATE TRIGGER `vehicle_ownerships_deliveries_ai` AFTER INSERT ON `vehicle_ownerships` BEGIN
  DELETE FROM report_month_cache WHERE kind IN ('deliveries', 'buyers');
END;
--> statement-breakpoint
CREATE TRIGGER `vehicle_ownerships_deliveries_ad` AFTER DELETE ON `vehicle_ownerships` BEGIN
  DELETE FROM report_month_cache WHERE kind IN ('deliveries', 'buyers');
END;
--> statement-breakpoint
CREATE TRIGGER `vehicle_ownerships_deliveries_au` AFTER UPDATE ON `vehicle_ownerships` BEGIN
  DELETE FROM report_month_cache WHERE kind IN ('deliveries', 'buyers');
END;
--> statement-breakpoint
CREATE TRIGGER `customers_deliveries_au` AFTER UPDATE OF `referrer_id` ON `customers` BEGIN
  DELETE FROM report_month_cache WHERE kind IN ('deliveries', 'buyers');
END;
--> statement-breakpoint
-- The grade tables count the base customers as they are now.
CREATE TRIGGER `customers_grades_ai` AFTER INSERT ON `customers` BEGIN
  DELETE FROM report_month_cache WHERE kind = 'grades';
END;
--> statement-breakpoint
CREATE TRIGGER `customers_grades_ad` AFTER DELETE ON `customers` BEGIN
  DELETE FROM report_month_cache WHERE kind = 'grades';
END;
--> statement-breakpoint
CREATE TRIGGER `customers_grades_au` AFTER UPDATE OF `base_grade`, `merged_into_id`, `district`, `industry`, `birthday` ON `customers` BEGIN
  DELETE FROM report_month_cache WHERE kind = 'grades';
END;
