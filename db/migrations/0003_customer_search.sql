-- Call-back task identity: one task per customer, rule, anchor date and vehicle (expression index).
CREATE UNIQUE INDEX `callback_tasks_identity_idx` ON `callback_tasks` (`customer_id`, `rule_code`, `anchor_date`, coalesce(`vehicle_id`, 0));
--> statement-breakpoint
-- Name search: every 1- and 2-character piece of a name points at its customer, so a Chinese substring of any
-- length is an index lookup (longer queries intersect their bigrams, then confirm with LIKE).
CREATE TABLE `search_seq` (`n` integer PRIMARY KEY NOT NULL);
--> statement-breakpoint
INSERT INTO `search_seq` (`n`) WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 64) SELECT n FROM s;
--> statement-breakpoint
CREATE TABLE `customer_name_grams` (
  `gram` text NOT NULL,
  `customer_id` integer NOT NULL,
  PRIMARY KEY (`gram`, `customer_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `customer_name_grams_customer_idx` ON `customer_name_grams` (`customer_id`);
--> statement-breakpoint
CREATE TRIGGER `customers_name_grams_ai` AFTER INSERT ON `customers` BEGIN
  INSERT OR IGNORE INTO customer_name_grams (gram, customer_id)
    SELECT lower(substr(new.name, n, 1)), new.id FROM search_seq WHERE n <= length(new.name)
    UNION SELECT lower(substr(new.name, n, 2)), new.id FROM search_seq WHERE n < length(new.name);
END;
--> statement-breakpoint
CREATE TRIGGER `customers_name_grams_au` AFTER UPDATE OF `name` ON `customers` BEGIN
  DELETE FROM customer_name_grams WHERE customer_id = old.id;
  INSERT OR IGNORE INTO customer_name_grams (gram, customer_id)
    SELECT lower(substr(new.name, n, 1)), new.id FROM search_seq WHERE n <= length(new.name)
    UNION SELECT lower(substr(new.name, n, 2)), new.id FROM search_seq WHERE n < length(new.name);
END;
--> statement-breakpoint
CREATE TRIGGER `customers_name_grams_ad` AFTER DELETE ON `customers` BEGIN
  DELETE FROM customer_name_grams WHERE customer_id = old.id;
END;
--> statement-breakpoint
INSERT OR IGNORE INTO customer_name_grams (gram, customer_id)
  SELECT lower(substr(c.name, s.n, 1)), c.id FROM customers c JOIN search_seq s ON s.n <= length(c.name)
  UNION SELECT lower(substr(c.name, s.n, 2)), c.id FROM customers c JOIN search_seq s ON s.n < length(c.name);
