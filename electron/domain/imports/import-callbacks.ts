import type Database from 'better-sqlite3';
import { regenerateAll } from '../callbacks/full-regeneration';
import { regenerateMany } from '../callbacks/regenerate-for-customer';
import { localDate } from '../clock';
import type { ServiceContext } from '../context';
import type { ImportUndo, StoredRow } from './import-undo';

const inJson = 'in (select value from json_each(?))';

// Above this many new customers, and a twentieth of the store's customers, one set-based pass over everybody is
// cheaper than the per-customer path (about 1 ms a customer; the full pass took 2.4 s on a fresh 50k database and
// 12–16 s at scale L, on a loaded 2-core machine).
const bulkMinCustomers = 2000;

/**
 * Lets the call-back rules react to imported data inside the import's transaction, and records what they did so
 * a revert can take it back: tasks created for the import's customers (ids above the previous maximum) and
 * existing customers' tasks they changed. Existing customers always go through the incremental path, which also
 * moves and cancels tasks; a large number of new customers (who have no tasks yet) goes through the set-based
 * full generation, which only adds tasks — and does for everybody what the day's first generation would do.
 */
export function regenerateForImport(
  ctx: ServiceContext,
  undo: ImportUndo,
  customerIds: number[],
  progress: (done: number) => void,
): void {
  const sqlite = ctx.db.$client;
  const created = new Set(undo.created.customers);
  const existingIds = customerIds.filter((id) => !created.has(id));
  const existing = JSON.stringify(existingIds);
  const { maxTask } = sqlite.prepare('select coalesce(max(id), 0) as maxTask from callback_tasks').get() as {
    maxTask: number;
  };
  const before = new Map(
    (
      sqlite.prepare(`select * from callback_tasks where customer_id ${inJson}`).all(existing) as StoredRow[]
    ).map((r) => [r.id, r]),
  );
  const { customers } = sqlite.prepare('select count(*) as customers from customers').get() as {
    customers: number;
  };
  const bulk = created.size >= bulkMinCustomers && created.size * 20 >= customers;
  if (bulk) {
    const now = ctx.clock();
    regenerateAll(sqlite, localDate(now), now.toISOString());
  }
  const oneByOne = bulk ? existingIds : customerIds;
  // As regenerateCallbacksForCustomer for each, with their facts read for many at once.
  const at = ctx.clock();
  regenerateMany(sqlite, oneByOne, localDate(at), at.toISOString(), progress);
  undo.created.callbackTasks = (
    sqlite
      .prepare(`select id from callback_tasks where id > ? and customer_id ${inJson} order by id`)
      .all(maxTask, JSON.stringify(customerIds)) as { id: number }[]
  ).map((r) => r.id);
  const after = sqlite
    .prepare(`select id, version from callback_tasks where customer_id ${inJson} and id <= ?`)
    .all(existing, maxTask) as { id: number; version: number }[];
  for (const { id, version } of after) {
    const row = before.get(id);
    if (row && row.version !== version) undo.updated.callbackTasks.push({ row, versionAfter: version });
  }
}

/**
 * Puts back the tasks an import's regeneration changed. Tasks are derived data: one changed again since (worked,
 * expired) is left as it is rather than blocking the revert; the rules run again afterwards anyway. One UPDATE
 * per set of columns stored (all of them, normally one set), in the order the rows were stored: late in a large
 * revert's transaction an UPDATE of a task by id cost ~13 ms at scale L (1,677 tasks of a 50k-order revert took
 * 15–22 s one by one).
 */
export function restoreCallbackTasks(sqlite: Database.Database, undo: ImportUndo): void {
  const sets = new Map<string, { cols: string[]; rows: unknown[] }>();
  for (const { row, versionAfter } of undo.updated.callbackTasks ?? []) {
    const cols = Object.keys(row).filter((c) => c !== 'id');
    const key = cols.join(',');
    const set = sets.get(key) ?? { cols, rows: [] };
    set.rows.push([row.id, versionAfter, ...cols.map((c) => row[c])]);
    sets.set(key, set);
  }
  for (const { cols, rows } of sets.values()) {
    // A stored row's values are JSON's (integers, text, null); ->> gives each back as the SQL value it was.
    sqlite
      .prepare(
        `update callback_tasks as t set ${cols.map((c, i) => `"${c}" = j.value ->> ${i + 2}`).join(', ')}
         from json_each(?) j where t.id = j.value ->> 0 and t.version = j.value ->> 1`,
      )
      .run(JSON.stringify(rows));
  }
}
