CREATE INDEX `interactions_occurred_idx` ON `interactions` (`occurred_at`);--> statement-breakpoint
CREATE INDEX `vehicle_ownerships_from_idx` ON `vehicle_ownerships` (`from_date`);