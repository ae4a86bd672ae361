import type { SessionUser } from '../../contract/auth';
import type { Role } from '../../contract/permissions';
import { roleCan } from '../../contract/permissions';
import type { ServiceContext } from '../context';
import { prepared } from '../customers/sql-cache';

/**
 * Who sees a customer's full mobile, ID number, address and WeChat (PIPL art. 51, least privilege), decided
 * here and nowhere else:
 * - `all`: the permission personal.reveal (manager, admin by default);
 * - `owned`: record scope — a sales consultant / service advisor sees the customers they are responsible for
 *   (customers.owner_user_id, 负责人: who created the card or took it over), masks for everyone else's;
 * - `none`: everyone else sees masks and reveals one field at a time with a reason (reveal.ts).
 */
export type PersonalScope = 'all' | 'owned' | 'none';

/** Roles whose members own customers (销售顾问 / 服务顾问). */
const recordScopeRoles: readonly Role[] = ['sales'];

export function personalScopeOf(user: Pick<SessionUser, 'role'> | null): PersonalScope {
  if (!user) return 'none';
  if (roleCan(user.role, 'personal.reveal')) return 'all';
  return recordScopeRoles.includes(user.role) ? 'owned' : 'none';
}

const ownedSql = `select id from customers where owner_user_id = ? and id in (select value from json_each(?))`;

/**
 * The customers among `ids` whose full values the caller may see. One indexed lookup by id for a sales
 * caller; no query at all for the others.
 */
export function customersShownInFull(ctx: ServiceContext, ids: readonly number[]): (id: number) => boolean {
  const scope = personalScopeOf(ctx.user);
  if (scope === 'all') return () => true;
  if (scope === 'none' || !ctx.user || ids.length === 0) return () => false;
  const owned = new Set(
    prepared(ctx.db.$client, ownedSql)
      .pluck()
      .all(ctx.user.id, JSON.stringify([...new Set(ids)])) as number[],
  );
  return (id) => owned.has(id);
}

/** One customer: may the caller see this customer's full values? */
export function showsInFull(ctx: ServiceContext, customerId: number): boolean {
  return customersShownInFull(ctx, [customerId])(customerId);
}
