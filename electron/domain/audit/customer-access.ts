import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import type { AuditAction } from '../../contract/audit-actions';
import type { AuthedContext } from '../context';
import { requireCustomer } from '../customers/customer-exists';
import { prepared } from '../customers/sql-cache';
import { entryColumns, entryJoins, toEntry } from './audit-query';

type Output = ChannelOutput<'audit.customerAccess'>;

/** What counts as looking at a person's data (changes are in the full log). */
type Kind = 'views' | 'reveals' | 'exports';
const accessActions: Partial<Record<AuditAction, Kind>> = {
  'customer.viewed': 'views',
  'personal.revealed': 'reveals',
  'export.subject_data': 'exports',
  print: 'exports',
};

const actionList = Object.keys(accessActions);
const placeholders = actionList.map(() => '?').join(', ');

/**
 * 查看记录 on a customer card: who viewed, revealed or exported this person's data, newest first, and a
 * count per staff member. Walks the (customer_id, user_id, action, at) index; one person has few rows.
 */
export function customerAccess(
  ctx: AuthedContext,
  input: ChannelParsedInput<'audit.customerAccess'>,
): Output {
  const sqlite = ctx.db.$client;
  requireCustomer(sqlite, input.customerId);
  const rows = (
    prepared(
      sqlite,
      `select ${entryColumns} from audit_log a ${entryJoins}
       where a.customer_id = ? and a.action in (${placeholders}) order by a.at desc, a.id desc limit ?`,
    ).all(input.customerId, ...actionList, input.limit) as Parameters<typeof toEntry>[0][]
  ).map(toEntry);
  const counts = prepared(
    sqlite,
    `select a.user_id as userId, max(a.username) as username, u.display_name as userDisplayName,
       a.action, count(*) as n, max(a.at) as lastAt
     from audit_log a left join users u on u.id = a.user_id
     where a.customer_id = ? and a.action in (${placeholders})
     group by a.user_id, a.action`,
  ).all(input.customerId, ...actionList) as {
    userId: number | null;
    username: string | null;
    userDisplayName: string | null;
    action: string;
    n: number;
    lastAt: string;
  }[];
  const people = new Map<string, Output['people'][number]>();
  for (const c of counts) {
    const key = String(c.userId ?? c.username);
    const p = people.get(key) ?? {
      userId: c.userId,
      username: c.username,
      userDisplayName: c.userDisplayName,
      views: 0,
      reveals: 0,
      exports: 0,
      lastAt: c.lastAt,
    };
    p[accessActions[c.action as AuditAction]!] += c.n;
    if (c.lastAt > p.lastAt) p.lastAt = c.lastAt;
    people.set(key, p);
  }
  return { rows, people: [...people.values()].sort((a, b) => b.lastAt.localeCompare(a.lastAt)) };
}
