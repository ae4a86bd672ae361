import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import type { ServiceContext } from '../context';

type Output = ChannelOutput<'customers.merges'>;

const listSql = `select m.id, m.survivor_id as survivorId, s.name as survivorName, m.merged_id as mergedId,
    d.name as mergedName, m.reason, m.merged_at as mergedAt, mb.display_name as mergedBy,
    m.undone_at as undoneAt, ub.display_name as undoneBy
  from customer_merges m
  join customers s on s.id = m.survivor_id
  join customers d on d.id = m.merged_id
  left join users mb on mb.id = m.merged_by
  left join users ub on ub.id = m.undone_by
  where (@customer is null or m.survivor_id = @customer or m.merged_id = @customer)
    and (@cursor is null or m.id < @cursor)
  order by m.id desc
  limit @limit`;

/** The merge log, newest first: who merged whom, when, why, and whether it was undone. */
export function listMerges(ctx: ServiceContext, input: ChannelParsedInput<'customers.merges'>): Output {
  const rows = ctx.db.$client.prepare(listSql).all({
    customer: input.customerId ?? null,
    cursor: input.cursor ?? null,
    limit: input.limit + 1,
  }) as Output['rows'];
  const more = rows.length > input.limit;
  const page = rows.slice(0, input.limit);
  return { rows: page, nextCursor: more ? page[page.length - 1]!.id : null };
}
