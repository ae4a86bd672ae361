CREATE TABLE `crm_budget_plans` (
	`year` integer NOT NULL,
	`line` text NOT NULL,
	`planned_fen` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` integer,
	PRIMARY KEY(`year`, `line`),
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `crm_budget_spends` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`line` text NOT NULL,
	`spent_on` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`note` text NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `crm_budget_spends_year_idx` ON `crm_budget_spends` (`year`,`line`);--> statement-breakpoint
CREATE TABLE `event_agenda_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`day` text NOT NULL,
	`time` text,
	`place` text,
	`item` text NOT NULL,
	`person_in_charge` text,
	`sort` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `event_agenda_event_idx` ON `event_agenda_items` (`event_id`,`day`,`sort`);--> statement-breakpoint
CREATE TABLE `event_attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`caption` text,
	`uploaded_by` integer,
	`uploaded_at` text NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `event_attachments_event_idx` ON `event_attachments` (`event_id`);--> statement-breakpoint
CREATE TABLE `event_budget_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`category` text NOT NULL,
	`description` text,
	`planned_fen` integer DEFAULT 0 NOT NULL,
	`actual_fen` integer,
	`note` text,
	`receipt_no` text,
	`actual_by` integer,
	`actual_at` text,
	`sort` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actual_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `event_budget_event_idx` ON `event_budget_lines` (`event_id`,`sort`);--> statement-breakpoint
CREATE TABLE `event_checklist_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`owner_user_id` integer,
	`due_on` text,
	`done_at` text,
	`done_by` integer,
	`sort` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`done_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `event_checklist_event_idx` ON `event_checklist_items` (`event_id`,`sort`);--> statement-breakpoint
CREATE TABLE `event_invitees` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`customer_id` integer NOT NULL,
	`origin` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`signup_no` integer,
	`cars` integer DEFAULT 0 NOT NULL,
	`adults` integer DEFAULT 0 NOT NULL,
	`children` integer DEFAULT 0 NOT NULL,
	`decline_reason` text,
	`waitlist_at` text,
	`referred_by_id` integer,
	`invitation_task_id` integer,
	`confirmation_task_id` integer,
	`reached_at` text,
	`accepted_at` text,
	`confirmed_at` text,
	`cancelled_at` text,
	`checked_in_at` text,
	`checked_in_by` integer,
	`checked_in_cars` integer,
	`checked_in_people` integer,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`referred_by_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invitation_task_id`) REFERENCES `callback_tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmation_task_id`) REFERENCES `callback_tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`checked_in_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_invitees_event_customer_idx` ON `event_invitees` (`event_id`,`customer_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `event_invitees_signup_idx` ON `event_invitees` (`event_id`,`signup_no`) WHERE "event_invitees"."signup_no" is not null;--> statement-breakpoint
CREATE INDEX `event_invitees_status_idx` ON `event_invitees` (`event_id`,`status`);--> statement-breakpoint
CREATE INDEX `event_invitees_customer_idx` ON `event_invitees` (`customer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `event_invitees_invitation_task_idx` ON `event_invitees` (`invitation_task_id`) WHERE "event_invitees"."invitation_task_id" is not null;--> statement-breakpoint
CREATE INDEX `event_invitees_confirmation_task_idx` ON `event_invitees` (`confirmation_task_id`) WHERE "event_invitees"."confirmation_task_id" is not null;--> statement-breakpoint
CREATE TABLE `event_segments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`filters` text NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_segments_name_unique` ON `event_segments` (`name`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_no` text NOT NULL,
	`title` text NOT NULL,
	`type` text NOT NULL,
	`theme` text,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`places` text,
	`capacity_cars` integer,
	`capacity_people` integer,
	`planned_cars` integer,
	`planned_people` integer,
	`owner_user_id` integer,
	`status` text DEFAULT 'draft' NOT NULL,
	`cancel_reason` text,
	`approved_by` integer,
	`approved_at` text,
	`invitation_script` text,
	`confirmation_script` text,
	`filing_status` text DEFAULT 'not_filed' NOT NULL,
	`subsidy_requested_fen` integer DEFAULT 0 NOT NULL,
	`subsidy_approved_fen` integer DEFAULT 0 NOT NULL,
	`subsidy_received_fen` integer DEFAULT 0 NOT NULL,
	`manufacturer_gifts` text,
	`summary_due_on` text,
	`summary_strengths` text,
	`summary_shortcomings` text,
	`summary_improvements` text,
	`summary_publicity` text,
	`summary_submitted_at` text,
	`summary_submitted_by` integer,
	`created_at` text NOT NULL,
	`created_by` integer,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`summary_submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_event_no_unique` ON `events` (`event_no`);--> statement-breakpoint
CREATE INDEX `events_starts_idx` ON `events` (`starts_on`);--> statement-breakpoint
CREATE INDEX `events_status_idx` ON `events` (`status`,`starts_on`);--> statement-breakpoint
ALTER TABLE `customers` ADD `loyalty_score` integer;--> statement-breakpoint
-- 活动邀约 and 二次确认 calls an event puts in the call-back queue (not generated from data: the event's invitations
-- create them). Placeholders besides the usual: {event} {dates} {place} {agenda}.
INSERT INTO callback_rules (code, name, enabled, offset_days, window_days, priority, script, expiry_days, max_attempts, consent_purpose, params) VALUES
  ('event_invitation', '活动邀约', 1, 0, 3, 2, '{name}{title}您好，我是{store}客服。我们将于{dates}在{place}举办「{event}」，活动安排：{agenda}。诚挚邀请您参加，请问您方便参加吗？会开几台车、一共几位大人几位小朋友？', 14, 3, 'events', '{}'),
  ('event_confirmation', '活动二次确认', 1, -3, 2, 1, '{name}{title}您好，我是{store}客服。您报名的「{event}」将于{dates}在{place}举行，跟您再确认一下：您还能按时参加吗？人数和车辆有没有变化？', 3, 3, 'events', '{"daysBefore":3}');
