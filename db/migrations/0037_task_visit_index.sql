-- The foreign key callback_tasks.service_visit_id gets its index: deleting a visit looked for tasks naming it by
-- scanning every task (an RO import's revert at scale L deletes 48k visits: over 15 minutes).
CREATE INDEX `callback_tasks_service_visit_idx` ON `callback_tasks` (`service_visit_id`) WHERE "callback_tasks"."service_visit_id" is not null;