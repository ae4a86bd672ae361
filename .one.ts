import { openDatabase } from './db/open-database';
import { listCustomers } from './electron/domain/customers/customer-list';
const db = openDatabase(`${process.argv[2]}/dealer-crm.sqlite`);
const ctx = { db, clock: () => new Date(), user: null, token: null } as any;
const input = JSON.parse(process.argv[3]!);
const t: number[] = [];
let r: any;
for (let i = 0; i < 8; i++) { const t0 = performance.now(); r = listCustomers(ctx, { limit: 50, ...input }); t.push(performance.now() - t0); }
const t2: number[] = [];
for (let i = 0; i < 5; i++) { const t0 = performance.now(); listCustomers(ctx, { limit: 50, ...input, cursor: r.nextCursor }); t2.push(performance.now() - t0); }
console.log(process.argv[3], 'first min', Math.min(...t).toFixed(1), 'med', t.sort((a,b)=>a-b)[4]!.toFixed(1), '| next min', Math.min(...t2).toFixed(1), 'total', r.total);
