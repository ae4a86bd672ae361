ALTER TABLE `service_visits` ADD `out_date` text;--> statement-breakpoint
ALTER TABLE `service_visits` ADD `repair_system` text;--> statement-breakpoint
ALTER TABLE `service_visits` ADD `main_part_replaced` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `service_visits` ADD `main_part` text;--> statement-breakpoint
ALTER TABLE `service_visits` ADD `serious_safety` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `service_visits` ADD `fault_text` text;--> statement-breakpoint
ALTER TABLE `service_visits` ADD `version` integer DEFAULT 1 NOT NULL;