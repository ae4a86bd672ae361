import { openDatabase } from './db/open-database';
import { listCustomers } from './electron/domain/customers/customer-list';
const db = openDatabase(process.env.DB ?? '/tmp/search-work/Lidx/dealer-crm.sqlite');
const ctx = { db, clock: () => new Date(), user: null, token: null } as any;
const f = JSON.parse(process.argv[2]!);
for (const sort of ['lastVisit', 'created', 'name']) for (const direction of ['desc', 'asc']) {
  const first = listCustomers(ctx, { limit: 50, sort, direction, filters: f } as any);
  const m = (cursor: any) => { const t: number[] = []; for (let i = 0; i < 5; i++) { const t0 = performance.now(); listCustomers(ctx, { limit: 50, sort, direction, filters: f, cursor } as any); t.push(performance.now() - t0); } return Math.min(...t).toFixed(1); };
  console.log(sort, direction, 'total', first.total, 'first', m(null), 'second(no count)', first.nextCursor ? m(first.nextCursor) : '-');
}
