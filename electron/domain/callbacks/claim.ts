import type Database from 'better-sqlite3';
import type { CallbackRuleCode, CallPanel } from '../../contract/callbacks';
import { AppError } from '../../contract/errors';
import { localDate } from '../clock';
import type { AuthedContext } from '../context';
import { buildCallPanel } from './call-panel';
import { skipReasons } from './consent';
import { ensureDailyGeneration } from './daily-generation';
import { openDueDates } from './open-due-dates';
import { byRuleSql, poolSql, workableSql } from './pool';
import { callbackSettings } from './settings';
import { stmt } from './statements';

interface ClaimParams {
  me: number;
  today: string;
  now: string;
  until: string;
}

function heldTaskIds(sqlite: Database.Database, me: number, now: string): number[] {
  return stmt(
    sqlite,
    `select id from callback_tasks where claimed_by = ? and claim_expires_at >= ? and status = 'open' order by id`,
  )
    .pluck()
    .all(me, now) as number[];
}

interface Candidate {
  id: number;
  customer_id: number;
  priority: number;
  due_date: string;
}

/**
 * The most urgent workable task (priority, then due date, then id) among the caller's own and the unassigned.
 * Sorting every open task would cost a scan of ~10^5 rows at scale L, so the unassigned side walks the queue
 * index (status, due_date, priority) key by key — priorities 1–5 (all the contract allows) times the few dozen
 * open due dates — and stops at the first workable row. The caller's own tasks are few: read and sorted directly.
 */
function pickCustomer(
  sqlite: Database.Database,
  p: ClaimParams,
  ruleCodes: readonly CallbackRuleCode[] | undefined,
): number | null {
  // The pool's two halves (poolSql.inPool): the caller's own tasks, then the unassigned.
  const byRule = byRuleSql(ruleCodes);
  const params = { ...p, ...(byRule ? { rules: JSON.stringify(ruleCodes) } : {}) };
  const ready = `${poolSql.ready('@now')} and ${poolSql.free('@now')} ${byRule}`;
  const mine = stmt(
    sqlite,
    `select id, customer_id, priority, due_date from callback_tasks indexed by callback_tasks_assigned_idx
     where assigned_user_id = @me and status = 'open' and due_date <= @today and ${ready}
     order by priority, due_date, id limit 1`,
  ).get(params) as Candidate | undefined;
  // The hot loop: positional parameters (binding a named-parameter object costs more than the seek) and only the
  // key columns read, so an empty key costs one index seek.
  const probe = stmt(
    sqlite,
    `select id, customer_id from callback_tasks indexed by callback_tasks_queue_idx
     where status = 'open' and due_date = ? and priority = ? and assigned_user_id is null
       and ${poolSql.ready('?')} and ${poolSql.free('?')}
       ${byRule ? 'and rule_code in (select value from json_each(?))' : ''}
     order by id limit 1`,
  ).raw();
  const rules = byRule ? [JSON.stringify(ruleCodes)] : [];
  const dates = openDueDates(sqlite, '', p.today);
  for (let priority = 1; priority <= 5; priority++) {
    if (mine && priority > mine.priority) break;
    for (const due of dates) {
      if (mine && priority === mine.priority && due > mine.due_date) break;
      const row = probe.get(due, priority, p.now, p.now, ...rules) as [number, number] | undefined;
      const hit = row && { id: row[0], customer_id: row[1] };
      if (!hit) continue;
      const mineFirst = mine && mine.priority === priority && mine.due_date === due && mine.id < hit.id;
      return mineFirst ? mine.customer_id : hit.customer_id;
    }
  }
  return mine?.customer_id ?? null;
}

/** One customer, one call: every workable task of the customer is claimed together. */
function claimCustomer(sqlite: Database.Database, customerId: number, p: ClaimParams): number[] {
  return stmt(
    sqlite,
    // Named: left to itself the planner walks every open task due by today (the queue index) instead.
    `update callback_tasks indexed by callback_tasks_customer_idx
     set claimed_by = @me, claim_expires_at = @until, updated_at = @now
     where customer_id = @customerId and ${workableSql} returning id`,
  )
    .pluck()
    .all({ ...p, customerId }) as number[];
}

/** Safety net for data changed without the incremental hook: a do-not-contact card is never handed out. */
function skipIfDoNotContact(sqlite: Database.Database, customerId: number, now: string): boolean {
  const dnc = stmt(sqlite, 'select do_not_contact from customers where id = ?').pluck().get(customerId) as
    number | undefined;
  if (dnc !== 1) return false;
  stmt(
    sqlite,
    `update callback_tasks set status = 'skipped', skip_reason = ?, claimed_by = null, claim_expires_at = null,
       updated_at = ?, version = version + 1 where customer_id = ? and status = 'open'`,
  ).run(skipReasons.doNotContact, now, customerId);
  return true;
}

/**
 * "Next call": claims atomically (one immediate transaction, so two workstations can never get the same task)
 * all workable tasks of the most urgent customer — by priority, then due date — or of the customer asked for.
 * An operator who already holds a call gets that call back instead of a second one.
 */
export function nextCall(
  ctx: AuthedContext,
  input: { customerId?: number; ruleCodes?: CallbackRuleCode[] },
): CallPanel | null {
  ensureDailyGeneration(ctx);
  const sqlite = ctx.db.$client;
  const at = ctx.clock();
  const p: ClaimParams = {
    me: ctx.user.id,
    today: localDate(at),
    now: at.toISOString(),
    until: new Date(at.getTime() + callbackSettings.claimMinutes * 60_000).toISOString(),
  };
  const claim = sqlite.transaction((): { ids: number[]; resumed: boolean } | null => {
    const held = heldTaskIds(sqlite, p.me, p.now);
    if (held.length > 0) {
      const heldCustomer = stmt(sqlite, 'select customer_id from callback_tasks where id = ?')
        .pluck()
        .get(held[0]);
      if (input.customerId !== undefined && input.customerId !== heldCustomer) {
        throw new AppError('conflict', '您还有一通回访未完成，请先记录结果或放弃后再领取下一通');
      }
      return { ids: held, resumed: true };
    }
    if (input.customerId !== undefined) {
      if (skipIfDoNotContact(sqlite, input.customerId, p.now)) {
        throw new AppError('conflict', '该客户已设置勿扰（不联系），其回访任务已跳过');
      }
      const ids = claimCustomer(sqlite, input.customerId, p);
      if (ids.length === 0) throw new AppError('conflict', '该客户当前没有可回访的任务，或已被其他专员领取');
      return { ids, resumed: false };
    }
    for (;;) {
      const customerId = pickCustomer(sqlite, p, input.ruleCodes);
      if (customerId === null) return null;
      if (skipIfDoNotContact(sqlite, customerId, p.now)) continue;
      return { ids: claimCustomer(sqlite, customerId, p), resumed: false };
    }
  });
  const claimed = claim.immediate();
  if (!claimed) return null;
  // One read transaction for the panel's dozen small queries: one snapshot, one lock instead of one per query.
  return sqlite.transaction(() => buildCallPanel(ctx, claimed.ids, claimed.resumed))();
}

export function currentCall(ctx: AuthedContext): CallPanel | null {
  const sqlite = ctx.db.$client;
  return sqlite.transaction(() => {
    const held = heldTaskIds(sqlite, ctx.user.id, ctx.clock().toISOString());
    return held.length > 0 ? buildCallPanel(ctx, held, true) : null;
  })();
}

/** Gives claimed tasks back untouched (the operator could not take the call now). */
export function releaseCall(ctx: AuthedContext, taskIds: readonly number[]): { released: number } {
  const released = stmt(
    ctx.db.$client,
    `update callback_tasks set claimed_by = null, claim_expires_at = null, updated_at = @now
     where id in (select value from json_each(@ids)) and claimed_by = @me and status = 'open'`,
  ).run({ ids: JSON.stringify(taskIds), me: ctx.user.id, now: ctx.clock().toISOString() }).changes;
  return { released };
}
