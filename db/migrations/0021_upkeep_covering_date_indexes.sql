DROP INDEX `interactions_occurred_idx`;--> statement-breakpoint
CREATE INDEX `interactions_occurred_idx` ON `interactions` (`occurred_at`,`kind`,`customer_id`);--> statement-breakpoint
DROP INDEX `service_visits_date_idx`;--> statement-breakpoint
CREATE INDEX `service_visits_date_idx` ON `service_visits` (`visit_date`,`customer_id`);--> statement-breakpoint
DROP INDEX `vehicle_ownerships_from_idx`;--> statement-breakpoint
CREATE INDEX `vehicle_ownerships_from_idx` ON `vehicle_ownerships` (`from_date`,`customer_id`);--> statement-breakpoint
DROP INDEX `vehicles_delivery_idx`;--> statement-breakpoint
CREATE INDEX `vehicles_delivery_idx` ON `vehicles` (`delivery_date`,`owner_id`);--> statement-breakpoint
DROP INDEX `csi_surveys_date_idx`;--> statement-breakpoint
CREATE INDEX `csi_surveys_date_idx` ON `csi_surveys` (`surveyed_at`,`customer_id`);