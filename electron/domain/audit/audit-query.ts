import type Database from 'better-sqlite3';
import { addCalendarDays } from '../../common/store-time';
import type { AuditEntry, AuditFilters } from '../../contract/audit';
import { storeDateTimeLabel, storeDayStart } from '../clock';
import { decodeCursor, encodeCursor } from '../customers/keyset';
import { prepared } from '../customers/sql-cache';

/** A stored row with the current names of its user and customer joined in. */
interface Row {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  userDisplayName: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  customerId: number | null;
  customerName: string | null;
  client: string | null;
  detail: string | null;
}

export const entryColumns = `a.id, a.at, a.user_id as userId, a.username, u.display_name as userDisplayName, a.action,
  a.entity, a.entity_id as entityId, a.customer_id as customerId, c.name as customerName, a.client, a.detail`;
export const entryJoins = `left join users u on u.id = a.user_id left join customers c on c.id = a.customer_id`;

export function toEntry(r: Row): AuditEntry {
  let detail: Record<string, unknown> | null = null;
  if (r.detail) {
    try {
      detail = JSON.parse(r.detail) as Record<string, unknown>;
    } catch {
      // A row edited behind the app's back may not even be JSON; the verifier reports it, the viewer still shows it.
      detail = { raw: r.detail };
    }
  }
  return { ...r, atLabel: storeDateTimeLabel(new Date(r.at)), detail };
}

export interface Where {
  sql: string;
  params: unknown[];
}

/**
 * The filters as SQL on audit_log's indexes (customer; user + at; action + at; at). Store days become
 * instants, so a day is the store's midnight to midnight whatever the host's zone.
 */
export function auditWhere(f: AuditFilters): Where {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.id !== undefined) {
    parts.push('a.id = ?');
    params.push(f.id);
  }
  if (f.userId !== undefined) {
    parts.push('a.user_id = ?');
    params.push(f.userId);
  }
  if (f.customerId !== undefined) {
    parts.push('a.customer_id = ?');
    params.push(f.customerId);
  }
  if (f.actions?.length) {
    parts.push(`a.action in (${f.actions.map(() => '?').join(', ')})`);
    params.push(...f.actions);
  }
  if (f.dateFrom) {
    parts.push('a.at >= ?');
    params.push(storeDayStart(f.dateFrom).toISOString());
  }
  if (f.dateTo) {
    parts.push('a.at < ?');
    params.push(storeDayStart(addCalendarDays(f.dateTo, 1)).toISOString());
  }
  return { sql: parts.length ? parts.join(' and ') : '1', params };
}

export interface AuditPage {
  rows: AuditEntry[];
  nextCursor: string | null;
  total: number | null;
}

/** Newest first by time (ties by id), keyset paged so page 500 costs what page 1 does. */
export function queryAudit(
  sqlite: Database.Database,
  filters: AuditFilters,
  limit: number,
  cursor: string | null | undefined,
): AuditPage {
  const where = auditWhere(filters);
  const after = cursor ? decodeCursor(cursor) : null;
  const keyset = after ? ' and (a.at, a.id) < (?, ?)' : '';
  const rows = prepared(
    sqlite,
    `select ${entryColumns} from audit_log a ${entryJoins}
     where ${where.sql}${keyset} order by a.at desc, a.id desc limit ?`,
  ).all(...where.params, ...(after ? [after.v, after.id] : []), limit + 1) as Row[];
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  const total = after
    ? null
    : (prepared(sqlite, `select count(*) from audit_log a where ${where.sql}`)
        .pluck()
        .get(...where.params) as number);
  return {
    rows: page.map(toEntry),
    nextCursor: more && last ? encodeCursor({ v: last.at, id: last.id }) : null,
    total,
  };
}
