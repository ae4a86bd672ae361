import type Database from 'better-sqlite3';
import type { WorkingCalendar } from '../../common/working-time';
import type { AuditAction } from '../../contract/audit-actions';
import type { ComplaintSettings } from '../../contract/complaint-settings';
import type { TicketChange } from '../../contract/complaints';
import { recordAudit } from '../audit/audit-log';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';
import { requireHandler } from './access';
import { calendarOf, loadComplaintSettings } from './complaint-settings';
import { touchTicket } from './ticket-events';
import type { StoredTicket } from './ticket-store';
import { readCurrent, readTicket, refreshSla } from './ticket-store';

export interface MutationEnv {
  sqlite: Database.Database;
  settings: ComplaintSettings;
  cal: WorkingCalendar;
  now: string;
  nowMs: number;
}

export interface MutationAudit {
  action: AuditAction;
  /** What was done (respond, pause, regrade…) and its facts, for the audit row. */
  detail: Record<string, unknown>;
}

/**
 * One change to a ticket, in one immediate transaction: read it (on the version the caller saw, when given),
 * check the caller may handle it, apply, bump the version, recompute its SLA columns, write the audit row.
 * Anything thrown leaves the ticket as it was. Returns its new version and state.
 */
export function mutateTicket(
  ctx: AuthedContext,
  ref: { id: number; version?: number },
  opts: { handler: boolean },
  apply: (t: StoredTicket, env: MutationEnv) => MutationAudit | null,
): TicketChange {
  const sqlite = ctx.db.$client;
  const nowDate = ctx.clock();
  sqlite
    .transaction(() => {
      const t =
        ref.version === undefined ? readTicket(sqlite, ref.id) : readCurrent(sqlite, ref.id, ref.version);
      if (opts.handler) requireHandler(ctx, t);
      const settings = loadComplaintSettings(sqlite);
      const env: MutationEnv = {
        sqlite,
        settings,
        cal: calendarOf(settings),
        now: nowDate.toISOString(),
        nowMs: nowDate.getTime(),
      };
      const audit = apply(t, env);
      touchTicket(sqlite, t.id, env.now);
      refreshSla(sqlite, t.id, settings, env.cal, env.nowMs);
      if (audit) {
        recordAudit(ctx, {
          action: audit.action,
          entity: 'complaint_ticket',
          entityId: t.id,
          customerId: t.customerId,
          detail: { ticketNo: t.ticketNo, ...audit.detail },
        });
      }
    })
    .immediate();
  return changeOf(sqlite, ref.id);
}

/** The ticket's customer, number, version and state after a change. */
export function changeOf(sqlite: Database.Database, id: number): TicketChange {
  return prepared(
    sqlite,
    'select id, customer_id as customerId, ticket_no as ticketNo, version, state from complaint_tickets where id = ?',
  ).get(id) as TicketChange;
}
