import type Database from 'better-sqlite3';
import type { EventStatus, InviteeOrigin, InviteeStatus } from '../../electron/contract/event-terms';

/**
 * Events and invitees written straight into a test database, for the day's and the results' tests: they need
 * a list in a known state without working every call of the funnel first.
 */
export function eventFixture(sql: () => Database.Database) {
  let serial = 0;

  function event(
    fields: { status?: EventStatus; startsOn: string; endsOn?: string } & Record<string, unknown>,
  ): number {
    const at = '2026-01-01T00:00:00.000Z';
    const row = {
      event_no: `HDT-${++serial}-${Math.random().toString(36).slice(2, 8)}`,
      title: `测试活动${serial}`,
      type: 'owners_meeting',
      status: 'running',
      ends_on: fields.startsOn,
      created_at: at,
      updated_at: at,
      ...Object.fromEntries(
        Object.entries(fields).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]),
      ),
    };
    const cols = Object.keys(row);
    return Number(
      sql()
        .prepare(`insert into events (${cols.join(', ')}) values (${cols.map((c) => `@${c}`).join(', ')})`)
        .run(row).lastInsertRowid,
    );
  }

  function invitee(
    eventId: number,
    customerId: number,
    fields: { status?: InviteeStatus; origin?: InviteeOrigin } & Record<string, unknown> = {},
  ): number {
    const at = '2026-01-01T00:00:00.000Z';
    const row = {
      event_id: eventId,
      customer_id: customerId,
      origin: 'target',
      status: 'accepted',
      created_at: at,
      updated_at: at,
      ...Object.fromEntries(
        Object.entries(fields).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]),
      ),
    };
    const cols = Object.keys(row);
    return Number(
      sql()
        .prepare(
          `insert into event_invitees (${cols.join(', ')}) values (${cols.map((c) => `@${c}`).join(', ')})`,
        )
        .run(row).lastInsertRowid,
    );
  }

  const inviteeRow = (id: number) =>
    sql().prepare('select * from event_invitees where id = ?').get(id) as Record<string, unknown>;

  return { event, invitee, inviteeRow };
}
