import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import { AppError } from '../../contract/errors';
import type { Role } from '../../contract/permissions';
import type { AuthedContext, ServiceContext } from '../context';
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

export function hasAnyUser(ctx: Pick<ServiceContext, 'db'>): boolean {
  return ctx.db.$client.prepare('select 1 from users limit 1').get() !== undefined;
}

export function authStatus(ctx: ServiceContext): ChannelOutput<'auth.status'> {
  return { needsSetup: !hasAnyUser(ctx), user: ctx.user };
}

async function insertAdministrator(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  input: { username: string; displayName: string; password: string },
): Promise<number> {
  const hash = await hashPassword(input.password);
  const insert = ctx.db.$client.transaction(() => {
    if (hasAnyUser(ctx)) throw new AppError('conflict', '系统已完成初始化，请直接登录');
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

/** First run: creates the administrator and signs in; refused once any account exists. */
export async function setupAdministrator(
  ctx: ServiceContext,
  input: ChannelParsedInput<'auth.setup'>,
): Promise<ChannelOutput<'auth.login'>> {
  const userId = await insertAdministrator(ctx, input);
  const session = createSession(ctx.db, userId, ctx.clock());
  return {
    ...session,
    user: toSessionUser({
      id: userId,
      username: input.username,
      displayName: input.displayName,
      role: 'admin',
    }),
  };
}

export async function login(
  ctx: ServiceContext,
  input: ChannelParsedInput<'auth.login'>,
): Promise<ChannelOutput<'auth.login'>> {
  const row = ctx.db.$client.prepare(userByNameSql).get(input.username) as UserRow | undefined;
  const ok = row
    ? await verifyPassword(input.password, row.passwordHash)
    : await verifyPassword(input.password, await decoyHash);
  if (!row || !ok) throw new AppError('unauthenticated', '用户名或密码错误');
  if (row.disabled) throw new AppError('forbidden', '该账号已停用，请联系系统管理员');
  const session = createSession(ctx.db, row.id, ctx.clock());
  return { ...session, user: toSessionUser(row) };
}

export function logout(ctx: AuthedContext): ChannelOutput<'auth.logout'> {
  if (ctx.token) endSession(ctx.db, ctx.token);
  return { loggedOut: true };
}

export async function changePassword(
  ctx: AuthedContext,
  input: ChannelParsedInput<'auth.changePassword'>,
): Promise<ChannelOutput<'auth.changePassword'>> {
  const row = ctx.db.$client.prepare(userByNameSql).get(ctx.user.username) as UserRow | undefined;
  if (!row || !(await verifyPassword(input.currentPassword, row.passwordHash))) {
    throw new AppError('validation', '当前密码不正确', { fields: { currentPassword: '当前密码不正确' } });
  }
  const hash = await hashPassword(input.newPassword);
  ctx.db.$client.transaction(() => {
    ctx.db.$client
      .prepare('update users set password_hash = ?, updated_at = ?, version = version + 1 where id = ?')
      .run(hash, ctx.clock().toISOString(), row.id);
    endUserSessions(ctx.db, row.id);
  })();
  return { changed: true };
}

/** For scripts and first start: make sure an administrator exists, with the given password if new. */
export async function ensureAdministrator(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  password: string,
): Promise<boolean> {
  if (hasAnyUser(ctx)) return false;
  await insertAdministrator(ctx, { username: 'admin', displayName: '系统管理员', password });
  return true;
}
