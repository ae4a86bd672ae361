CREATE TABLE `complaint_alerts` (
	`ticket_id` integer NOT NULL,
	`timer` text NOT NULL,
	`kind` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`ticket_id`, `timer`, `kind`),
	FOREIGN KEY (`ticket_id`) REFERENCES `complaint_tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `complaint_attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`kind` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`stored_path` text NOT NULL,
	`thumb_path` text,
	`thumb_mime` text,
	`note` text,
	`uploaded_at` text NOT NULL,
	`uploaded_by` integer,
	FOREIGN KEY (`ticket_id`) REFERENCES `complaint_tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `complaint_attachments_ticket_idx` ON `complaint_attachments` (`ticket_id`,`id`);--> statement-breakpoint
CREATE TABLE `complaint_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`kind` text NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`note` text,
	`data` text,
	FOREIGN KEY (`ticket_id`) REFERENCES `complaint_tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `complaint_events_ticket_idx` ON `complaint_events` (`ticket_id`,`id`);--> statement-breakpoint
CREATE TABLE `complaint_pauses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`reason` text NOT NULL,
	`note` text,
	`started_at` text NOT NULL,
	`started_by` integer,
	`ended_at` text,
	`ended_by` integer,
	FOREIGN KEY (`ticket_id`) REFERENCES `complaint_tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`started_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ended_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `complaint_pauses_ticket_idx` ON `complaint_pauses` (`ticket_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `complaint_reviews` (
	`ticket_id` integer PRIMARY KEY NOT NULL,
	`root_cause` text NOT NULL,
	`corrective_action` text NOT NULL,
	`owner_user_id` integer,
	`due_date` text NOT NULL,
	`preventable` integer NOT NULL,
	`done_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`ticket_id`) REFERENCES `complaint_tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `complaint_solutions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`proposal` text NOT NULL,
	`goodwill_fen` integer DEFAULT 0 NOT NULL,
	`labour_discount_fen` integer DEFAULT 0 NOT NULL,
	`parts_discount_fen` integer DEFAULT 0 NOT NULL,
	`gift` text,
	`gift_value_fen` integer DEFAULT 0 NOT NULL,
	`total_fen` integer DEFAULT 0 NOT NULL,
	`state` text NOT NULL,
	`needs_approval` integer DEFAULT false NOT NULL,
	`proposed_at` text NOT NULL,
	`proposed_by` integer,
	`approved_at` text,
	`approved_by` integer,
	`approval_note` text,
	`answered_at` text,
	`answered_by` integer,
	`answer_note` text,
	FOREIGN KEY (`ticket_id`) REFERENCES `complaint_tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `complaint_solutions_ticket_idx` ON `complaint_solutions` (`ticket_id`,`id`);--> statement-breakpoint
CREATE INDEX `complaint_solutions_state_idx` ON `complaint_solutions` (`state`);--> statement-breakpoint
CREATE TABLE `complaint_tickets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_no` text NOT NULL,
	`customer_id` integer NOT NULL,
	`vehicle_id` integer,
	`channel` text NOT NULL,
	`category` text NOT NULL,
	`description` text NOT NULL,
	`demand` text,
	`received_at` text NOT NULL,
	`received_by` integer,
	`facts` text NOT NULL,
	`suggested_grade` text NOT NULL,
	`grade` text NOT NULL,
	`grade_reason` text,
	`repeat_of_id` integer,
	`is_repeat` integer DEFAULT false NOT NULL,
	`department_id` integer,
	`owner_user_id` integer,
	`manager_user_id` integer,
	`state` text NOT NULL,
	`resume_state` text,
	`manufacturer_case_no` text,
	`manufacturer_due_at` text,
	`first_response_at` text,
	`solution_agreed_at` text,
	`closed_at` text,
	`resolution_summary` text,
	`root_cause` text,
	`resolved_at_first_contact` integer,
	`reopen_count` integer DEFAULT 0 NOT NULL,
	`closure_task_id` integer,
	`closure_answer` text,
	`closure_answered_at` text,
	`source_task_id` integer,
	`source_attempt_id` integer,
	`first_response_due_at` text,
	`solution_due_at` text,
	`close_due_at` text,
	`first_response_breached` integer DEFAULT false NOT NULL,
	`solution_breached` integer DEFAULT false NOT NULL,
	`close_breached` integer DEFAULT false NOT NULL,
	`manufacturer_breached` integer DEFAULT false NOT NULL,
	`next_due_at` text,
	`created_at` text NOT NULL,
	`created_by` integer,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vehicle_id`) REFERENCES `vehicles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`received_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`repeat_of_id`) REFERENCES `complaint_tickets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`manager_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closure_task_id`) REFERENCES `callback_tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_task_id`) REFERENCES `callback_tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_attempt_id`) REFERENCES `callback_attempts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaint_tickets_ticket_no_unique` ON `complaint_tickets` (`ticket_no`);--> statement-breakpoint
CREATE INDEX `complaint_tickets_customer_idx` ON `complaint_tickets` (`customer_id`,`received_at`);--> statement-breakpoint
CREATE INDEX `complaint_tickets_vehicle_idx` ON `complaint_tickets` (`vehicle_id`,`category`,`received_at`) WHERE "complaint_tickets"."vehicle_id" is not null;--> statement-breakpoint
CREATE INDEX `complaint_tickets_state_due_idx` ON `complaint_tickets` (`state`,`next_due_at`);--> statement-breakpoint
CREATE INDEX `complaint_tickets_department_idx` ON `complaint_tickets` (`department_id`,`state`,`next_due_at`);--> statement-breakpoint
CREATE INDEX `complaint_tickets_owner_idx` ON `complaint_tickets` (`owner_user_id`,`state`,`next_due_at`) WHERE "complaint_tickets"."owner_user_id" is not null;--> statement-breakpoint
CREATE INDEX `complaint_tickets_manager_idx` ON `complaint_tickets` (`manager_user_id`,`state`) WHERE "complaint_tickets"."manager_user_id" is not null;--> statement-breakpoint
CREATE INDEX `complaint_tickets_received_idx` ON `complaint_tickets` (`received_at`);--> statement-breakpoint
CREATE INDEX `complaint_tickets_closed_idx` ON `complaint_tickets` (`closed_at`) WHERE "complaint_tickets"."closed_at" is not null;--> statement-breakpoint
CREATE INDEX `complaint_tickets_closure_task_idx` ON `complaint_tickets` (`closure_task_id`) WHERE "complaint_tickets"."closure_task_id" is not null;--> statement-breakpoint
CREATE INDEX `complaint_tickets_source_attempt_idx` ON `complaint_tickets` (`source_attempt_id`) WHERE "complaint_tickets"."source_attempt_id" is not null;--> statement-breakpoint
CREATE INDEX `complaint_tickets_source_task_idx` ON `complaint_tickets` (`source_task_id`) WHERE "complaint_tickets"."source_task_id" is not null;--> statement-breakpoint
CREATE INDEX `complaint_tickets_repeat_of_idx` ON `complaint_tickets` (`repeat_of_id`) WHERE "complaint_tickets"."repeat_of_id" is not null;--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`body` text,
	`ref_type` text,
	`ref_id` integer,
	`created_at` text NOT NULL,
	`read_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`id`);--> statement-breakpoint
CREATE INDEX `notifications_unread_idx` ON `notifications` (`user_id`) WHERE "notifications"."read_at" is null;--> statement-breakpoint
-- The 结案回访 call a closed complaint ticket puts in the call-back queue (not generated from data: closing creates it).
INSERT INTO callback_rules (code, name, enabled, offset_days, window_days, priority, script, expiry_days, max_attempts, consent_purpose, params) VALUES
  ('complaint_closure', '投诉结案回访', 1, 1, 1, 1, '{name}{title}您好，我是{store}客服。您之前反映的问题我们已经处理完毕，想跟您确认一下：您对这次的处理结果满意吗？还有哪些地方需要我们改进？', 7, 3, 'service', '{}');
