CREATE TABLE `customer_erasures` (
	`customer_id` integer PRIMARY KEY NOT NULL,
	`request_id` integer NOT NULL,
	`erased_at` text NOT NULL,
	`erased_by` integer,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `subject_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`erased_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `subject_request_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`user_name` text,
	`action` text NOT NULL,
	`from_state` text,
	`to_state` text,
	`note` text,
	FOREIGN KEY (`request_id`) REFERENCES `subject_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `subject_request_events_request_idx` ON `subject_request_events` (`request_id`,`id`);--> statement-breakpoint
CREATE TABLE `subject_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_id` integer NOT NULL,
	`kind` text NOT NULL,
	`channel` text NOT NULL,
	`identity_check` text NOT NULL,
	`identity_note` text,
	`received_on` text NOT NULL,
	`deadline` text NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`refusal_reason` text,
	`handler_user_id` integer,
	`notes` text,
	`created_at` text NOT NULL,
	`created_by` integer,
	`updated_at` text NOT NULL,
	`closed_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handler_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `subject_requests_state_deadline_idx` ON `subject_requests` (`state`,`deadline`);--> statement-breakpoint
CREATE INDEX `subject_requests_customer_idx` ON `subject_requests` (`customer_id`);