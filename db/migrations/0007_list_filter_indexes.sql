CREATE INDEX `customers_stage_last_visit_idx` ON `customers` (`stage`,`last_visit_at`,`id`);--> statement-breakpoint
CREATE INDEX `customers_stage_created_idx` ON `customers` (`stage`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `customers_grade_last_visit_idx` ON `customers` (`base_grade`,`last_visit_at`,`id`);--> statement-breakpoint
CREATE INDEX `customers_grade_created_idx` ON `customers` (`base_grade`,`created_at`,`id`);