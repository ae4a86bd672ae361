import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import { AppError } from '../../contract/errors';
import { recordAudit } from '../audit/audit-log';
import { activeLocks, clearThrottle, throttleName } from '../auth/login-throttle';
import type { AuthedContext } from '../context';

interface Account {
  id: number;
  username: string;
  displayName: string;
}

const accountSql =
  'select id, username, display_name as displayName from users where username = ? collate nocase';

/**
 * Lockouts in force: per address, and per account. Names that are no account are left out: nobody can sign
 * in with them anyway, and such a "name" is often a password typed into the wrong field.
 */
export function listLockouts(ctx: AuthedContext): ChannelOutput<'users.lockouts'> {
  const account = ctx.db.$client.prepare(accountSql);
  return activeLocks(ctx.db.$client, ctx.clock()).flatMap((l) => {
    const user = l.username ? (account.get(l.username) as Account | undefined) : undefined;
    if (l.scope === 'user' && !user) return [];
    return [
      {
        scope: l.scope,
        username: user?.username ?? null,
        userId: user?.id ?? null,
        displayName: user?.displayName ?? null,
        address: l.address,
        lockedUntil: l.lockedUntil,
        lockouts: l.level,
      },
    ];
  });
}

/**
 * Lifts the lockouts of a username at every address (and forgets its failures, so the doubling starts over),
 * or of one address. Anyone may be locked out for a while; nobody can be locked out for good.
 */
export function unlockLogin(
  ctx: AuthedContext,
  input: ChannelParsedInput<'users.unlock'>,
): ChannelOutput<'users.unlock'> {
  const user = input.username
    ? (ctx.db.$client.prepare(accountSql).get(throttleName(input.username)) as Account | undefined)
    : undefined;
  if (input.username && !user) throw new AppError('not_found', '该用户不存在');
  return ctx.db.$client.transaction(() => {
    const unlocked = clearThrottle(ctx.db.$client, input);
    if (unlocked === 0) throw new AppError('not_found', '没有需要解除的锁定，可能已自动解除');
    recordAudit(ctx, {
      action: 'auth.unlocked',
      entity: user ? 'user' : 'login',
      entityId: user?.id,
      detail: { username: user?.username ?? null, address: input.address ?? null },
    });
    return { unlocked };
  })();
}
