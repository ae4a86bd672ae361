ALTER TABLE `loyalty_redemptions` ADD `state` text DEFAULT 'issued' NOT NULL;--> statement-breakpoint
ALTER TABLE `loyalty_redemptions` ADD `closed_at` text;--> statement-breakpoint
ALTER TABLE `loyalty_redemptions` ADD `closed_by` integer REFERENCES users(id);