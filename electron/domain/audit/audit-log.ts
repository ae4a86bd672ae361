import type Database from 'better-sqlite3';
import type { AuditAction } from '../../contract/audit-actions';
import { maskPersonName } from '../../common/mask-name';
import { isPersonalField, maskPersonal } from '../../common/personal-mask';
import type { ServiceContext } from '../context';
import { prepared } from '../customers/sql-cache';
import type { AuditRowContent } from './audit-hash';
import { auditRowHash, genesisHash } from './audit-hash';

export interface AuditEntry {
  action: AuditAction;
  entity?: string;
  entityId?: string | number;
  /** The person the data belongs to, when it is a customer's. */
  customerId?: number | null;
  /** Reason, filter, counts… and `changes` from fieldChanges(). Never a full personal value. */
  detail?: Record<string, unknown>;
  /** Who, when there is no signed-in user yet (a failed login names the username tried). */
  username?: string;
}

export type FieldChanges = Record<string, [unknown, unknown]>;

const lastHashSql = 'select hash from audit_log order by id desc limit 1';
const insertSql = `insert into audit_log (at, user_id, username, action, entity, entity_id, customer_id, detail,
  client, prev_hash, hash) values (@at, @userId, @username, @action, @entity, @entityId, @customerId, @detail,
  @client, @prevHash, @hash)`;

/**
 * Appends one row to the audit log, chained to the last one. Call it inside the transaction of the change it
 * records, so a change and its log row land together or not at all.
 */
export function recordAudit(ctx: ServiceContext, entry: AuditEntry): void {
  appendAudit(ctx.db.$client, {
    at: ctx.clock().toISOString(),
    userId: ctx.user?.id ?? null,
    username: entry.username ?? ctx.user?.username ?? null,
    action: entry.action,
    entity: entry.entity ?? null,
    entityId: entry.entityId === undefined ? null : String(entry.entityId),
    customerId: entry.customerId ?? null,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
    client: ctx.client ?? null,
  });
}

/** The raw append, for callers without a service context (the upkeep, scripts). */
export function appendAudit(sqlite: Database.Database, row: AuditRowContent): void {
  const write = () => {
    const prev = (prepared(sqlite, lastHashSql).pluck().get() as string | undefined) ?? genesisHash;
    prepared(sqlite, insertSql).run({ ...row, prevHash: prev, hash: auditRowHash(prev, row) });
  };
  // Reading the last hash and appending must not interleave with another writer.
  if (sqlite.inTransaction) write();
  else sqlite.transaction(write).immediate();
}

/**
 * Before/after of the fields that differ, for a change's audit row. Personal fields are kept masked: the log
 * must not become a second copy of every phone number (and a person's erasure must leave none behind).
 */
export function fieldChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  fields: readonly string[] = Object.keys(after),
): FieldChanges {
  const out: FieldChanges = {};
  for (const f of fields) {
    const a = before[f] ?? null;
    const b = after[f] ?? null;
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    out[f] = [maskedForLog(f, a), maskedForLog(f, b)];
  }
  return out;
}

const nameFields = new Set(['name', 'contactPerson']);

function maskedForLog(field: string, value: unknown): unknown {
  if (typeof value !== 'string' || value === '') return value;
  if (isPersonalField(field)) return maskPersonal(field, value);
  return nameFields.has(field) ? maskPersonName(value) : value;
}
