import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';
import { checkVersion, fieldError, readEvent, requireStatus, touchEvent } from './event-store';

/** Replaces the whole agenda in one transaction: every day within the event's dates, kept in the order given. */
export function saveAgenda(
  ctx: AuthedContext,
  input: ChannelParsedInput<'events.saveAgenda'>,
): ChannelOutput<'events.saveAgenda'> {
  const sqlite = ctx.db.$client;
  const now = ctx.clock().toISOString();
  return sqlite
    .transaction(() => {
      const e = readEvent(sqlite, input.eventId);
      checkVersion(e, input.version);
      requireStatus(e, ['draft', 'approved', 'inviting', 'running'], '修改活动流程');
      input.items.forEach((it, i) => {
        if (it.day < e.startsOn || it.day > e.endsOn) {
          throw fieldError(
            `items.${i}.day`,
            `第 ${i + 1} 项的日期 ${it.day} 不在活动日期（${e.startsOn} 至 ${e.endsOn}）内`,
          );
        }
      });
      prepared(sqlite, 'delete from event_agenda_items where event_id = ?').run(e.id);
      const insert = prepared(
        sqlite,
        `insert into event_agenda_items (event_id, day, time, place, item, person_in_charge, sort)
         values (?, ?, ?, ?, ?, ?, ?)`,
      );
      input.items.forEach((it, i) => {
        insert.run(e.id, it.day, it.time ?? null, it.place ?? null, it.item, it.personInCharge ?? null, i);
      });
      return { id: e.id, version: touchEvent(sqlite, e.id, now, true) };
    })
    .immediate();
}
