CREATE TABLE `departments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `departments_code_unique` ON `departments` (`code`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`department_id` integer,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE INDEX `users_department_idx` ON `users` (`department_id`);--> statement-breakpoint
CREATE TABLE `consents` (
	`customer_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`granted` integer NOT NULL,
	`recorded_at` text NOT NULL,
	`channel` text NOT NULL,
	PRIMARY KEY(`customer_id`, `purpose`),
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `customer_tags` (
	`customer_id` integer NOT NULL,
	`tag` text NOT NULL,
	PRIMARY KEY(`customer_id`, `tag`),
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `customer_tags_tag_idx` ON `customer_tags` (`tag`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`name_pinyin` text DEFAULT '' NOT NULL,
	`name_initials` text DEFAULT '' NOT NULL,
	`gender` text,
	`birthday` text,
	`mobile` text,
	`mobile2` text,
	`mobile_tail` text,
	`wechat` text,
	`address` text,
	`district` text,
	`id_number` text,
	`occupation` text,
	`industry` text,
	`employer` text,
	`is_company` integer DEFAULT false NOT NULL,
	`source_channel` text DEFAULT 'walk_in' NOT NULL,
	`referrer_id` integer,
	`stage` text DEFAULT 'lead' NOT NULL,
	`lead_grade` text,
	`base_grade` text,
	`purchase_need` text,
	`budget_fen` integer,
	`current_car` text,
	`outcome_reason` text,
	`lost_reason_category` text,
	`preferences` text,
	`do_not_contact` integer DEFAULT false NOT NULL,
	`do_not_contact_at` text,
	`owner_user_id` integer,
	`last_visit_at` text,
	`merged_into_id` integer,
	`notes` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`referrer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merged_into_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `customers_mobile_idx` ON `customers` (`mobile`);--> statement-breakpoint
CREATE INDEX `customers_mobile2_idx` ON `customers` (`mobile2`);--> statement-breakpoint
CREATE INDEX `customers_mobile_tail_idx` ON `customers` (`mobile_tail`);--> statement-breakpoint
CREATE INDEX `customers_name_idx` ON `customers` (`name`);--> statement-breakpoint
CREATE INDEX `customers_pinyin_idx` ON `customers` (`name_pinyin`,`id`);--> statement-breakpoint
CREATE INDEX `customers_initials_idx` ON `customers` (`name_initials`);--> statement-breakpoint
CREATE INDEX `customers_last_visit_idx` ON `customers` (`last_visit_at`,`id`);--> statement-breakpoint
CREATE INDEX `customers_created_idx` ON `customers` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `customers_referrer_idx` ON `customers` (`referrer_id`);--> statement-breakpoint
CREATE INDEX `customers_stage_idx` ON `customers` (`stage`);--> statement-breakpoint
CREATE INDEX `customers_district_idx` ON `customers` (`district`);--> statement-breakpoint
CREATE TABLE `interactions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`kind` text NOT NULL,
	`direction` text,
	`occurred_at` text NOT NULL,
	`summary` text NOT NULL,
	`user_id` integer,
	`ref_type` text,
	`ref_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `interactions_customer_idx` ON `interactions` (`customer_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `service_visits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vehicle_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`visit_date` text NOT NULL,
	`type` text NOT NULL,
	`mileage_km` integer NOT NULL,
	`amount_fen` integer DEFAULT 0 NOT NULL,
	`advisor` text,
	`notes` text,
	FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `service_visits_customer_idx` ON `service_visits` (`customer_id`,`visit_date`);--> statement-breakpoint
CREATE INDEX `service_visits_vehicle_idx` ON `service_visits` (`vehicle_id`,`visit_date`);--> statement-breakpoint
CREATE INDEX `service_visits_date_idx` ON `service_visits` (`visit_date`);--> statement-breakpoint
CREATE TABLE `vehicle_ownerships` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vehicle_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text,
	FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vehicle_ownerships_vehicle_idx` ON `vehicle_ownerships` (`vehicle_id`,`from_date`);--> statement-breakpoint
CREATE INDEX `vehicle_ownerships_customer_idx` ON `vehicle_ownerships` (`customer_id`);--> statement-breakpoint
CREATE TABLE `vehicles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vin` text NOT NULL,
	`vin_reversed` text NOT NULL,
	`plate` text,
	`brand` text NOT NULL,
	`series` text NOT NULL,
	`model` text,
	`color` text,
	`energy` text DEFAULT 'fuel' NOT NULL,
	`delivery_date` text,
	`price_fen` integer,
	`mileage_km` integer,
	`mileage_at` text,
	`insurance_expiry` text,
	`finance` text,
	`owner_id` integer,
	`sales_user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sales_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vehicles_vin_idx` ON `vehicles` (`vin`);--> statement-breakpoint
CREATE INDEX `vehicles_vin_reversed_idx` ON `vehicles` (`vin_reversed`);--> statement-breakpoint
CREATE INDEX `vehicles_plate_idx` ON `vehicles` (`plate`);--> statement-breakpoint
CREATE INDEX `vehicles_owner_idx` ON `vehicles` (`owner_id`);--> statement-breakpoint
CREATE INDEX `vehicles_delivery_idx` ON `vehicles` (`delivery_date`);--> statement-breakpoint
CREATE INDEX `vehicles_series_idx` ON `vehicles` (`series`);