DROP INDEX `service_visits_vehicle_idx`;--> statement-breakpoint
CREATE INDEX `service_visits_vehicle_idx` ON `service_visits` (`vehicle_id`,`visit_date`,`id`,`type`,`mileage_km`);--> statement-breakpoint
DROP INDEX `vehicle_ownerships_vehicle_idx`;--> statement-breakpoint
CREATE INDEX `vehicle_ownerships_vehicle_idx` ON `vehicle_ownerships` (`vehicle_id`,`from_date`,`customer_id`,`to_date`);--> statement-breakpoint
DROP INDEX `callback_tasks_assigned_idx`;--> statement-breakpoint
DROP INDEX `callback_tasks_claim_idx`;--> statement-breakpoint
DROP INDEX `callback_tasks_vehicle_idx`;--> statement-breakpoint
CREATE INDEX `callback_tasks_assigned_idx` ON `callback_tasks` (`assigned_user_id`,`status`,`due_date`) WHERE "callback_tasks"."assigned_user_id" is not null;--> statement-breakpoint
CREATE INDEX `callback_tasks_claim_idx` ON `callback_tasks` (`claimed_by`,`claim_expires_at`) WHERE "callback_tasks"."claimed_by" is not null;--> statement-breakpoint
CREATE INDEX `callback_tasks_vehicle_idx` ON `callback_tasks` (`vehicle_id`) WHERE "callback_tasks"."vehicle_id" is not null;