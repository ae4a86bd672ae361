import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import { AppError } from '../../contract/errors';
import type { StaffUser } from '../../contract/users';
import type { AuthedContext } from '../context';
import { recordAudit } from '../audit/audit-log';
import { recordUserChange } from '../audit/user-audit';
import { assertPasswordAllowed } from '../auth/auth-service';
import { hashPassword } from '../auth/password';
import { endUserSessions } from '../auth/sessions';
import { mergeOrRefuse } from '../locking/field-merge';

const selectSql = `select u.id, u.username, u.display_name as displayName, u.role, u.department_id as departmentId,
    d.name as departmentName, u.disabled, u.created_at as createdAt, u.version
  from users u left join departments d on d.id = u.department_id`;

type UserRow = Omit<StaffUser, 'disabled'> & { disabled: number };
const toStaffUser = (r: UserRow): StaffUser => ({ ...r, disabled: r.disabled === 1 });

function getUser(ctx: AuthedContext, id: number): StaffUser {
  const row = ctx.db.$client.prepare(`${selectSql} where u.id = ?`).get(id) as UserRow | undefined;
  if (!row) throw new AppError('not_found', '该用户不存在');
  return toStaffUser(row);
}

export function listUsers(ctx: AuthedContext): StaffUser[] {
  return (ctx.db.$client.prepare(`${selectSql} order by u.disabled, u.username`).all() as UserRow[]).map(
    toStaffUser,
  );
}

export async function createUser(
  ctx: AuthedContext,
  input: ChannelParsedInput<'users.create'>,
): Promise<ChannelOutput<'users.create'>> {
  const hash = await hashPassword(input.password);
  const now = ctx.clock().toISOString();
  const id = ctx.db.$client.transaction(() => {
    const taken = ctx.db.$client
      .prepare('select 1 from users where username = ? collate nocase')
      .get(input.username);
    if (taken)
      throw new AppError('conflict', `用户名“${input.username}”已被使用`, {
        fields: { username: '用户名已被使用' },
      });
    const newId = Number(
      ctx.db.$client
        .prepare(
          `insert into users (username, display_name, password_hash, role, department_id, created_at, updated_at)
           values (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.username, input.displayName, hash, input.role, input.departmentId ?? null, now, now)
        .lastInsertRowid,
    );
    recordUserChange(ctx, null, getUser(ctx, newId));
    return newId;
  })();
  return getUser(ctx, id);
}

const userFieldNames = ['displayName', 'role', 'departmentId', 'disabled'] as const;

export function updateUser(ctx: AuthedContext, input: ChannelParsedInput<'users.update'>): StaffUser {
  return ctx.db.$client.transaction(() => {
    const current = getUser(ctx, input.id);
    const typed = {
      displayName: input.displayName ?? current.displayName,
      role: input.role ?? current.role,
      departmentId: input.departmentId === undefined ? current.departmentId : input.departmentId,
      disabled: input.disabled ?? current.disabled,
    };
    const given = userFieldNames.filter((f) => input[f] !== undefined);
    // Only the fields sent are this save's; a stale copy merges with what others changed meanwhile.
    const next = mergeOrRefuse(
      {
        version: input.version,
        currentVersion: current.version,
        mine: typed,
        base: input.base,
        theirs: current,
        fields: given,
      },
      { message: '该用户已被他人修改，请查看最新内容后再保存', current },
    );
    const demotingSelf =
      input.id === ctx.user.id && (next.disabled || next.role !== 'admin') && current.role === 'admin';
    if (demotingSelf) throw new AppError('forbidden', '不能停用自己的账号或取消自己的管理员角色');
    ctx.db.$client
      .prepare(
        `update users set display_name = ?, role = ?, department_id = ?, disabled = ?, updated_at = ?, version = version + 1
         where id = ? and version = ?`,
      )
      .run(
        next.displayName,
        next.role,
        next.departmentId,
        next.disabled ? 1 : 0,
        ctx.clock().toISOString(),
        input.id,
        current.version,
      );
    recordUserChange(ctx, current, getUser(ctx, input.id));
    // A disabled account or a changed role must not keep acting on an old session: ended now, not at expiry.
    if (next.disabled || next.role !== current.role) {
      const ended = endUserSessions(ctx.db, input.id);
      if (ended > 0) {
        recordAudit(ctx, {
          action: 'session.ended',
          entity: 'user',
          entityId: input.id,
          detail: { reason: next.disabled ? 'user_disabled' : 'role_changed', sessions: ended },
        });
      }
    }
    return getUser(ctx, input.id);
  })();
}

export async function resetPassword(
  ctx: AuthedContext,
  input: ChannelParsedInput<'users.resetPassword'>,
): Promise<ChannelOutput<'users.resetPassword'>> {
  const user = getUser(ctx, input.id);
  assertPasswordAllowed(input.password, user.username, 'password');
  const hash = await hashPassword(input.password);
  ctx.db.$client.transaction(() => {
    ctx.db.$client
      .prepare('update users set password_hash = ?, updated_at = ?, version = version + 1 where id = ?')
      .run(hash, ctx.clock().toISOString(), input.id);
    const ended = endUserSessions(ctx.db, input.id);
    recordAudit(ctx, {
      action: 'auth.password_changed',
      entity: 'user',
      entityId: input.id,
      detail: { reset: true, sessionsEnded: ended },
    });
  })();
  return { reset: true };
}

export function listDepartments(ctx: AuthedContext): ChannelOutput<'users.departments'> {
  return ctx.db.$client
    .prepare('select id, code, name from departments order by id')
    .all() as ChannelOutput<'users.departments'>;
}
