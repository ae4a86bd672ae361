DROP INDEX `vehicles_series_idx`;--> statement-breakpoint
CREATE INDEX `vehicles_series_owner_idx` ON `vehicles` (`series`,`owner_id`);--> statement-breakpoint
DROP INDEX `customers_pinyin_idx`;--> statement-breakpoint
DROP INDEX `customers_created_idx`;--> statement-breakpoint
CREATE INDEX `customers_pinyin_idx` ON `customers` (`name_pinyin`,`id`,`last_visit_at`,`stage`,`base_grade`);--> statement-breakpoint
CREATE INDEX `customers_created_idx` ON `customers` (`created_at`,`id`,`last_visit_at`);