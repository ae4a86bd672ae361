import path from 'node:path';
import type Database from 'better-sqlite3';
import type { BenchServer } from './api-server';
import { startBenchServer } from './api-server';
import type { Row } from './stats';
import { firstCalls, timeAsync, timeSync } from './stats';

const ticketColumns = `select t.*, c.name, c.mobile, c.stage, c.base_grade, v.vin, v.plate, v.brand, v.series,
    d.code as dept_code, d.name as dept_name, uo.display_name as owner_name, um.display_name as manager_name`;
const ticketJoins = `join customers c on c.id = t.customer_id left join vehicles v on v.id = t.vehicle_id
    left join departments d on d.id = t.department_id left join users uo on uo.id = t.owner_user_id
    left join users um on um.id = t.manager_user_id`;
const ticketSql = `${ticketColumns} from complaint_tickets t ${ticketJoins}`;

const openStates = `('received', 'handling', 'paused', 'proposed', 'agreed')`;

/** The same rows as the API's page, as plain SQL: the open half by next due time, the count, their pauses. */
function rawOpenPage(raw: Database.Database, extra = ''): void {
  // The best plan known for the page: its 50 ids sorted from the ticket table alone, then joined.
  const order = 't.next_due_at is null, t.next_due_at, t.received_at desc, t.id desc';
  const rows = raw
    .prepare(
      `${ticketColumns} from (select t.id from complaint_tickets t where t.state in ${openStates} ${extra}
         order by ${order} limit 50) page cross join complaint_tickets t on t.id = page.id ${ticketJoins}
       order by ${order}`,
    )
    .all() as { id: number }[];
  raw.prepare(`select count(*) from complaint_tickets t where t.state in ${openStates} ${extra}`).get();
  raw
    .prepare('select * from complaint_pauses where ticket_id in (select value from json_each(?))')
    .all(JSON.stringify(rows.map((r) => r.id)));
}

function rawTicketPage(raw: Database.Database, id: number): void {
  raw.prepare(`${ticketSql} where t.id = ?`).get(id);
  raw.prepare('select * from complaint_pauses where ticket_id = ?').all(id);
  raw.prepare('select * from complaint_events where ticket_id = ? order by at desc, id desc').all(id);
  raw.prepare('select * from complaint_solutions where ticket_id = ?').all(id);
  raw.prepare('select * from complaint_attachments where ticket_id = ?').all(id);
  raw.prepare('select * from complaint_reviews where ticket_id = ?').get(id);
}

/**
 * Complaint tickets: the list's first page with SLA state (open work by time left; everything; a department's
 * inbox), the ticket page, and the escalation pass over all open tickets — each through HTTP beside the same
 * reads as raw SQL; the list and page also as the first calls of a fresh server (cold) beside warm.
 */
export async function benchComplaints(
  scale: string,
  server: BenchServer,
  raw: Database.Database,
  reps: number,
  coldPort: number,
  log: (line: string) => void,
): Promise<Row[]> {
  const rows: Row[] = [];
  const total = raw.prepare('select count(*) from complaint_tickets').pluck().get() as number;
  const open = raw
    .prepare(`select count(*) from complaint_tickets where state in ${openStates}`)
    .pluck()
    .get() as number;
  log(`  投诉工单 ${total} 张，未结 ${open} 张`);
  if (total === 0) return rows;
  const ids = raw
    .prepare('select id from complaint_tickets where id % 97 = 3 order by id limit 400')
    .pluck()
    .all() as number[];
  const service = raw.prepare(`select id from departments where code = 'service'`).pluck().get() as number;

  const listOpen = () => server.call('complaints.list', { filters: { open: true }, limit: 50 });
  rows.push({
    scale,
    operation: 'complaints.list open, by time left (first page, SLA chips)',
    api: await timeAsync(reps, listOpen),
    raw: timeSync(reps, () => rawOpenPage(raw)),
    target: 'p95 < 10 ms',
  });
  rows.push({
    scale,
    operation: 'complaints.list all, by time left (first page)',
    api: await timeAsync(reps, () => server.call('complaints.list', { limit: 50 })),
    raw: timeSync(reps, () => {
      rawOpenPage(raw);
      raw.prepare('select count(*) from complaint_tickets where closed_at is not null').get();
    }),
    target: 'p95 < 10 ms',
  });
  rows.push({
    scale,
    operation: 'complaints.list department inbox (售后部, open)',
    api: await timeAsync(reps, () =>
      server.call('complaints.list', {
        filters: { scope: 'department', departmentId: service, open: true },
        limit: 50,
      }),
    ),
    raw: timeSync(reps, () => rawOpenPage(raw, `and t.department_id = ${service}`)),
  });
  rows.push({
    scale,
    operation: 'complaints.list received newest first',
    api: await timeAsync(reps, () => server.call('complaints.list', { sort: 'received', limit: 50 })),
    raw: timeSync(reps, () => {
      raw.prepare(`${ticketSql} order by t.received_at desc, t.id desc limit 50`).all();
      raw.prepare('select count(*) from complaint_tickets').get();
    }),
  });
  const getTicket = (i: number) => server.call('complaints.get', { id: ids[i % ids.length] });
  rows.push({
    scale,
    operation: 'complaints.get (ticket page)',
    api: await timeAsync(reps, getTicket),
    raw: timeSync(reps, (i) => rawTicketPage(raw, ids[i % ids.length]!)),
    target: 'p95 < 10 ms',
  });
  const passReps = Math.max(5, Math.min(30, Math.floor(reps / 10)));
  rows.push({
    scale,
    operation: `complaints.escalate (pass over ${open} open tickets)`,
    api: await timeAsync(passReps, () => server.call('complaints.escalate', {})),
    raw: timeSync(passReps, () => {
      const list = raw.prepare(`${ticketSql} where t.state in ${openStates}`).all() as { id: number }[];
      raw
        .prepare('select * from complaint_pauses where ticket_id in (select value from json_each(?))')
        .all(JSON.stringify(list.map((r) => r.id)));
    }),
    target: '< 200 ms',
  });

  // Cold: the first calls of a server just started (the store opening in the morning).
  const fresh = await startBenchServer(path.dirname(raw.name), coldPort);
  try {
    const coldList = await firstCalls(20, () =>
      fresh.call('complaints.list', { filters: { open: true }, limit: 50 }),
    );
    const coldGet = await firstCalls(20, (i) =>
      fresh.call('complaints.get', { id: ids[(i * 13) % ids.length] }),
    );
    rows.push({
      scale,
      operation: 'complaints.list open — first 20 calls after start (cold)',
      api: coldList,
      raw: null,
    });
    rows.push({
      scale,
      operation: 'complaints.get — first 20 calls after start (cold)',
      api: coldGet,
      raw: null,
    });
  } finally {
    await fresh.stop();
  }
  return rows;
}
