ALTER TABLE `customers` ADD `edited_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `customers` ADD `edited_version` integer;