CREATE INDEX `customers_merged_into_idx` ON `customers` (`merged_into_id`);--> statement-breakpoint
CREATE INDEX `callback_tasks_vehicle_idx` ON `callback_tasks` (`vehicle_id`);