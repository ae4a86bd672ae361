CREATE TABLE `report_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`month` text NOT NULL,
	`revision` integer NOT NULL,
	`pack` text NOT NULL,
	`app_version` text NOT NULL,
	`closed_at` text NOT NULL,
	`closed_by` integer,
	`reason` text,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_snapshots_month_idx` ON `report_snapshots` (`month`,`revision`);--> statement-breakpoint
CREATE INDEX `service_visits_report_idx` ON `service_visits` (`visit_date`,`customer_id`,`vehicle_id`,`amount_fen`,`type`,`mileage_km`);