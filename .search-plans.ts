import Database from 'better-sqlite3';
import { openDatabase } from './db/open-database';
import { searchCustomers } from './electron/domain/search/search-customers';
import { listCustomers } from './electron/domain/customers/customer-list';
const db = openDatabase(process.env.DB ?? '/tmp/search-work/Lidx/dealer-crm.sqlite');
const raw = db.$client;
const seen = new Map<string, string>();
const orig = (Database.prototype as any).prepare;
(raw as any).prepare = function (sql: string) {
  const st = orig.call(this, sql);
  if (!seen.has(sql) && /^\s*(select|with)/i.test(sql)) {
    try { seen.set(sql, ''); } catch {}
  }
  return st;
};
const ctx = { db, clock: () => new Date(), user: null, token: null } as any;
if (!process.env.LIST) for (const q of ['陈', '波锋', '陈波锋', '惠州市顺通', 'ly', 'chen', 'chenbofeng', '13195478545', '8545', '粤L7161U', 'L7161U', 'LSVAB41E3NN050088', '050088', '粤L71']) searchCustomers(ctx, { q, limit: 20 });
if (process.env.LIST) for (const f of [{}, {stages:['owner']}, {stages:['lead','vip']}, {baseGrades:['premium']}, {tag:'VIP'}, {tag:'车队'}, {district:'惠城区'}, {series:'朗逸'}, {series:'艾睿雅'}, {lastVisitFrom:'2026-01-01', lastVisitTo:'2026-03-01'}, {stages:['owner'], district:'惠城区'}, {tag:'VIP', series:'朗逸'}])
  for (const sort of ['lastVisit','created','name']) for (const direction of ['asc','desc']) { const r = listCustomers(ctx, { limit: 50, sort, direction, filters: f } as any); if (r.nextCursor) listCustomers(ctx, { limit: 50, sort, direction, filters: f, cursor: r.nextCursor } as any); }
for (const [sql] of seen) {
  const plan = orig.call(raw, 'explain query plan ' + sql).all(...new Array((sql.match(/\?/g) ?? []).length).fill('x')).map((r: any) => r.detail);
  const bad = plan.filter((d: string) => /^SCAN (?!.*(COVERING )?INDEX)|^SCAN [a-z_]+$/i.test(d) && !/json_each|CONSTANT|SUBQUERY|\(subquery/.test(d));
  console.log((bad.length ? 'FULLSCAN?? ' : 'ok ') + sql.replace(/\s+/g, ' ').slice(0, 150) + '\n   ' + plan.join(' | '));
}
