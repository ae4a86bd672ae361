-- A log of every change to visit_structure_months (report_fact_changes), so the pack's kept structure and
-- repeat-buyer months catch up with a write for the customers it touched instead of being dropped by every
-- visit and worked out again from a year of facts (~0.9 s of CPU at scale L after each visit saved).
CREATE TABLE `report_fact_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ym` text NOT NULL,
	`customer_id` integer NOT NULL,
	`series` text NOT NULL,
	`state` text NOT NULL,
	`visits` integer NOT NULL,
	`revenue_fen` integer NOT NULL
);
--> statement-breakpoint
-- The kept months gain `seq` (the last change they include), before `data` so that reading it does not read the
-- megabytes after it. The rows are a cache: dropped, worked out again.
DROP TABLE `report_month_cache`;
--> statement-breakpoint
CREATE TABLE `report_month_cache` (
	`kind` text NOT NULL,
	`month` text NOT NULL,
	`key` text NOT NULL,
	`seq` integer,
	`data` text NOT NULL,
	PRIMARY KEY(`kind`, `month`)
);
--> statement-breakpoint
DROP TRIGGER `service_visits_facts_ai`;
--> statement-breakpoint
DROP TRIGGER `service_visits_facts_ad`;
--> statement-breakpoint
DROP TRIGGER `service_visits_facts_au`;
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
END;
--> statement-breakpoint
-- Every change of a structure row, signed, for the kept months to catch up with (report_fact_changes).
CREATE TRIGGER `visit_structure_months_changes_ai` AFTER INSERT ON `visit_structure_months` BEGIN
  INSERT INTO report_fact_changes (ym, customer_id, series, state, visits, revenue_fen)
    VALUES (new.ym, new.customer_id, new.series, new.state, new.visits, new.revenue_fen);
END;
--> statement-breakpoint
CREATE TRIGGER `visit_structure_months_changes_au` AFTER UPDATE ON `visit_structure_months` BEGIN
  INSERT INTO report_fact_changes (ym, customer_id, series, state, visits, revenue_fen)
    VALUES (old.ym, old.customer_id, old.series, old.state, -old.visits, -old.revenue_fen),
      (new.ym, new.customer_id, new.series, new.state, new.visits, new.revenue_fen);
END;
--> statement-breakpoint
CREATE TRIGGER `visit_structure_months_changes_ad` AFTER DELETE ON `visit_structure_months` BEGIN
  INSERT INTO report_fact_changes (ym, customer_id, series, state, visits, revenue_fen)
    VALUES (old.ym, old.customer_id, old.series, old.state, -old.visits, -old.revenue_fen);
END;
