import type Database from 'better-sqlite3';
import type { InteractionTimelineItem, TimelineItem, TimelinePage } from '../../contract/customers';
import { interactionKinds } from '../../contract/customers';
import { AppError } from '../../contract/errors';
import type { VisitTimelineItem } from '../../contract/vehicles';
import { visitTypes } from '../../contract/vehicles';
import { localDate, storeDayStart } from '../clock';
import { prepared } from './sql-cache';

/**
 * One timeline from two tables: service visits (a date) and interactions (an instant). A visit sorts at the
 * start of its local day, so the calls and notes of that day come above it; at the very same instant a
 * contact comes before a visit, then the higher id first. Each page reads at most limit + 1 rows from each
 * table through its (customer_id, date) index and merges them: deep pages cost what the first one does.
 */

interface Cursor {
  /** Sort key of the last item shown (ISO instant). */
  k: string;
  /** 1 interaction, 0 visit: the tie-break at equal keys. */
  s: 0 | 1;
  id: number;
}

export interface TimelineQuery {
  customerId: number;
  kinds?: string[] | undefined;
  limit: number;
  cursor?: string | null | undefined;
}

/** The instant a visit sorts at: the start of its store day. */
export function visitSortKey(date: string): string {
  return storeDayStart(date).toISOString();
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(raw: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString()) as Cursor;
    if (
      typeof c.k !== 'string' ||
      Number.isNaN(Date.parse(c.k)) ||
      (c.s !== 0 && c.s !== 1) ||
      !Number.isInteger(c.id)
    ) {
      throw new Error('shape');
    }
    return c;
  } catch {
    throw new AppError('validation', '时间线分页位置无效，请刷新');
  }
}

export const timelineSql = {
  visits: (
    typeCount: number,
  ) => `select s.id, s.visit_date as date, s.type as kind, s.customer_id as customerId,
      s.vehicle_id as vehicleId, v.plate, v.series, s.mileage_km as mileageKm, s.amount_fen as amountFen, s.advisor, s.notes,
      s.repair_system as repairSystem, s.out_date as outDate
    from service_visits s join vehicles v on v.id = s.vehicle_id
    where s.customer_id = ? and s.visit_date <= ? and (s.visit_date < ? or s.id < ?)
      ${typeCount ? `and s.type in (${Array(typeCount).fill('?').join(',')})` : ''}
    order by s.visit_date desc, s.id desc limit ?`,
  interactions: (kindCount: number) => `select i.id, i.occurred_at as at, i.kind, i.direction, i.summary,
      u.display_name as userName, i.ref_type as refType, i.ref_id as refId,
      ca.undone_at as undoneAt, ca.undo_reason as undoReason, uu.display_name as undoneBy
    from interactions i left join users u on u.id = i.user_id
      left join callback_attempts ca on i.ref_type = 'callback_attempt' and ca.id = i.ref_id and ca.undone_at is not null
      left join users uu on uu.id = ca.undone_by
    where i.customer_id = ? and i.occurred_at <= ? and (i.occurred_at < ? or i.id < ?)
      ${kindCount ? `and i.kind in (${Array(kindCount).fill('?').join(',')})` : ''}
    order by i.occurred_at desc, i.id desc limit ?`,
};

interface UndoColumns {
  undoneAt: string | null;
  undoReason: string | null;
  undoneBy: string | null;
}

const noBound = Number.MAX_SAFE_INTEGER;
const visitKinds = new Set<string>(visitTypes);
const contactKinds = new Set<string>(interactionKinds);

/** Where each table resumes after the cursor, as (date or instant, id below which equal keys continue). */
function bounds(c: Cursor | null): { visit: [string, number]; contact: [string, number] } {
  if (!c) return { visit: ['9999-12-31', noBound], contact: ['9999', noBound] };
  const day = localDate(new Date(c.k));
  // Visits of `day` sort at its midnight: at or before the cursor, so they all follow unless the cursor is
  // exactly that midnight, where ties go contact first, then by id.
  const atMidnight = visitSortKey(day) === c.k;
  return {
    visit: [day, atMidnight && c.s === 0 ? c.id : noBound],
    // A contact at the cursor's instant follows only a contact with a higher id; after a visit none does.
    contact: [c.k, c.s === 1 ? c.id : 0],
  };
}

const rank = (i: TimelineItem) => (i.source === 'interaction' ? 1 : 0);

function newerFirst(a: TimelineItem, b: TimelineItem): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  if (rank(a) !== rank(b)) return rank(b) - rank(a);
  return b.id - a.id;
}

export function readTimeline(sqlite: Database.Database, q: TimelineQuery): TimelinePage {
  const kinds = q.kinds?.length ? q.kinds : null;
  const types = kinds ? kinds.filter((k) => visitKinds.has(k)) : [];
  const contacts = kinds ? kinds.filter((k) => contactKinds.has(k)) : [];
  const b = bounds(q.cursor ? decodeCursor(q.cursor) : null);
  const take = q.limit + 1;

  const visits: VisitTimelineItem[] =
    kinds && types.length === 0
      ? []
      : (
          prepared(sqlite, timelineSql.visits(types.length)).all(
            q.customerId,
            b.visit[0],
            b.visit[0],
            b.visit[1],
            ...types,
            take,
          ) as Omit<VisitTimelineItem, 'source' | 'at'>[]
        ).map((r) => ({ source: 'visit', at: visitSortKey(r.date), ...r }));
  const interactions: InteractionTimelineItem[] =
    kinds && contacts.length === 0
      ? []
      : (
          prepared(sqlite, timelineSql.interactions(contacts.length)).all(
            q.customerId,
            b.contact[0],
            b.contact[0],
            b.contact[1],
            ...contacts,
            take,
          ) as (Omit<InteractionTimelineItem, 'source' | 'undone'> & UndoColumns)[]
        ).map(({ undoneAt, undoReason, undoneBy, ...r }) => ({
          source: 'interaction',
          ...r,
          undone: undoneAt ? { at: undoneAt, userName: undoneBy, reason: undoReason ?? '' } : null,
        }));

  const merged = [...visits, ...interactions].sort(newerFirst);
  const items = merged.slice(0, q.limit);
  const last = items[items.length - 1];
  const nextCursor =
    merged.length > q.limit && last
      ? encodeCursor({ k: last.at, s: last.source === 'interaction' ? 1 : 0, id: last.id })
      : null;
  return { items, nextCursor };
}
