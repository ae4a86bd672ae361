import type Database from 'better-sqlite3';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import { AppError } from '../../contract/errors';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';
import { checkStaff, readEvent, requireStatus, touchEvent } from './event-store';

const openStatuses = ['draft', 'approved', 'inviting', 'running', 'done'] as const;

function readItem(sqlite: Database.Database, id: number): { id: number; eventId: number } {
  const item = prepared(sqlite, 'select id, event_id as eventId from event_checklist_items where id = ?').get(
    id,
  ) as { id: number; eventId: number } | undefined;
  if (!item) throw new AppError('not_found', `筹备任务（编号 ${id}）不存在或已被删除`);
  return item;
}

/** Adds a preparation task (at the end of the list) or edits one of this event's. */
export function saveChecklistItem(
  ctx: AuthedContext,
  input: ChannelParsedInput<'events.saveChecklistItem'>,
): ChannelOutput<'events.saveChecklistItem'> {
  const sqlite = ctx.db.$client;
  const now = ctx.clock().toISOString();
  return sqlite
    .transaction(() => {
      const e = readEvent(sqlite, input.eventId);
      requireStatus(e, openStatuses, '修改筹备清单');
      checkStaff(sqlite, input.ownerUserId, 'ownerUserId');
      const values = {
        kind: input.kind,
        title: input.title,
        owner: input.ownerUserId ?? null,
        dueOn: input.dueOn ?? null,
      };
      let id: number;
      if (input.id != null) {
        const item = readItem(sqlite, input.id);
        if (item.eventId !== e.id) throw new AppError('validation', '该筹备任务不属于这个活动');
        prepared(
          sqlite,
          'update event_checklist_items set kind = @kind, title = @title, owner_user_id = @owner, due_on = @dueOn where id = @id',
        ).run({ ...values, id: item.id });
        id = item.id;
      } else {
        id = Number(
          prepared(
            sqlite,
            `insert into event_checklist_items (event_id, kind, title, owner_user_id, due_on, sort)
             values (@eventId, @kind, @title, @owner, @dueOn,
               (select coalesce(max(sort), -1) + 1 from event_checklist_items where event_id = @eventId))`,
          ).run({ ...values, eventId: e.id }).lastInsertRowid,
        );
      }
      touchEvent(sqlite, e.id, now);
      return { id };
    })
    .immediate();
}

/** Done records who ticked it and when; not done again clears both. */
export function setChecklistDone(
  ctx: AuthedContext,
  input: ChannelParsedInput<'events.setChecklistDone'>,
): ChannelOutput<'events.setChecklistDone'> {
  const sqlite = ctx.db.$client;
  const now = ctx.clock().toISOString();
  return sqlite
    .transaction(() => {
      const item = readItem(sqlite, input.id);
      requireStatus(readEvent(sqlite, item.eventId), openStatuses, '修改筹备清单');
      const doneAt = prepared(
        sqlite,
        `update event_checklist_items set
           done_at = case when @done then coalesce(done_at, @now) end,
           done_by = case when @done then coalesce(done_by, @by) end
         where id = @id returning done_at`,
      )
        .pluck()
        .get({ done: input.done ? 1 : 0, now, by: ctx.user.id, id: item.id }) as string | null;
      touchEvent(sqlite, item.eventId, now);
      return { id: item.id, doneAt };
    })
    .immediate();
}

export function removeChecklistItem(
  ctx: AuthedContext,
  input: ChannelParsedInput<'events.removeChecklistItem'>,
): ChannelOutput<'events.removeChecklistItem'> {
  const sqlite = ctx.db.$client;
  const now = ctx.clock().toISOString();
  return sqlite
    .transaction(() => {
      const item = readItem(sqlite, input.id);
      requireStatus(readEvent(sqlite, item.eventId), openStatuses, '修改筹备清单');
      prepared(sqlite, 'delete from event_checklist_items where id = ?').run(item.id);
      touchEvent(sqlite, item.eventId, now);
      return { id: item.id };
    })
    .immediate();
}
