-- The kept month figures (report_month_cache) are rows of 0.7–5 MB. In a WITHOUT ROWID table a seek by
-- (kind, month) reads each overflowing row it passes in full to compare keys, so the visit and grade triggers'
-- deletes cost ~1.3 ms per write at scale L even when nothing is deleted. As a rowid table the key lives in its
-- own small index and the same delete costs microseconds. The rows are a cache: dropped, worked out again.
DROP TABLE `report_month_cache`;
--> statement-breakpoint
CREATE TABLE `report_month_cache` (
	`kind` text NOT NULL,
	`month` text NOT NULL,
	`key` text NOT NULL,
	`data` text NOT NULL,
	PRIMARY KEY(`kind`, `month`)
);
