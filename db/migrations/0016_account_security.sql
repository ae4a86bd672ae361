CREATE TABLE `login_throttle` (
	`scope` text NOT NULL,
	`username` text NOT NULL,
	`address` text NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`level` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`last_failure_at` text NOT NULL,
	PRIMARY KEY(`scope`, `username`, `address`)
);
--> statement-breakpoint
ALTER TABLE `sessions` ADD `public_id` text;--> statement-breakpoint
ALTER TABLE `sessions` ADD `last_seen_at` text;--> statement-breakpoint
ALTER TABLE `sessions` ADD `client` text;--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_public_id_idx` ON `sessions` (`public_id`);--> statement-breakpoint
-- Sessions from before this migration: give each an id and count its idle time from its start.
UPDATE `sessions` SET `public_id` = lower(hex(randomblob(8))), `last_seen_at` = `created_at` WHERE `public_id` IS NULL;
