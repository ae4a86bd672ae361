import type Database from 'better-sqlite3';
import { stmt } from './statements';

/**
 * The distinct due dates of open tasks in (after, upTo], ascending: one statement that hops through the queue
 * index (status, due_date, priority) from one date to the next, a seek per date instead of a scan of every task.
 */
export function openDueDates(sqlite: Database.Database, after: string, upTo: string): string[] {
  return stmt(
    sqlite,
    `with recursive d(x) as (
       select (select min(due_date) from callback_tasks indexed by callback_tasks_queue_idx
               where status = 'open' and due_date > @after and due_date <= @upTo)
       union all
       select (select min(due_date) from callback_tasks indexed by callback_tasks_queue_idx
               where status = 'open' and due_date > d.x and due_date <= @upTo)
       from d where d.x is not null)
     select x from d where x is not null`,
  )
    .pluck()
    .all({ after, upTo }) as string[];
}
