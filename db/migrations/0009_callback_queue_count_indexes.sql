DROP INDEX `callback_tasks_customer_idx`;--> statement-breakpoint
CREATE INDEX `callback_tasks_resting_idx` ON `callback_tasks` (`status`,`next_attempt_at`) WHERE "callback_tasks"."next_attempt_at" is not null;--> statement-breakpoint
CREATE INDEX `callback_tasks_customer_idx` ON `callback_tasks` (`customer_id`,`status`,`due_date`,`next_attempt_at`,`priority`,`rule_code`);