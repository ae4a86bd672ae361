import type Database from 'better-sqlite3';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ChannelOutput } from '../../contract';
import type { AuthedContext } from '../context';
import { auditRowHash, genesisHash } from './audit-hash';
import { recordAudit } from './audit-log';

type VerifyResult = ChannelOutput<'audit.verify'>;
type Broken = NonNullable<VerifyResult['broken']>;

interface StoredRow {
  id: number;
  at: string;
  user_id: number | null;
  username: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  customer_id: number | null;
  detail: string | null;
  client: string | null;
  prev_hash: string;
  hash: string;
}

const chunkRows = 5000;

const contentOf = (r: StoredRow) => ({
  at: r.at,
  userId: r.user_id,
  username: r.username,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  customerId: r.customer_id,
  detail: r.detail,
  client: r.client,
});

/** The first problem in one row, given the hash of the row before it (genesis for the first). */
function checkRow(r: StoredRow, prevHash: string, prevId: number | null): Broken | null {
  if (r.prev_hash !== prevHash) {
    const before = prevId === null ? '链首' : `前一条记录（第 ${prevId} 条）`;
    return {
      id: r.id,
      problem: 'link',
      message: `第 ${r.id} 条记录与${before}的链接断开：其间的记录被删除、插入或改写过`,
    };
  }
  if (auditRowHash(r.prev_hash, contentOf(r)) !== r.hash) {
    return {
      id: r.id,
      problem: 'content',
      message: `第 ${r.id} 条记录在写入后被修改过（内容与其校验值不符）`,
    };
  }
  return null;
}

/**
 * Walks the chain in id order from the first row and stops at the first broken one. Works in chunks with a
 * turn of the event loop between them, so other workstations are served while a long log is checked; rows
 * appended meanwhile are checked too. Rows cut off the end leave the AUTOINCREMENT counter ahead of the last
 * id, which is reported as well.
 */
export async function walkAuditChain(sqlite: Database.Database): Promise<Omit<VerifyResult, 'verifiedAt'>> {
  const chunk = sqlite.prepare('select * from audit_log where id > ? order by id limit ?');
  // Last id and the AUTOINCREMENT counter read in one snapshot: a row another connection appends meanwhile
  // (the import worker) must not look like a row cut off the end.
  const ends = sqlite.transaction(() => ({
    maxId: (sqlite.prepare('select max(id) from audit_log').pluck().get() as number | null) ?? 0,
    seq:
      (sqlite.prepare("select seq from sqlite_sequence where name = 'audit_log'").pluck().get() as
        number | undefined) ?? 0,
  }));
  let prevHash = genesisHash;
  let prevId: number | null = null;
  let checked = 0;
  let seq = 0;
  for (;;) {
    const rows = chunk.all(prevId ?? 0, chunkRows) as StoredRow[];
    for (const r of rows) {
      const broken = checkRow(r, prevHash, prevId);
      if (broken) return { ok: false, checked, lastId: prevId, broken };
      prevHash = r.hash;
      prevId = r.id;
      checked++;
    }
    if (rows.length === chunkRows) {
      await nextTurn();
      continue;
    }
    const end = ends();
    if (end.maxId > (prevId ?? 0)) continue;
    seq = end.seq;
    break;
  }
  if (seq > (prevId ?? 0)) {
    const from = (prevId ?? 0) + 1;
    return {
      ok: false,
      checked,
      lastId: prevId,
      broken: {
        id: from,
        problem: 'missing',
        message: `最后的 ${seq - from + 1} 条记录（第 ${from}${seq > from ? `–${seq}` : ''} 条）被删除`,
      },
    };
  }
  return { ok: true, checked, lastId: prevId, broken: null };
}

/** 校验审计链 for the administrator; the check itself is logged with its result. */
export async function verifyAuditChain(ctx: AuthedContext): Promise<VerifyResult> {
  const result = await walkAuditChain(ctx.db.$client);
  recordAudit(ctx, {
    action: 'audit.verified',
    entity: 'audit',
    detail: {
      ok: result.ok,
      checked: result.checked,
      ...(result.broken ? { brokenId: result.broken.id, problem: result.broken.message } : {}),
    },
  });
  return { ...result, verifiedAt: ctx.clock().toISOString() };
}
