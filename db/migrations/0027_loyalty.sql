CREATE TABLE `loyalty_adjustments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`points` integer NOT NULL,
	`reason` text NOT NULL,
	`state` text NOT NULL,
	`requested_by` integer,
	`requested_at` text NOT NULL,
	`decided_by` integer,
	`decided_at` text,
	`decision_note` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `loyalty_adjustments_state_idx` ON `loyalty_adjustments` (`state`,`id`);--> statement-breakpoint
CREATE INDEX `loyalty_adjustments_customer_idx` ON `loyalty_adjustments` (`customer_id`);--> statement-breakpoint
CREATE TABLE `loyalty_members` (
	`customer_id` integer PRIMARY KEY NOT NULL,
	`tier` text DEFAULT 'regular' NOT NULL,
	`tier_since` text,
	`referral_code` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `loyalty_members_code_idx` ON `loyalty_members` (`referral_code`);--> statement-breakpoint
CREATE INDEX `loyalty_members_tier_idx` ON `loyalty_members` (`tier`,`customer_id`);--> statement-breakpoint
CREATE TABLE `loyalty_postings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`kind` text NOT NULL,
	`source` text NOT NULL,
	`source_table` text NOT NULL,
	`source_id` integer NOT NULL,
	`import_batch_id` integer,
	`points` integer NOT NULL,
	`posted_on` text NOT NULL,
	`expires_on` text,
	`reason` text,
	`approved_by` integer,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `loyalty_postings_customer_idx` ON `loyalty_postings` (`customer_id`,`id`,`points`);--> statement-breakpoint
CREATE INDEX `loyalty_postings_source_idx` ON `loyalty_postings` (`source_table`,`source_id`,`customer_id`);--> statement-breakpoint
CREATE INDEX `loyalty_postings_expiry_idx` ON `loyalty_postings` (`expires_on`,`customer_id`) WHERE "loyalty_postings"."expires_on" is not null;--> statement-breakpoint
CREATE INDEX `loyalty_postings_earned_idx` ON `loyalty_postings` (`posted_on`,`customer_id`,`points`) WHERE "loyalty_postings"."kind" in ('earn', 'reverse');--> statement-breakpoint
CREATE INDEX `loyalty_postings_batch_idx` ON `loyalty_postings` (`import_batch_id`) WHERE "loyalty_postings"."import_batch_id" is not null;--> statement-breakpoint
CREATE TABLE `loyalty_redemptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`voucher_no` text NOT NULL,
	`customer_id` integer NOT NULL,
	`reward_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`points` integer NOT NULL,
	`redeemed_on` text NOT NULL,
	`redeemed_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reward_id`) REFERENCES `loyalty_rewards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`redeemed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `loyalty_redemptions_voucher_idx` ON `loyalty_redemptions` (`voucher_no`);--> statement-breakpoint
CREATE INDEX `loyalty_redemptions_customer_idx` ON `loyalty_redemptions` (`customer_id`,`id`);--> statement-breakpoint
CREATE TABLE `loyalty_rewards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`points_price` integer NOT NULL,
	`stock` integer,
	`active` integer DEFAULT true NOT NULL,
	`description` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `loyalty_tier_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`from_tier` text NOT NULL,
	`to_tier` text NOT NULL,
	`changed_on` text NOT NULL,
	`cause` text NOT NULL,
	`reason` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `loyalty_tier_changes_customer_idx` ON `loyalty_tier_changes` (`customer_id`,`id`);