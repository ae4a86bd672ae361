CREATE TABLE `customer_merges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`survivor_id` integer NOT NULL,
	`merged_id` integer NOT NULL,
	`reason` text,
	`snapshot` text NOT NULL,
	`merged_at` text NOT NULL,
	`merged_by` integer,
	`undone_at` text,
	`undone_by` integer,
	FOREIGN KEY (`survivor_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merged_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merged_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`undone_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `customer_merges_survivor_idx` ON `customer_merges` (`survivor_id`);--> statement-breakpoint
CREATE INDEX `customer_merges_merged_idx` ON `customer_merges` (`merged_id`);--> statement-breakpoint
CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`status` text NOT NULL,
	`row_count` integer NOT NULL,
	`created_count` integer NOT NULL,
	`updated_count` integer NOT NULL,
	`skipped_count` integer NOT NULL,
	`undo` text NOT NULL,
	`imported_at` text NOT NULL,
	`imported_by` integer,
	`reverted_at` text,
	`reverted_by` integer,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reverted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `callback_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`task_ids` text NOT NULL,
	`started_at` text NOT NULL,
	`ended_at` text NOT NULL,
	`outcome` text NOT NULL,
	`appointment_at` text,
	`call_back_at` text,
	`notes` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `callback_attempts_customer_idx` ON `callback_attempts` (`customer_id`);--> statement-breakpoint
CREATE INDEX `callback_attempts_user_idx` ON `callback_attempts` (`user_id`,`ended_at`);--> statement-breakpoint
CREATE TABLE `callback_outcome_settings` (
	`outcome` text PRIMARY KEY NOT NULL,
	`recycle_minutes` integer DEFAULT 0 NOT NULL,
	`counts_attempt` integer DEFAULT true NOT NULL,
	`closes_task` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `callback_rules` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`offset_days` integer DEFAULT 0 NOT NULL,
	`window_days` integer DEFAULT 7 NOT NULL,
	`priority` integer DEFAULT 3 NOT NULL,
	`script` text DEFAULT '' NOT NULL,
	`expiry_days` integer DEFAULT 15 NOT NULL,
	`max_attempts` integer DEFAULT 3 NOT NULL,
	`consent_purpose` text NOT NULL,
	`params` text DEFAULT '{}' NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `callback_tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`vehicle_id` integer,
	`service_visit_id` integer,
	`rule_code` text NOT NULL,
	`anchor_date` text NOT NULL,
	`due_date` text NOT NULL,
	`expires_on` text NOT NULL,
	`priority` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`skip_reason` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`assigned_user_id` integer,
	`claimed_by` integer,
	`claim_expires_at` text,
	`last_outcome` text,
	`notes` text,
	`completed_at` text,
	`completed_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_visit_id`) REFERENCES `service_visits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claimed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`completed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `callback_tasks_queue_idx` ON `callback_tasks` (`status`,`due_date`,`priority`);--> statement-breakpoint
CREATE INDEX `callback_tasks_customer_idx` ON `callback_tasks` (`customer_id`,`status`);--> statement-breakpoint
CREATE INDEX `callback_tasks_assigned_idx` ON `callback_tasks` (`assigned_user_id`,`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `callback_tasks_claim_idx` ON `callback_tasks` (`claimed_by`,`claim_expires_at`);--> statement-breakpoint
CREATE TABLE `csi_surveys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`task_id` integer,
	`attempt_id` integer,
	`kind` text NOT NULL,
	`overall` text NOT NULL,
	`nps` integer,
	`advisor_score` integer,
	`quality_score` integer,
	`timeliness_score` integer,
	`price_score` integer,
	`facility_score` integer,
	`notes` text,
	`surveyed_at` text NOT NULL,
	`user_id` integer,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`task_id`) REFERENCES `callback_tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`attempt_id`) REFERENCES `callback_attempts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `csi_surveys_customer_idx` ON `csi_surveys` (`customer_id`);--> statement-breakpoint
CREATE INDEX `csi_surveys_date_idx` ON `csi_surveys` (`surveyed_at`);