import { z } from 'zod';
import type { AppDb } from '../../db/open-database';
import type { ChannelName } from '../contract';
import type { ChannelDef } from '../contract/channel';
import { contract } from '../contract';
import type { ApiErrorBody, Envelope } from '../contract/errors';
import { AppError, defaultErrorMessages } from '../contract/errors';
import { roleCan } from '../contract/permissions';
import type { Clock } from '../domain/clock';
import { checkSession, sessionEndedMessages } from '../domain/auth/sessions';
import type { ServiceContext } from '../domain/context';
import { privateErrorDetails, privateOutput } from '../domain/privacy/private-output';
import type { ChangeBus } from './change-bus';
import type { Handler } from './handler-types';
import { handlers } from './handlers';
import { findIllFormedText, illFormedTextMessage } from './ill-formed-text';
import { zodIssuesToDetails } from './validation-details';

export interface RouterOptions {
  db: AppDb;
  clock: Clock;
  /** Check handler results against the output schema: on in tests, to catch contract drift. */
  validateOutput?: boolean;
  log?: (message: string, error: unknown) => void;
  /** End sessions idle longer than the store setting (off only in API tests that jump their clock). */
  idleTimeout?: boolean;
  /**
   * Masking of personal fields and the card-view log (electron/domain/privacy). Always on, except on the
   * benchmark's comparison server (`serve --bench-without-privacy`), which measures what they cost.
   */
  privacy?: boolean;
  /** Where successful writes announce the topics their channel declares (`touches`): the live-change stream. */
  changes?: ChangeBus;
}

export interface CallAuth {
  token: string | null;
  /** "desktop" over IPC, the peer's address over HTTP: the audit log records it. */
  client?: string | null;
  /** A call the screen made by itself (a poll, the idle heartbeat): answered, but not counted as use. */
  background?: boolean;
}

export type Router = (channel: string, rawInput: unknown, auth: CallAuth) => Promise<Envelope<unknown>>;

function failure(kind: ApiErrorBody['kind'], message?: string, details?: unknown): Envelope<never> {
  return {
    ok: false,
    error: { kind, message: message ?? defaultErrorMessages[kind], ...(details ? { details } : {}) },
  };
}

const isChannel = (name: string): name is ChannelName => Object.hasOwn(contract, name);

/**
 * The customers a successful write changed, as its channel declares them (null: wholesale). The write is
 * already committed: a declaration that throws on an unexpected result only widens the change, never fails it.
 */
function changedCustomers(def: ChannelDef, input: unknown, result: unknown): number[] | null {
  if (!def.changedCustomers) return null;
  try {
    return def.changedCustomers(input, result).filter((id): id is number => typeof id === 'number');
  } catch {
    return null;
  }
}

/** The one router both transports call: session → permission → input validation → service → envelope. */
export function createRouter(opts: RouterOptions): Router {
  return async (channel, rawInput, auth) => {
    if (!isChannel(channel)) return failure('not_found', `未知的接口：${channel}`);
    const def = contract[channel];
    const privacy = opts.privacy !== false;
    let ctx: ServiceContext | null = null;
    try {
      const now = opts.clock();
      const session = auth.token
        ? checkSession(opts.db, auth.token, now, {
            touch: auth.background !== true,
            client: auth.client,
            idle: opts.idleTimeout !== false,
          })
        : null;
      const user = session?.user ?? null;
      if (def.access !== 'public') {
        if (!user) {
          // The reason lets the login screen say "ended for inactivity" rather than a bare "please sign in".
          const ended = session?.ended;
          return ended
            ? failure('unauthenticated', sessionEndedMessages[ended], { reason: ended })
            : failure('unauthenticated');
        }
        if (!roleCan(user.role, def.access)) return failure('forbidden');
      }
      const illFormedAt = findIllFormedText(rawInput);
      if (illFormedAt !== null) {
        const field = illFormedAt || '_';
        return failure('validation', `输入有误（${field}）：${illFormedTextMessage}`, {
          fields: { [field]: illFormedTextMessage },
          issues: [{ path: illFormedAt, message: illFormedTextMessage }],
        });
      }
      const parsed = (def.input as z.ZodType).safeParse(rawInput ?? {});
      if (!parsed.success) {
        const details = zodIssuesToDetails(parsed.error);
        return failure('validation', details.summary, { fields: details.fields, issues: details.issues });
      }
      ctx = {
        db: opts.db,
        clock: opts.clock,
        user,
        token: auth.token,
        client: auth.client ?? null,
      };
      const handler = handlers[channel] as Handler<ChannelName>;
      const result = await (handler as (c: ServiceContext, i: unknown) => unknown)(ctx, parsed.data);
      const data = privacy ? privateOutput(ctx, def, result) : result;
      if (opts.validateOutput) {
        const checked = (def.output as z.ZodType).safeParse(data);
        if (!checked.success)
          throw new Error(
            `output of ${channel} drifted from its contract: ${z.prettifyError(checked.error)}`,
          );
      }
      if (def.touches) opts.changes?.publish(def.touches, changedCustomers(def, parsed.data, result));
      return { ok: true, data };
    } catch (error) {
      if (error instanceof AppError) {
        const details = privacy && ctx ? privateErrorDetails(ctx, def, error.details) : error.details;
        return failure(error.kind, error.message, details);
      }
      // Never leak internals to the client; the log keeps the stack for the administrator.
      opts.log?.(`channel ${channel} failed`, error);
      return failure('internal');
    }
  };
}
