import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import { openComplaintStates } from '../../contract/complaint-terms';
import { AppError } from '../../contract/errors';
import { addCalendarDays } from '../../common/store-time';
import { storeDayStart } from '../clock';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';
import { departmentOfUser } from './access';
import { calendarOf, loadComplaintSettings } from './complaint-settings';
import type { StoredTicket } from './ticket-store';
import { rowsOf, ticketColumns, ticketJoins } from './ticket-store';

type ListInput = ChannelParsedInput<'complaints.list'>;

const openStatesSql = openComplaintStates.map((s) => `'${s}'`).join(', ');
const breachedSql = `(t.first_response_breached = 1 or t.solution_breached = 1 or t.close_breached = 1
  or t.manufacturer_breached = 1 or (t.next_due_at is not null and t.next_due_at < @now))`;

function filterOf(ctx: AuthedContext, f: ListInput['filters'], now: string) {
  const where: string[] = [];
  const params: Record<string, unknown> = { now, me: ctx.user.id };
  if (f.scope === 'mine') where.push('(t.owner_user_id = @me or t.manager_user_id = @me)');
  if (f.scope === 'department') {
    const dept = f.departmentId ?? departmentOfUser(ctx);
    if (dept === null) {
      throw new AppError('validation', '您的账号没有所属部门，请选择要查看的部门', {
        fields: { departmentId: '请选择部门' },
      });
    }
    where.push('t.department_id = @dept');
    params.dept = dept;
  } else if (f.departmentId) {
    where.push('t.department_id = @dept');
    params.dept = f.departmentId;
  }
  if (f.grades?.length) {
    where.push('t.grade in (select value from json_each(@grades))');
    params.grades = JSON.stringify(f.grades);
  }
  if (f.states?.length) {
    where.push('t.state in (select value from json_each(@states))');
    params.states = JSON.stringify(f.states);
  }
  if (f.breached) where.push(breachedSql);
  if (f.repeat !== undefined) where.push(f.repeat ? 't.is_repeat = 1' : 't.is_repeat = 0');
  if (f.category) {
    where.push('t.category = @category');
    params.category = f.category;
  }
  if (f.customerId) {
    where.push('t.customer_id = @customerId');
    params.customerId = f.customerId;
  }
  if (f.text) {
    where.push(
      `(t.ticket_no like @textPrefix escape '\\' or t.manufacturer_case_no = @text or c.name like @textAny escape '\\')`,
    );
    const escaped = f.text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
    params.text = f.text;
    params.textPrefix = `${escaped.toUpperCase()}%`;
    params.textAny = `%${escaped}%`;
  }
  if (f.receivedFrom) {
    where.push('t.received_at >= @from');
    params.from = storeDayStart(f.receivedFrom).toISOString();
  }
  if (f.receivedTo) {
    where.push('t.received_at < @to');
    params.to = storeDayStart(addCalendarDays(f.receivedTo, 1)).toISOString();
  }
  return { where, params };
}

/**
 * The ticket list. By time left: open tickets first, the deadline due first (a breached one is due in the past,
 * so it leads; paused ones, with no running deadline, follow), then closed ones, latest closed first; each half
 * walks its own index. By receipt: newest first. Timers are computed for the page only.
 */
export function listTickets(ctx: AuthedContext, input: ListInput): ChannelOutput<'complaints.list'> {
  const sqlite = ctx.db.$client;
  const nowDate = ctx.clock();
  const now = nowDate.toISOString();
  const settings = loadComplaintSettings(sqlite);
  const { where, params } = filterOf(ctx, input.filters, now);
  const clauses = where;
  const cond = (extra: string[]) => {
    const all = [...clauses, ...extra];
    return all.length ? `where ${all.join(' and ')}` : '';
  };
  const wantOpen = input.filters.open !== false;
  const closedAllowed = !input.filters.open;
  // Counting needs the customer only to match a name; without it the count walks one index, no joins.
  const countFrom = input.filters.text
    ? 'from complaint_tickets t join customers c on c.id = t.customer_id'
    : 'from complaint_tickets t';
  // The page's ids first, in order, from the ticket table alone; only those 50 are joined to their customer,
  // car, department and people (joining every open ticket before the sort cost most of the list's time at L).
  // CROSS JOIN keeps that order of work: with the limit a bound parameter, the planner otherwise walked every
  // ticket by the outer sort's index and probed the page for each (130 ms for newest first at L).
  const select = (extra: string[], order: string, limit: number, offset: number) =>
    prepared(
      sqlite,
      `select ${ticketColumns} from (select t.id ${countFrom} ${cond(extra)} order by ${order}
         limit @limit offset @offset) page
       cross join complaint_tickets t on t.id = page.id ${ticketJoins} order by ${order}`,
    ).all({
      ...params,
      limit,
      offset,
    }) as StoredTicket[];
  const count = (extra: string[]) =>
    prepared(sqlite, `select count(*) ${countFrom} ${cond(extra)}`)
      .pluck()
      .get(params) as number;

  let tickets: StoredTicket[];
  let total: number;
  if (input.sort === 'received') {
    const extra = input.filters.open ? [`t.state in (${openStatesSql})`] : [];
    tickets = select(extra, 't.received_at desc, t.id desc', input.limit, input.offset);
    total = count(extra);
  } else {
    const openExtra = [`t.state in (${openStatesSql})`];
    const closedExtra = ['t.closed_at is not null'];
    const openTotal = wantOpen ? count(openExtra) : 0;
    const closedTotal = closedAllowed ? count(closedExtra) : 0;
    total = openTotal + closedTotal;
    tickets = [];
    if (input.offset < openTotal) {
      tickets = select(
        openExtra,
        't.next_due_at is null, t.next_due_at, t.received_at desc, t.id desc',
        input.limit,
        input.offset,
      );
    }
    const left = input.limit - tickets.length;
    if (left > 0 && closedTotal > 0) {
      tickets.push(
        ...select(closedExtra, 't.closed_at desc, t.id desc', left, Math.max(0, input.offset - openTotal)),
      );
    }
  }
  const counts = prepared(
    sqlite,
    `select count(*) as open, coalesce(sum(${breachedSql}), 0) as breached,
       coalesce(sum(t.state = 'paused'), 0) as paused,
       coalesce(sum(t.owner_user_id = @me or t.manager_user_id = @me), 0) as mine
     from complaint_tickets t where t.state in (${openStatesSql})`,
  ).get({ now, me: ctx.user.id }) as { open: number; breached: number; paused: number; mine: number };
  return {
    rows: rowsOf(sqlite, tickets, settings, calendarOf(settings), nowDate.getTime()),
    total,
    counts,
  };
}
