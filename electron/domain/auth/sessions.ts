import { createHash, randomBytes } from 'node:crypto';
import type { AppDb } from '../../../db/open-database';
import type { SessionUser } from '../../contract/auth';
import type { Role } from '../../contract/permissions';
import { permissions, roleCan } from '../../contract/permissions';
import { idleTimeoutDefault, storeSettingsSchema } from '../../contract/settings';
import { recordAudit } from '../audit/audit-log';
import { prepared } from '../customers/sql-cache';

/** A work day and a bit: staff sign in once per shift. */
export const sessionHours = 12;

/** What staff read when a session they had has ended by itself. */
export const sessionEndedMessages = {
  idle: '长时间未操作，已自动退出登录，请重新登录',
  expired: '登录已超过 12 小时，请重新登录',
} as const;

/**
 * last_seen_at is written at most this often, so a busy screen costs one small write a minute, not one per
 * request. It can therefore lag the last call by up to this much; the idle check adds it back, so a session
 * is never ended early.
 */
export const touchEveryMs = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function toSessionUser(row: {
  id: number;
  username: string;
  displayName: string;
  role: Role;
}): SessionUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    permissions: permissions.filter((p) => roleCan(row.role, p)),
  };
}

export function createSession(
  db: AppDb,
  userId: number,
  now: Date,
  client: string | null = null,
): { token: string; expiresAt: string } {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + sessionHours * 3600_000).toISOString();
  db.$client
    .prepare(
      `insert into sessions (token_hash, user_id, created_at, expires_at, public_id, last_seen_at, client)
       values (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      hashToken(token),
      userId,
      now.toISOString(),
      expiresAt,
      randomBytes(8).toString('hex'),
      now.toISOString(),
      client,
    );
  return { token, expiresAt };
}

// The idle setting rides along in the same statement: one lookup per request, no settings cache to go stale.
const lookupSql = `select u.id, u.username, u.display_name as displayName, u.role, s.expires_at as expiresAt,
    coalesce(s.last_seen_at, s.created_at) as lastSeenAt, s.client,
    (select value from store_settings where key = 'idleTimeoutMinutes') as idleSetting
  from sessions s join users u on u.id = s.user_id
  where s.token_hash = ? and u.disabled = 0`;

interface LookupRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  expiresAt: string;
  lastSeenAt: string;
  client: string | null;
  idleSetting: string | null;
}

/** The store's idle timeout in ms, from the stored JSON value (the default when missing or invalid). */
export function idleTimeoutMs(storedValue: string | null | undefined): number {
  const field = storeSettingsSchema.shape.idleTimeoutMinutes;
  let minutes = idleTimeoutDefault;
  if (storedValue != null) {
    try {
      const parsed = field.safeParse(JSON.parse(storedValue));
      if (parsed.success) minutes = parsed.data;
    } catch {
      // A hand-edited value that is not JSON reads as the default, as in loadStoreSettings.
    }
  }
  return minutes * 60_000;
}

/** Whether a session last seen at `lastSeenAt` has been idle too long at `now`. */
export function isIdle(lastSeenAt: string, now: Date, timeoutMs: number): boolean {
  return now.getTime() - new Date(lastSeenAt).getTime() >= timeoutMs + touchEveryMs;
}

export type SessionCheck =
  | { user: SessionUser; ended?: undefined }
  /** `ended` says why a session that existed just stopped; null for an unknown token. */
  | { user: null; ended: 'idle' | 'expired' | null };

/**
 * Looks up a token. A session past its 12 hours or idle longer than the store's timeout is deleted here and
 * reported with the reason, and its end is logged. `touch: false` is for calls the screen made by itself (polls):
 * they are answered but do not count as use, or a queue page left open would never time out.
 */
export function checkSession(
  db: AppDb,
  token: string,
  now: Date,
  opts: { touch?: boolean; client?: string | null; idle?: boolean } = {},
): SessionCheck {
  const sqlite = db.$client;
  const tokenHash = hashToken(token);
  const row = prepared(sqlite, lookupSql).get(tokenHash) as LookupRow | undefined;
  if (!row) return { user: null, ended: null };
  const owner = toSessionUser(row);
  const ended =
    row.expiresAt <= now.toISOString()
      ? 'expired'
      : opts.idle !== false && isIdle(row.lastSeenAt, now, idleTimeoutMs(row.idleSetting))
        ? 'idle'
        : null;
  if (ended) {
    sqlite.transaction(() => {
      prepared(sqlite, 'delete from sessions where token_hash = ?').run(tokenHash);
      // Logged as the owner's: it is their session, ended by the rules rather than by anyone's action.
      recordAudit(
        { db, clock: () => now, user: owner, token: null, client: opts.client ?? null },
        {
          action: 'session.ended',
          entity: 'user',
          entityId: owner.id,
          detail: { reason: ended, signedInFrom: row.client },
        },
      );
    })();
    return { user: null, ended };
  }
  if (opts.touch !== false && now.getTime() - new Date(row.lastSeenAt).getTime() >= touchEveryMs) {
    prepared(sqlite, 'update sessions set last_seen_at = ? where token_hash = ?').run(
      now.toISOString(),
      tokenHash,
    );
  }
  return { user: owner };
}

/** The signed-in user for a token, or null when it is unknown, expired, idle or the user was disabled. */
export function resolveSession(db: AppDb, token: string, now: Date): SessionUser | null {
  return checkSession(db, token, now).user;
}

export function endSession(db: AppDb, token: string): void {
  db.$client.prepare('delete from sessions where token_hash = ?').run(hashToken(token));
}

/** Ends a user's sessions, all or all but the caller's own; returns how many ended. */
export function endUserSessions(db: AppDb, userId: number, exceptToken?: string | null): number {
  if (exceptToken) {
    return db.$client
      .prepare('delete from sessions where user_id = ? and token_hash <> ?')
      .run(userId, hashToken(exceptToken)).changes;
  }
  return db.$client.prepare('delete from sessions where user_id = ?').run(userId).changes;
}

export function purgeExpiredSessions(db: AppDb, now: Date): void {
  db.$client.prepare('delete from sessions where expires_at <= ?').run(now.toISOString());
}

export interface LiveSession {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  client: string | null;
  /** The caller's own session. */
  current: boolean;
}

/** A user's sessions still usable at `now` (not expired, not idle), newest use first. */
export function liveSessions(
  db: AppDb,
  userId: number,
  now: Date,
  callerToken: string | null,
): LiveSession[] {
  const rows = db.$client
    .prepare(
      `select s.public_id as id, s.created_at as createdAt, coalesce(s.last_seen_at, s.created_at) as lastSeenAt,
         s.expires_at as expiresAt, s.client, s.token_hash as tokenHash,
         (select value from store_settings where key = 'idleTimeoutMinutes') as idleSetting
       from sessions s where s.user_id = ? and s.expires_at > ? order by lastSeenAt desc`,
    )
    .all(userId, now.toISOString()) as (Omit<LiveSession, 'current'> & {
    tokenHash: string;
    idleSetting: string | null;
  })[];
  const own = callerToken ? hashToken(callerToken) : null;
  return rows
    .filter((r) => !isIdle(r.lastSeenAt, now, idleTimeoutMs(r.idleSetting)))
    .map(({ tokenHash, idleSetting: _idle, ...r }) => ({ ...r, current: tokenHash === own }));
}

/** Ends one session of a user by its public id; false when there is no such session (already ended). */
export function endSessionById(db: AppDb, userId: number, sessionId: string): boolean {
  return (
    db.$client.prepare('delete from sessions where user_id = ? and public_id = ?').run(userId, sessionId)
      .changes > 0
  );
}
