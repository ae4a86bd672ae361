import type Database from 'better-sqlite3';
import type { BenchServer } from './api-server';
import type { Row } from './stats';
import { timeAsync, timeSync } from './stats';

const listRawSql = `select c.id, c.name, c.gender, c.mobile, c.district, c.stage, c.base_grade, c.source_channel,
    c.last_visit_at, c.created_at,
    (select group_concat(v.plate, ' ') from vehicles v where v.owner_id = c.id) as plates,
    (select group_concat(distinct v.series) from vehicles v where v.owner_id = c.id) as series
  from customers c where c.merged_into_id is null and c.last_visit_at is not null
    and (c.last_visit_at, c.id) < (?, ?)
  order by c.last_visit_at desc, c.id desc limit 51`;

/** Foundation operations: a list page by last visit (first and deep), one card, one new customer. */
export async function benchCustomers(
  scale: string,
  server: BenchServer,
  raw: Database.Database,
  reps: number,
): Promise<Row[]> {
  const rows: Row[] = [];
  const maxId = (raw.prepare('select max(id) as m from customers').get() as { m: number }).m;
  const ids = Array.from({ length: reps }, (_, i) => 1 + ((i * 7919) % maxId));

  rows.push({
    scale,
    operation: 'customers.list first page (last visit desc)',
    api: await timeAsync(reps, () => server.call('customers.list', { limit: 50, sort: 'lastVisit' })),
    raw: timeSync(reps, () => {
      raw.prepare(listRawSql).all('\uffff', 0);
      // The total as the API counts it: all rows on the smallest index, less the merged-away ones on theirs.
      raw.prepare('select count(*) from customers').get();
      raw
        .prepare(
          'select count(*) from customers indexed by customers_merged_into_idx where merged_into_id > 0',
        )
        .get();
    }),
  });

  // A cursor from deep in the list: keyset pagination should cost the same as page one.
  const deep = raw
    .prepare(
      `select last_visit_at as v, id from customers where merged_into_id is null and last_visit_at is not null
       order by last_visit_at desc, id desc limit 1 offset ?`,
    )
    .get(Math.floor(maxId * 0.6)) as { v: string; id: number };
  const cursor = Buffer.from(JSON.stringify({ v: deep.v, id: deep.id })).toString('base64url');
  rows.push({
    scale,
    operation: 'customers.list deep page (60% down)',
    api: await timeAsync(reps, () => server.call('customers.list', { limit: 50, sort: 'lastVisit', cursor })),
    raw: timeSync(reps, () => raw.prepare(listRawSql).all(deep.v, deep.id)),
  });

  rows.push({
    scale,
    operation: 'customers.get (card)',
    api: await timeAsync(reps, (i) => server.call('customers.get', { id: ids[i % ids.length] })),
    raw: timeSync(reps, (i) => {
      raw.prepare('select * from customers where id = ?').get(ids[i % ids.length]);
      raw.prepare('select tag from customer_tags where customer_id = ?').all(ids[i % ids.length]);
    }),
  });

  let n = 0;
  rows.push({
    scale,
    operation: 'customers.create',
    api: await timeAsync(reps, () =>
      server.call('customers.create', {
        name: '压测客户',
        mobile: `166${String(++n).padStart(8, '0')}`,
        tags: ['压测'],
      }),
    ),
    raw: timeSync(reps, () => {
      const tx = raw.transaction(() => {
        const id = raw
          .prepare(
            "insert into customers (name, name_pinyin, name_initials, mobile, mobile_tail) values ('压测原始', 'yacevuanshi', 'ycys', ?, ?)",
          )
          .run(`167${String(++n).padStart(8, '0')}`, '0000').lastInsertRowid;
        raw.prepare("insert into customer_tags (customer_id, tag) values (?, '压测')").run(id);
      });
      tx();
    }),
  });
  return rows;
}
