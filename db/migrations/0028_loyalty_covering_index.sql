DROP INDEX `loyalty_postings_customer_idx`;--> statement-breakpoint
CREATE INDEX `loyalty_postings_customer_idx` ON `loyalty_postings` (`customer_id`,`id`,`points`,`kind`,`expires_on`);