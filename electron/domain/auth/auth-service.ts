import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import { passwordProblem } from '../../common/password-rules';
import { AppError } from '../../contract/errors';
import type { Role } from '../../contract/permissions';
import { recordAudit } from '../audit/audit-log';
import type { AuthedContext, ServiceContext } from '../context';
import { lockedOutError } from './lockout-message';
import { oneAtATime } from './login-queue';
import { activeLock, recordFailure, recordSuccess, throttleName } from './login-throttle';
import { hashPassword, verifyPassword } from './password';
import { createSession, endSession, endUserSessions, toSessionUser } from './sessions';

interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  disabled: number;
}

const userByNameSql = `select id, username, display_name as displayName, role, password_hash as passwordHash, disabled
  from users where username = ? collate nocase`;

// Compared against when the username is unknown, so a wrong name costs the same time as a wrong password.
const decoyHash = hashPassword('decoy-password-for-timing');

/** Where a sign-in comes from, for the per-address count: tests and scripts without one share "unknown". */
const addressOf = (ctx: ServiceContext) => ctx.client ?? 'unknown';

/**
 * The name a failed sign-in is logged under. An unknown name is kept only in part: people type their password
 * into the name field, and the audit log is append-only, so a full value could never be scrubbed from it.
 */
function loggedName(typed: string, row: UserRow | undefined): string {
  if (row) return row.username;
  const chars = [...typed.trim()];
  return `${chars.slice(0, 2).join('')}${'*'.repeat(Math.min(Math.max(chars.length - 2, 1), 8))}`;
}

/**
 * Set-up is done once an administrator exists — not merely any account: a demo database arrives with its
 * staff but without an administrator, whose password only the person starting the app may choose.
 */
export function hasAdministrator(ctx: Pick<ServiceContext, 'db'>): boolean {
  return ctx.db.$client.prepare("select 1 from users where role = 'admin' limit 1").get() !== undefined;
}

export function authStatus(ctx: ServiceContext): ChannelOutput<'auth.status'> {
  return { needsSetup: !hasAdministrator(ctx), user: ctx.user };
}

async function insertAdministrator(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  input: { username: string; displayName: string; password: string },
): Promise<number> {
  const hash = await hashPassword(input.password);
  const insert = ctx.db.$client.transaction(() => {
    if (hasAdministrator(ctx)) throw new AppError('conflict', '系统已完成初始化，请直接登录');
    const now = ctx.clock().toISOString();
    return Number(
      ctx.db.$client
        .prepare(
          "insert into users (username, display_name, password_hash, role, created_at, updated_at) values (?, ?, ?, 'admin', ?, ?)",
        )
        .run(input.username, input.displayName, hash, now, now).lastInsertRowid,
    );
  });
  return insert.immediate();
}

/** First run: creates the administrator and signs in; refused once an administrator exists. */
export async function setupAdministrator(
  ctx: ServiceContext,
  input: ChannelParsedInput<'auth.setup'>,
): Promise<ChannelOutput<'auth.login'>> {
  const userId = await insertAdministrator(ctx, input);
  const user = toSessionUser({
    id: userId,
    username: input.username,
    displayName: input.displayName,
    role: 'admin',
  });
  const session = ctx.db.$client.transaction(() => {
    recordAudit(
      { ...ctx, user },
      { action: 'auth.login', entity: 'user', entityId: userId, detail: { setup: true } },
    );
    return createSession(ctx.db, userId, ctx.clock(), ctx.client ?? null);
  })();
  return { ...session, user };
}

/**
 * Sign-in, throttled (login-throttle.ts): while a lockout is in force the password is not even checked, and
 * the failure that starts one is answered with when to try again rather than "wrong password".
 */
export function login(
  ctx: ServiceContext,
  input: ChannelParsedInput<'auth.login'>,
): Promise<ChannelOutput<'auth.login'>> {
  const name = throttleName(input.username);
  const address = addressOf(ctx);
  return oneAtATime([`address:${address}`, `user:${name}`], async () => {
    const sqlite = ctx.db.$client;
    const lock = activeLock(sqlite, name, address, ctx.clock());
    if (lock) throw lockedOutError(lock.until, ctx.clock());

    const row = sqlite.prepare(userByNameSql).get(input.username) as UserRow | undefined;
    const ok = row
      ? await verifyPassword(input.password, row.passwordHash)
      : await verifyPassword(input.password, await decoyHash);
    if (!row || !ok) {
      const now = ctx.clock();
      const started = sqlite
        .transaction(() => {
          const locks = recordFailure(sqlite, name, address, now);
          const who = { username: loggedName(input.username, row), entity: 'user', entityId: row?.id };
          recordAudit(ctx, { action: 'auth.login_failed', ...who, detail: { knownUser: row !== undefined } });
          for (const l of locks) {
            recordAudit(ctx, {
              action: 'auth.locked',
              ...who,
              detail: { scope: l.scope, address, failures: l.failures, lockedUntil: l.until.toISOString() },
            });
          }
          return locks;
        })
        .immediate();
      const until = started.reduce<Date | null>((a, l) => (!a || l.until > a ? l.until : a), null);
      if (until) throw lockedOutError(until, now);
      throw new AppError('unauthenticated', '用户名或密码错误');
    }
    if (row.disabled) throw new AppError('forbidden', '该账号已停用，请联系系统管理员');
    const user = toSessionUser(row);
    const session = sqlite.transaction(() => {
      recordSuccess(sqlite, name, address);
      recordAudit({ ...ctx, user }, { action: 'auth.login', entity: 'user', entityId: row.id });
      return createSession(ctx.db, row.id, ctx.clock(), ctx.client ?? null);
    })();
    return { ...session, user };
  });
}

export function logout(ctx: AuthedContext): ChannelOutput<'auth.logout'> {
  ctx.db.$client.transaction(() => {
    if (ctx.token) endSession(ctx.db, ctx.token);
    recordAudit(ctx, { action: 'auth.logout', entity: 'user', entityId: ctx.user.id });
  })();
  return { loggedOut: true };
}

/** A new password that breaks a rule (passwords-rules.ts) is refused with the message on `field`. */
export function assertPasswordAllowed(password: string, username: string, field: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new AppError('validation', problem, { fields: { [field]: problem } });
}

/**
 * Changes one's own password. Every other session of the account ends (a stolen session must not outlive the
 * password it was opened with); the one changing it stays signed in.
 */
export async function changePassword(
  ctx: AuthedContext,
  input: ChannelParsedInput<'auth.changePassword'>,
): Promise<ChannelOutput<'auth.changePassword'>> {
  const row = ctx.db.$client.prepare(userByNameSql).get(ctx.user.username) as UserRow | undefined;
  if (!row || !(await verifyPassword(input.currentPassword, row.passwordHash))) {
    throw new AppError('validation', '当前密码不正确', { fields: { currentPassword: '当前密码不正确' } });
  }
  assertPasswordAllowed(input.newPassword, row.username, 'newPassword');
  const hash = await hashPassword(input.newPassword);
  ctx.db.$client.transaction(() => {
    ctx.db.$client
      .prepare('update users set password_hash = ?, updated_at = ?, version = version + 1 where id = ?')
      .run(hash, ctx.clock().toISOString(), row.id);
    const ended = endUserSessions(ctx.db, row.id, ctx.token);
    recordAudit(ctx, {
      action: 'auth.password_changed',
      entity: 'user',
      entityId: row.id,
      detail: { own: true },
    });
    if (ended > 0) {
      recordAudit(ctx, {
        action: 'session.ended',
        entity: 'user',
        entityId: row.id,
        detail: { reason: 'password_changed', sessions: ended },
      });
    }
  })();
  return { changed: true };
}

/** For scripts and first start: make sure an administrator exists, with the given password if new. */
export async function ensureAdministrator(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  password: string,
): Promise<boolean> {
  if (hasAdministrator(ctx)) return false;
  await insertAdministrator(ctx, { username: 'admin', displayName: '系统管理员', password });
  return true;
}
