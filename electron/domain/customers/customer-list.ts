import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import type { CustomerRow } from '../../contract/customers';
import type { ServiceContext } from '../context';
import type { Cursor } from './keyset';
import { decodeCursor, encodeCursor } from './keyset';

type ListInput = ChannelParsedInput<'customers.list'>;

const sortColumns = {
  lastVisit: { column: 'c.last_visit_at', nullable: true },
  created: { column: 'c.created_at', nullable: false },
  name: { column: 'c.name_pinyin', nullable: false },
} as const;

const rowColumns = `c.id, c.name, c.gender, c.mobile, c.district, c.stage, c.base_grade as baseGrade,
  c.source_channel as sourceChannel, c.last_visit_at as lastVisitAt, c.created_at as createdAt,
  (select group_concat(v.plate, ' ') from vehicles v where v.owner_id = c.id) as plates,
  (select group_concat(distinct v.series) from vehicles v where v.owner_id = c.id) as series`;

function filterSql(filters: ListInput['filters']): { where: string[]; params: unknown[] } {
  const where = ['c.merged_into_id is null'];
  const params: unknown[] = [];
  if (filters.stages?.length) {
    where.push(`c.stage in (${filters.stages.map(() => '?').join(',')})`);
    params.push(...filters.stages);
  }
  if (filters.baseGrades?.length) {
    where.push(`c.base_grade in (${filters.baseGrades.map(() => '?').join(',')})`);
    params.push(...filters.baseGrades);
  }
  if (filters.tag) {
    where.push('exists (select 1 from customer_tags t where t.customer_id = c.id and t.tag = ?)');
    params.push(filters.tag);
  }
  if (filters.district) {
    where.push('c.district = ?');
    params.push(filters.district);
  }
  if (filters.series) {
    where.push('exists (select 1 from vehicles v where v.owner_id = c.id and v.series = ?)');
    params.push(filters.series);
  }
  if (filters.lastVisitFrom) {
    where.push('c.last_visit_at >= ?');
    params.push(filters.lastVisitFrom);
  }
  if (filters.lastVisitTo) {
    // Inclusive of the whole end day whatever the stored precision.
    where.push('c.last_visit_at < ?');
    params.push(`${filters.lastVisitTo}\uffff`);
  }
  return { where, params };
}

/**
 * One page of customers by keyset pagination. A nullable sort column is read in two phases (values, then
 * nulls — or the reverse ascending) so each phase walks one index range in order.
 */
export function listCustomers(ctx: ServiceContext, input: ListInput): ChannelOutput<'customers.list'> {
  const sort = sortColumns[input.sort];
  const desc = input.direction === 'desc';
  const cursor: Cursor | null = input.cursor ? decodeCursor(input.cursor) : null;
  const base = filterSql(input.filters);
  const sqlite = ctx.db.$client;
  const cmp = desc ? '<' : '>';
  const dir = desc ? 'desc' : 'asc';

  const valuesPhase = (limit: number): CustomerRow[] => {
    if (cursor && cursor.v === null && sort.nullable && desc) return [];
    const where = [...base.where];
    const params = [...base.params];
    if (sort.nullable) where.push(`${sort.column} is not null`);
    if (cursor && cursor.v !== null) {
      where.push(`(${sort.column}, c.id) ${cmp} (?, ?)`);
      params.push(cursor.v, cursor.id);
    }
    const sql = `select ${rowColumns}, ${sort.column} as sortValue from customers c where ${where.join(' and ')}
      order by ${sort.column} ${dir}, c.id ${dir} limit ?`;
    return sqlite.prepare(sql).all(...params, limit) as CustomerRow[];
  };
  const nullsPhase = (limit: number): CustomerRow[] => {
    if (!sort.nullable) return [];
    if (cursor && cursor.v !== null && !desc) return [];
    const where = [...base.where, `${sort.column} is null`];
    const params = [...base.params];
    if (cursor && cursor.v === null) {
      where.push(`c.id ${cmp} ?`);
      params.push(cursor.id);
    }
    const sql = `select ${rowColumns}, null as sortValue from customers c where ${where.join(' and ')}
      order by c.id ${dir} limit ?`;
    return sqlite.prepare(sql).all(...params, limit) as CustomerRow[];
  };

  // Fetch one extra row to know whether another page exists without a count.
  const want = input.limit + 1;
  const phases = desc ? [valuesPhase, nullsPhase] : [nullsPhase, valuesPhase];
  const rows: (CustomerRow & { sortValue?: string | null })[] = [];
  for (const phase of phases) {
    if (rows.length >= want) break;
    rows.push(...phase(want - rows.length));
  }
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > input.limit && last ? encodeCursor({ v: last.sortValue ?? null, id: last.id }) : null;
  const total = cursor
    ? null
    : (sqlite.prepare(`select count(*) as n from customers c where ${base.where.join(' and ')}`).get(...base.params) as {
        n: number;
      }).n;
  return { rows: page.map(({ sortValue: _s, ...r }) => r), total, nextCursor };
}
