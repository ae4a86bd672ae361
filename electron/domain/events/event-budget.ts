import type Database from 'better-sqlite3';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import { AppError } from '../../contract/errors';
import type { BudgetCategory, EventStatus } from '../../contract/event-terms';
import { budgetCategoryLabels } from '../../contract/event-terms';
import { recordAudit } from '../audit/audit-log';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';
import type { StoredEvent } from './event-store';
import { readEvent, touchEvent } from './event-store';

interface StoredLine {
  id: number;
  eventId: number;
  category: BudgetCategory;
  plannedFen: number;
  actualFen: number | null;
}

function readLine(sqlite: Database.Database, id: number): StoredLine {
  const l = prepared(
    sqlite,
    `select id, event_id as eventId, category, planned_fen as plannedFen, actual_fen as actualFen
     from event_budget_lines where id = ?`,
  ).get(id) as StoredLine | undefined;
  if (!l) throw new AppError('not_found', `预算项（编号 ${id}）不存在或已被删除`);
  return l;
}

/** The plan is the manager's to approve: once approved it is fixed, and only actuals are entered. */
function requirePlanOpen(e: StoredEvent, field: string): void {
  if (e.status === 'draft') return;
  const message =
    e.status === 'cancelled'
      ? '活动已取消，不能修改预算'
      : '活动方案已批准，预算计划金额已固定，不能再修改；请在各预算项登记实际金额';
  throw new AppError('validation', message, { fields: { [field]: message } });
}

const actualStatuses: readonly EventStatus[] = ['approved', 'inviting', 'running', 'done', 'summarised'];

export function saveBudgetLine(
  ctx: AuthedContext,
  input: ChannelParsedInput<'events.saveBudgetLine'>,
): ChannelOutput<'events.saveBudgetLine'> {
  const sqlite = ctx.db.$client;
  const now = ctx.clock().toISOString();
  return sqlite
    .transaction(() => {
      const e = readEvent(sqlite, input.eventId);
      requirePlanOpen(e, 'plannedFen');
      const values = {
        category: input.category,
        description: input.description ?? null,
        planned: input.plannedFen,
      };
      let id: number;
      if (input.id != null) {
        const line = readLine(sqlite, input.id);
        if (line.eventId !== e.id) throw new AppError('validation', '该预算项不属于这个活动');
        prepared(
          sqlite,
          'update event_budget_lines set category = @category, description = @description, planned_fen = @planned where id = @id',
        ).run({ ...values, id: line.id });
        id = line.id;
      } else {
        id = Number(
          prepared(
            sqlite,
            `insert into event_budget_lines (event_id, category, description, planned_fen, sort)
             values (@eventId, @category, @description, @planned,
               (select coalesce(max(sort), -1) + 1 from event_budget_lines where event_id = @eventId))`,
          ).run({ ...values, eventId: e.id }).lastInsertRowid,
        );
      }
      touchEvent(sqlite, e.id, now);
      return { id };
    })
    .immediate();
}

export function removeBudgetLine(
  ctx: AuthedContext,
  input: ChannelParsedInput<'events.removeBudgetLine'>,
): ChannelOutput<'events.removeBudgetLine'> {
  const sqlite = ctx.db.$client;
  const now = ctx.clock().toISOString();
  return sqlite
    .transaction(() => {
      const line = readLine(sqlite, input.id);
      requirePlanOpen(readEvent(sqlite, line.eventId), 'id');
      prepared(sqlite, 'delete from event_budget_lines where id = ?').run(line.id);
      touchEvent(sqlite, line.eventId, now);
      return { id: line.id };
    })
    .immediate();
}

/** An actual amount, after approval only: who entered it and when are kept on the line and in the audit log. */
export function recordActual(
  ctx: AuthedContext,
  input: ChannelParsedInput<'events.recordActual'>,
): ChannelOutput<'events.recordActual'> {
  const sqlite = ctx.db.$client;
  const now = ctx.clock().toISOString();
  return sqlite
    .transaction(() => {
      const line = readLine(sqlite, input.id);
      const e = readEvent(sqlite, line.eventId);
      if (!actualStatuses.includes(e.status)) {
        const message =
          e.status === 'cancelled' ? '活动已取消，不能登记实际金额' : '活动方案批准后才能登记实际金额';
        throw new AppError('validation', message, { fields: { actualFen: message } });
      }
      prepared(
        sqlite,
        `update event_budget_lines set actual_fen = @actual, note = @note, receipt_no = @receipt, actual_by = @by,
           actual_at = @now where id = @id`,
      ).run({
        actual: input.actualFen,
        note: input.note ?? null,
        receipt: input.receiptNo ?? null,
        by: ctx.user.id,
        now,
        id: line.id,
      });
      touchEvent(sqlite, e.id, now);
      recordAudit(ctx, {
        action: 'event.actual_recorded',
        entity: 'event',
        entityId: e.id,
        detail: {
          eventNo: e.eventNo,
          lineId: line.id,
          category: budgetCategoryLabels[line.category],
          plannedFen: line.plannedFen,
          changes: { actualFen: [line.actualFen, input.actualFen] },
          ...(input.note ? { note: input.note } : {}),
          ...(input.receiptNo ? { receiptNo: input.receiptNo } : {}),
        },
      });
      return { id: line.id };
    })
    .immediate();
}
