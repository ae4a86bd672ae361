ALTER TABLE `service_visits` ADD `ro_number` text;--> statement-breakpoint
CREATE UNIQUE INDEX `service_visits_ro_number_idx` ON `service_visits` (`ro_number`);--> statement-breakpoint
ALTER TABLE `import_batches` ADD `kind` text DEFAULT 'customers' NOT NULL;