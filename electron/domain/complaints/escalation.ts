import type Database from 'better-sqlite3';
import { complaintTimerLabels, openComplaintStates } from '../../contract/complaint-terms';
import type { Clock } from '../clock';
import { storeDateTimeLabel } from '../clock';
import { prepared } from '../customers/sql-cache';
import { calendarOf, loadComplaintSettings } from './complaint-settings';
import { timersAt } from './sla-timers';
import { addTicketEvent } from './ticket-events';
import { notifyBreach, notifyWarning } from './ticket-notify';
import type { StoredTicket } from './ticket-store';
import { pausesOf, storeSla, ticketColumns, ticketJoins, timingOf } from './ticket-store';

export interface EscalationSummary {
  checked: number;
  warnings: number;
  breaches: number;
  ms: number;
}

const openStatesSql = openComplaintStates.map((s) => `'${s}'`).join(', ');

/**
 * The escalation pass: every open ticket's timers as of now. A timer past 75% warns its handlers once; a timer
 * past its due time tells the owner's manager (an A-grade one the general manager too) once — complaint_alerts
 * remembers what was sent. The stored due times and breach flags the list filters on are refreshed on the way.
 * One transaction; the server runs it every few minutes (upkeep-scheduler.ts), managers can run it now.
 */
export function runEscalation(sqlite: Database.Database, clock: Clock): EscalationSummary {
  const t0 = performance.now();
  const nowDate = clock();
  const now = nowDate.toISOString();
  const nowMs = nowDate.getTime();
  const settings = loadComplaintSettings(sqlite);
  const cal = calendarOf(settings);
  return sqlite
    .transaction((): EscalationSummary => {
      const open = prepared(
        sqlite,
        `select ${ticketColumns} from complaint_tickets t ${ticketJoins} where t.state in (${openStatesSql})`,
      ).all() as StoredTicket[];
      const pauses = pausesOf(
        sqlite,
        open.map((t) => t.id),
      );
      const alert = prepared(
        sqlite,
        `insert or ignore into complaint_alerts (ticket_id, timer, kind, at) values (?, ?, ?, ?)`,
      );
      let warnings = 0;
      let breaches = 0;
      for (const t of open) {
        const timers = timersAt(timingOf(t, pauses.get(t.id) ?? [], settings), cal, nowMs);
        storeSla(sqlite, t.id, timers);
        const people = {
          ticketId: t.id,
          ticketNo: t.ticketNo,
          grade: t.grade,
          departmentId: t.departmentId,
          ownerUserId: t.ownerUserId,
          managerUserId: t.managerUserId,
        };
        for (const timer of timers) {
          if (timer.stoppedAt !== null) continue;
          if (timer.state === 'warning' && alert.run(t.id, timer.timer, 'warning', now).changes > 0) {
            warnings++;
            const due = timer.dueAt ? storeDateTimeLabel(new Date(timer.dueAt)) : null;
            notifyWarning(sqlite, people, timer.timer, due, now);
            addTicketEvent(sqlite, {
              ticketId: t.id,
              kind: 'sla_warning',
              at: now,
              userId: null,
              note: `${complaintTimerLabels[timer.timer]}已用去 75% 的时间${due ? `，截止 ${due}` : ''}`,
              data: { timer: timer.timer, dueAt: timer.dueAt },
            });
          }
          if (timer.state === 'breached' && alert.run(t.id, timer.timer, 'breach', now).changes > 0) {
            breaches++;
            notifyBreach(sqlite, people, timer.timer, now);
            addTicketEvent(sqlite, {
              ticketId: t.id,
              kind: 'sla_breach',
              at: now,
              userId: null,
              note: `${complaintTimerLabels[timer.timer]}已超时`,
              data: { timer: timer.timer, dueAt: timer.dueAt },
            });
          }
        }
      }
      return { checked: open.length, warnings, breaches, ms: Math.round((performance.now() - t0) * 10) / 10 };
    })
    .immediate();
}
