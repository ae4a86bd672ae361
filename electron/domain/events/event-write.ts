import type Database from 'better-sqlite3';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import { AppError } from '../../contract/errors';
import { fieldChanges, recordAudit } from '../audit/audit-log';
import { localDate, storeDateTimeLabel } from '../clock';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';
import { mergeOrRefuse } from '../locking/field-merge';
import { moveEventCalls } from './event-call-dates';
import { eventCounts } from './event-counts';
import type { StoredEvent } from './event-store';
import { checkStaff, fieldError, readEvent } from './event-store';

/** HD<start year>-NNN: the next number of that year. */
function nextEventNo(sqlite: Database.Database, startsOn: string): string {
  const year = startsOn.slice(0, 4);
  const last = prepared(
    sqlite,
    "select max(cast(substr(event_no, 8) as integer)) from events where event_no like 'HD' || ? || '-%'",
  )
    .pluck()
    .get(year) as number | null;
  return `HD${year}-${String((last ?? 0) + 1).padStart(3, '0')}`;
}

export function createEvent(
  ctx: AuthedContext,
  input: ChannelParsedInput<'events.create'>,
): ChannelOutput<'events.create'> {
  const sqlite = ctx.db.$client;
  const now = ctx.clock().toISOString();
  return sqlite
    .transaction(() => {
      checkStaff(sqlite, input.ownerUserId, 'ownerUserId');
      const eventNo = nextEventNo(sqlite, input.startsOn);
      const id = Number(
        prepared(
          sqlite,
          `insert into events (event_no, title, type, theme, starts_on, ends_on, places, capacity_cars, capacity_people,
             planned_cars, planned_people, owner_user_id, status, created_at, created_by, updated_at, version)
           values (@eventNo, @title, @type, @theme, @startsOn, @endsOn, @places, @capacityCars, @capacityPeople,
             @plannedCars, @plannedPeople, @ownerUserId, 'draft', @now, @by, @now, 1)`,
        ).run({
          eventNo,
          title: input.title,
          type: input.type,
          theme: input.theme ?? null,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          places: input.places ?? null,
          capacityCars: input.capacityCars ?? null,
          capacityPeople: input.capacityPeople ?? null,
          plannedCars: input.plannedCars ?? null,
          plannedPeople: input.plannedPeople ?? null,
          ownerUserId: input.ownerUserId ?? null,
          now,
          by: ctx.user.id,
        }).lastInsertRowid,
      );
      recordAudit(ctx, {
        action: 'event.created',
        entity: 'event',
        entityId: id,
        detail: { eventNo, title: input.title, startsOn: input.startsOn, endsOn: input.endsOn },
      });
      return { id, version: 1, eventNo };
    })
    .immediate();
}

const editable = [
  'title',
  'type',
  'theme',
  'startsOn',
  'endsOn',
  'places',
  'capacityCars',
  'capacityPeople',
  'plannedCars',
  'plannedPeople',
  'ownerUserId',
  'invitationScript',
  'confirmationScript',
] as const satisfies readonly (keyof StoredEvent)[];
type Editable = Pick<StoredEvent, (typeof editable)[number]>;

const columnOf: Record<(typeof editable)[number], string> = {
  title: 'title',
  type: 'type',
  theme: 'theme',
  startsOn: 'starts_on',
  endsOn: 'ends_on',
  places: 'places',
  capacityCars: 'capacity_cars',
  capacityPeople: 'capacity_people',
  plannedCars: 'planned_cars',
  plannedPeople: 'planned_people',
  ownerUserId: 'owner_user_id',
  invitationScript: 'invitation_script',
  confirmationScript: 'confirmation_script',
};

/**
 * Edits the fields given. A stale copy merges field by field (someone else's change to another field stays);
 * a field both changed differently is a conflict. The result must still hold: the end not before the start,
 * the agenda within the dates, the capacity not below the seats already held.
 */
export function updateEvent(
  ctx: AuthedContext,
  input: ChannelParsedInput<'events.update'>,
): ChannelOutput<'events.update'> {
  const sqlite = ctx.db.$client;
  const at = ctx.clock();
  const now = at.toISOString();
  return sqlite
    .transaction(() => {
      const before = readEvent(sqlite, input.id);
      if (before.status === 'cancelled' || before.status === 'summarised') {
        throw new AppError(
          'validation',
          `活动${before.status === 'cancelled' ? '已取消' : '已总结'}，不能再修改`,
        );
      }
      const given = editable.filter((f) => input[f] !== undefined);
      const mine = Object.fromEntries(given.map((f) => [f, input[f]])) as Partial<Editable>;
      const theirs = Object.fromEntries(editable.map((f) => [f, before[f]])) as Editable;
      const merged = mergeOrRefuse(
        {
          version: input.version,
          currentVersion: before.version,
          mine,
          base: input.base,
          theirs,
          fields: given,
        },
        {
          message: `活动 ${before.eventNo} 在您编辑期间有更新（${storeDateTimeLabel(new Date(before.updatedAt))}），请查看最新内容后再保存`,
          current: theirs,
        },
      );
      const next: Editable = { ...theirs, ...merged };
      checkPlan(sqlite, before, next);
      if (merged.ownerUserId !== before.ownerUserId) checkStaff(sqlite, merged.ownerUserId, 'ownerUserId');
      const changes = fieldChanges(theirs, next);
      const changed = Object.keys(changes) as (typeof editable)[number][];
      if (changed.length === 0) return { id: before.id, version: before.version };
      const version = prepared(
        sqlite,
        `update events set ${changed.map((f) => `${columnOf[f]} = @${f}`).join(', ')}, updated_at = @now,
           version = version + 1 where id = @id and version = @version returning version`,
      )
        .pluck()
        .get({
          ...Object.fromEntries(changed.map((f) => [f, next[f]])),
          now,
          id: before.id,
          version: before.version,
        }) as number | undefined;
      if (version === undefined)
        throw new AppError('conflict', '活动在您编辑期间已被他人修改，请刷新后再保存');
      // The calls still to make follow a new start, in this transaction (no call left dated for the old one).
      const calls =
        next.startsOn !== before.startsOn
          ? moveEventCalls(sqlite, before.id, before.startsOn, next.startsOn, localDate(at), now)
          : undefined;
      recordAudit(ctx, {
        action: 'event.updated',
        entity: 'event',
        entityId: before.id,
        detail: { changes, ...(calls ? { calls } : {}) },
      });
      return { id: before.id, version, ...(calls ? { calls } : {}) };
    })
    .immediate();
}

function checkPlan(sqlite: Database.Database, before: StoredEvent, next: Editable): void {
  if (next.endsOn < next.startsOn) throw fieldError('endsOn', '结束日期不能早于开始日期');
  if (next.startsOn !== before.startsOn || next.endsOn !== before.endsOn) {
    const outside = prepared(
      sqlite,
      'select day from event_agenda_items where event_id = ? and (day < ? or day > ?) order by day limit 1',
    )
      .pluck()
      .get(before.id, next.startsOn, next.endsOn) as string | undefined;
    if (outside) {
      throw fieldError(
        next.startsOn !== before.startsOn ? 'startsOn' : 'endsOn',
        `活动流程中有 ${outside} 的安排，不在新的活动日期内：请先调整流程`,
      );
    }
  }
  // Only a capacity being changed is checked: raising one must not be refused for the other.
  const held = eventCounts(sqlite, before.id).accepted;
  if (
    next.capacityCars !== before.capacityCars &&
    next.capacityCars != null &&
    next.capacityCars < held.cars
  ) {
    throw fieldError('capacityCars', `车辆容量不能少于已报名占用的 ${held.cars} 辆车`);
  }
  if (
    next.capacityPeople !== before.capacityPeople &&
    next.capacityPeople != null &&
    next.capacityPeople < held.people
  ) {
    throw fieldError('capacityPeople', `人数容量不能少于已报名占用的 ${held.people} 人`);
  }
}
