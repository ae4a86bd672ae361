CREATE TABLE `consent_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`granted` integer NOT NULL,
	`at` text NOT NULL,
	`channel` text NOT NULL,
	`evidence` text,
	`user_id` integer,
	`user_name` text,
	`source` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `consent_history_customer_idx` ON `consent_history` (`customer_id`,`at`);--> statement-breakpoint
CREATE TRIGGER `consent_history_no_update` BEFORE UPDATE ON `consent_history` BEGIN SELECT RAISE(ABORT, '授权记录历史只能追加，不能修改'); END;
--> statement-breakpoint
CREATE TRIGGER `consent_history_no_delete` BEFORE DELETE ON `consent_history` BEGIN SELECT RAISE(ABORT, '授权记录历史只能追加，不能删除'); END;
--> statement-breakpoint
INSERT INTO `consent_history` (`customer_id`, `purpose`, `granted`, `at`, `channel`, `evidence`, `user_id`, `user_name`, `source`)
SELECT `customer_id`, `purpose`, `granted`, `recorded_at`, `channel`, NULL, NULL, NULL, 'migration' FROM `consents`
ORDER BY `recorded_at`, `customer_id`, `purpose`;
