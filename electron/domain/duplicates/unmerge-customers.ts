import type Database from 'better-sqlite3';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import { AppError } from '../../contract/errors';
import { customerSnapshot } from '../audit/audit-shapes';
import { recordMerge } from '../audit/customer-audit';
import type { AuthedContext } from '../context';
import type { CapturedRow } from './change-capture';
import { forgetDuplicateScan } from './duplicate-scan';
import { tableLabel } from './merge-rules';
import { parseSnapshot } from './merge-snapshot';
import type { RowImage } from './row-images';
import { changedColumns, deleteRow, insertImage, readImage, updateToImage } from './row-images';

type Input = ChannelParsedInput<'customers.unmerge'>;
type Output = ChannelOutput<'customers.unmerge'>;

interface MergeLog {
  id: number;
  survivor_id: number;
  merged_id: number;
  snapshot: string;
  undone_at: string | null;
}

interface EditedRow {
  table: string;
  key: unknown[];
  columns: string[];
}

interface Planned {
  row: CapturedRow;
  current: RowImage | null;
}

function customerName(db: Database.Database, id: number): string {
  return (
    (db.prepare('select name from customers where id = ?').get(id) as { name: string } | undefined)?.name ??
    `编号 ${id}`
  );
}

function refuseIfLaterMerge(db: Database.Database, log: MergeLog): void {
  const later = db
    .prepare(
      `select id, merged_at as mergedAt from customer_merges
       where id > ? and undone_at is null and (survivor_id in (?, ?) or merged_id in (?, ?))
       order by id desc limit 1`,
    )
    .get(log.id, log.survivor_id, log.merged_id, log.survivor_id, log.merged_id) as
    { id: number; mergedAt: string } | undefined;
  if (later) {
    throw new AppError(
      'conflict',
      `这两位客户在此之后又参与了合并（合并记录 #${later.id}），请先撤销那次合并`,
      { laterMergeId: later.id },
    );
  }
}

function describeEdits(db: Database.Database, edited: EditedRow[]): string {
  const parts: string[] = [];
  const counts = new Map<string, number>();
  for (const e of edited) {
    if (e.table === 'customers') parts.push(`客户 ${customerName(db, Number(e.key[0]))} 的资料`);
    else counts.set(e.table, (counts.get(e.table) ?? 0) + 1);
  }
  for (const [table, n] of counts) parts.push(`${tableLabel(table)} ${n} 条`);
  return parts.join('、');
}

/**
 * Puts back every row the merge touched, exactly as it was before the merge. Refused when a later merge of
 * either customer is still in force (undo that first), and — unless forced — when rows the merge touched were
 * edited since: restoring would silently discard those edits, so staff see what changed and decide.
 * Rows added after the merge (a new visit, a new note) are not the merge's and stay with the survivor.
 * Call-backs are not regenerated: the restored tasks are the ones that matched the restored data.
 */
export function unmergeCustomers(ctx: AuthedContext, input: Input): Output {
  const db = ctx.db.$client;
  const now = ctx.clock().toISOString();
  const run = db.transaction((): Output => {
    const log = db.prepare('select * from customer_merges where id = ?').get(input.mergeId) as
      MergeLog | undefined;
    if (!log) throw new AppError('not_found', '合并记录不存在');
    if (log.undone_at) throw new AppError('conflict', '这次合并已经撤销过了');
    refuseIfLaterMerge(db, log);
    const snapshot = parseSnapshot(log.snapshot);
    if (snapshot.erasedAt) {
      throw new AppError(
        'conflict',
        '这次合并涉及的客户已按本人请求删除个人信息，合并前的资料已清除，合并不能撤销',
      );
    }

    const plan: Planned[] = [];
    const edited: EditedRow[] = [];
    for (const row of snapshot.rows) {
      const shape = snapshot.tables[row.table]!;
      const text = readImage(db, row.table, shape, row.key);
      const current = text === null ? null : (JSON.parse(text) as RowImage);
      const columns = changedColumns(shape, row.after, current);
      if (columns.length) edited.push({ table: row.table, key: row.key, columns });
      plan.push({ row, current });
    }
    if (edited.length && !input.force) {
      throw new AppError(
        'conflict',
        `合并之后这些记录又被修改过：${describeEdits(db, edited)}。撤销合并会丢失这些修改，请核对后选择强制撤销`,
        { edited },
      );
    }

    const survivorBefore = customerSnapshot(db, log.survivor_id);
    // Row order cannot satisfy every foreign key at each step (a restored task is referenced by a survey that
    // moves back), so the checks wait for commit; unique keys are freed first (deletes, then updates).
    db.pragma('defer_foreign_keys = ON');
    for (const { row, current } of plan) {
      if (!row.before && current) deleteRow(db, row.table, snapshot.tables[row.table]!, row.key);
    }
    for (const { row, current } of plan) {
      if (row.before && current)
        updateToImage(db, row.table, snapshot.tables[row.table]!, row.key, current, row.before);
    }
    for (const { row, current } of plan) {
      if (row.before && !current)
        insertImage(db, row.table, snapshot.tables[row.table]!, row.key, row.before);
    }
    db.prepare('update customer_merges set undone_at = ?, undone_by = ? where id = ?').run(
      now,
      ctx.user.id,
      log.id,
    );
    recordMerge(
      ctx,
      'customer.unmerged',
      { survivorId: log.survivor_id, mergedId: log.merged_id },
      survivorBefore,
      {
        mergeId: log.id,
        restoredRows: plan.length,
        discardedEdits: edited.length,
        ...(input.force ? { forced: true } : {}),
      },
    );
    return {
      mergeId: log.id,
      survivorId: log.survivor_id,
      mergedId: log.merged_id,
      restoredRows: plan.length,
      discardedEdits: edited.length,
    };
  });
  let result: Output;
  try {
    result = run.immediate();
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      throw new AppError(
        'conflict',
        '无法撤销：合并之后新增的记录引用了这次合并产生或移动的数据（例如回访任务），请先处理这些记录',
      );
    }
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      throw new AppError(
        'conflict',
        '无法撤销：合并之后新增的记录与要恢复的记录重复（例如相同的标签或回访任务），请先处理这些记录',
      );
    }
    throw e;
  }
  forgetDuplicateScan(db);
  return result;
}
