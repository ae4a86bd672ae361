import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import { AppError } from '../../contract/errors';
import { recordAudit } from '../audit/audit-log';
import { endSessionById, liveSessions } from '../auth/sessions';
import type { AuthedContext } from '../context';

function assertUser(ctx: AuthedContext, id: number): void {
  if (!ctx.db.$client.prepare('select 1 from users where id = ?').get(id)) {
    throw new AppError('not_found', '该用户不存在');
  }
}

/** A staff account's sessions still in use, for the administrator (who is signed in where). */
export function listUserSessions(
  ctx: AuthedContext,
  input: ChannelParsedInput<'users.sessions'>,
): ChannelOutput<'users.sessions'> {
  assertUser(ctx, input.userId);
  return liveSessions(ctx.db, input.userId, ctx.clock(), ctx.token);
}

/** Ends one session now: its next call is refused and that screen returns to the login. */
export function endUserSession(
  ctx: AuthedContext,
  input: ChannelParsedInput<'users.endSession'>,
): ChannelOutput<'users.endSession'> {
  assertUser(ctx, input.userId);
  const session = liveSessions(ctx.db, input.userId, ctx.clock(), ctx.token).find(
    (s) => s.id === input.sessionId,
  );
  ctx.db.$client.transaction(() => {
    if (!session || !endSessionById(ctx.db, input.userId, input.sessionId)) {
      throw new AppError('not_found', '该会话已结束或不存在，请刷新列表');
    }
    recordAudit(ctx, {
      action: 'session.ended',
      entity: 'user',
      entityId: input.userId,
      detail: { reason: 'ended_by_admin', signedInFrom: session.client, signedInAt: session.createdAt },
    });
  })();
  return { ended: true };
}
