import type Database from 'better-sqlite3';
import type { ComplaintEventKind } from '../../contract/complaint-terms';
import { prepared } from '../customers/sql-cache';

/** One entry on the ticket's timeline. */
export function addTicketEvent(
  sqlite: Database.Database,
  e: {
    ticketId: number;
    kind: ComplaintEventKind;
    at: string;
    userId: number | null;
    note?: string | null;
    data?: Record<string, unknown> | null;
  },
): number {
  return Number(
    prepared(
      sqlite,
      'insert into complaint_events (ticket_id, kind, at, user_id, note, data) values (?, ?, ?, ?, ?, ?)',
    ).run(e.ticketId, e.kind, e.at, e.userId, e.note ?? null, e.data ? JSON.stringify(e.data) : null)
      .lastInsertRowid,
  );
}

/** Every change to a ticket bumps its version (stale pages are refused) and its updated time. */
export function touchTicket(sqlite: Database.Database, id: number, now: string): void {
  prepared(sqlite, 'update complaint_tickets set updated_at = ?, version = version + 1 where id = ?').run(
    now,
    id,
  );
}

/**
 * The ticket on the customer card's timeline. Intake is the one `complaint` contact (the card's complaint
 * count and loyalty score read that kind); later milestones are notes pointing at the ticket, so one
 * complaint is counted once however long it runs.
 */
export function addCardTimeline(
  sqlite: Database.Database,
  e: {
    customerId: number;
    ticketId: number;
    at: string;
    userId: number | null;
    summary: string;
    intake?: boolean;
  },
): void {
  prepared(
    sqlite,
    `insert into interactions (customer_id, kind, occurred_at, summary, user_id, ref_type, ref_id, created_at)
     values (?, ?, ?, ?, ?, 'complaint_ticket', ?, ?)`,
  ).run(
    e.customerId,
    e.intake ? 'complaint' : 'note',
    e.at,
    e.summary.slice(0, 2000),
    e.userId,
    e.ticketId,
    e.at,
  );
}
