import { createHash, randomBytes } from 'node:crypto';
import type { AppDb } from '../../../db/open-database';
import type { SessionUser } from '../../contract/auth';
import type { Role } from '../../contract/permissions';
import { permissions, roleCan } from '../../contract/permissions';

/** A work day and a bit: staff sign in once per shift. */
export const sessionHours = 12;

function hashToken(token: string): string {
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

export function createSession(db: AppDb, userId: number, now: Date): { token: string; expiresAt: string } {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + sessionHours * 3600_000).toISOString();
  db.$client
    .prepare('insert into sessions (token_hash, user_id, created_at, expires_at) values (?, ?, ?, ?)')
    .run(hashToken(token), userId, now.toISOString(), expiresAt);
  return { token, expiresAt };
}

const lookupSql = `select u.id, u.username, u.display_name as displayName, u.role, s.expires_at as expiresAt
  from sessions s join users u on u.id = s.user_id
  where s.token_hash = ? and u.disabled = 0`;

/** The signed-in user for a token, or null when it is unknown, expired or the user was disabled. */
export function resolveSession(db: AppDb, token: string, now: Date): SessionUser | null {
  const row = db.$client.prepare(lookupSql).get(hashToken(token)) as
    { id: number; username: string; displayName: string; role: Role; expiresAt: string } | undefined;
  if (!row) return null;
  if (row.expiresAt <= now.toISOString()) {
    endSession(db, token);
    return null;
  }
  return toSessionUser(row);
}

export function endSession(db: AppDb, token: string): void {
  db.$client.prepare('delete from sessions where token_hash = ?').run(hashToken(token));
}

export function endUserSessions(db: AppDb, userId: number): void {
  db.$client.prepare('delete from sessions where user_id = ?').run(userId);
}

export function purgeExpiredSessions(db: AppDb, now: Date): void {
  db.$client.prepare('delete from sessions where expires_at <= ?').run(now.toISOString());
}
