CREATE TABLE `store_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `customers` ADD `contact_person` text;--> statement-breakpoint
ALTER TABLE `customers` ADD `contact_title` text;--> statement-breakpoint
ALTER TABLE `callback_attempts` ADD `effects` text;--> statement-breakpoint
ALTER TABLE `callback_attempts` ADD `undone_at` text;--> statement-breakpoint
ALTER TABLE `callback_attempts` ADD `undone_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `callback_attempts` ADD `undo_reason` text;