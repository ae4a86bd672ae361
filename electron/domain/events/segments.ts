import type Database from 'better-sqlite3';
import type { ChannelParsedInput } from '../../contract';
import type { SavedSegment } from '../../contract/event-invitations';
import { segmentFilters } from '../../contract/event-segments';
import { AppError } from '../../contract/errors';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';

interface SegmentRow {
  id: number;
  name: string;
  filters: string;
  createdById: number | null;
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
}

const segmentSelect = `select s.id, s.name, s.filters, s.created_by as createdById, u.display_name as createdByName,
  s.created_at as createdAt, s.updated_at as updatedAt
  from event_segments s left join users u on u.id = s.created_by`;

function toSegment(r: SegmentRow): SavedSegment {
  // A segment saved by an older version whose filters no longer validate reads as "everyone" rather than failing.
  const parsed = segmentFilters.safeParse(JSON.parse(r.filters));
  return {
    id: r.id,
    name: r.name,
    filters: parsed.success ? parsed.data : {},
    createdBy: r.createdById !== null ? { id: r.createdById, name: r.createdByName ?? '' } : null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function listSegments(sqlite: Database.Database): SavedSegment[] {
  return (prepared(sqlite, `${segmentSelect} order by s.name`).all() as SegmentRow[]).map(toSegment);
}

function readSegment(sqlite: Database.Database, id: number): SavedSegment {
  const row = prepared(sqlite, `${segmentSelect} where s.id = ?`).get(id) as SegmentRow | undefined;
  if (!row) throw new AppError('not_found', '该目标客群不存在或已被删除');
  return toSegment(row);
}

export function saveSegment(
  ctx: AuthedContext,
  input: ChannelParsedInput<'events.saveSegment'>,
): SavedSegment {
  const sqlite = ctx.db.$client;
  const now = ctx.clock().toISOString();
  const run = sqlite.transaction(() => {
    const clash = prepared(sqlite, 'select id from event_segments where name = ? and id <> ?')
      .pluck()
      .get(input.name, input.id ?? 0);
    if (clash !== undefined) {
      const message = `已有名为「${input.name}」的目标客群，请换一个名称`;
      throw new AppError('validation', message, { fields: { name: message } });
    }
    const filters = JSON.stringify(input.filters);
    if (input.id === undefined) {
      return Number(
        prepared(
          sqlite,
          'insert into event_segments (name, filters, created_by, created_at, updated_at) values (?, ?, ?, ?, ?)',
        ).run(input.name, filters, ctx.user.id, now, now).lastInsertRowid,
      );
    }
    const changed = prepared(
      sqlite,
      'update event_segments set name = ?, filters = ?, updated_at = ? where id = ?',
    ).run(input.name, filters, now, input.id).changes;
    if (!changed) throw new AppError('not_found', '该目标客群不存在或已被删除');
    return input.id;
  });
  return readSegment(sqlite, run.immediate());
}

export function deleteSegment(ctx: AuthedContext, id: number): { id: number } {
  const changed = prepared(ctx.db.$client, 'delete from event_segments where id = ?').run(id).changes;
  if (!changed) throw new AppError('not_found', '该目标客群不存在或已被删除');
  return { id };
}
