import Database from 'better-sqlite3';
import { openDatabase } from './db/open-database';
import { searchCustomers } from './electron/domain/search/search-customers';
import { listCustomers } from './electron/domain/customers/customer-list';
import { customerFacets } from './electron/domain/search/customer-facets';
const dir = process.argv[2]!;
const db = openDatabase(`${dir}/dealer-crm.sqlite`);
const raw = db.$client;
const ctx = { db, clock: () => new Date(), user: null, token: null } as any;
const reps = Number(process.argv[3] ?? 100);
const pct = (t: number[]) => { t.sort((a, b) => a - b); return `p50 ${t[Math.floor(t.length * 0.5)]!.toFixed(2).padStart(7)}  p95 ${t[Math.floor(t.length * 0.95)]!.toFixed(2).padStart(7)}  max ${t[t.length - 1]!.toFixed(1).padStart(7)}`; };
const time = (n: number, fn: (i: number) => unknown) => { for (let i = 0; i < 5; i++) fn(i); const t: number[] = []; for (let i = 0; i < n; i++) { const t0 = performance.now(); fn(i); t.push(performance.now() - t0); } return pct(t); };
const maxId = (raw.prepare('select max(id) m from customers').get() as any).m;
let s = 20261122 >>> 0; const pick = (n: number) => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s % n; };
const one = raw.prepare(`select c.id, c.name, c.name_pinyin as pinyin, c.name_initials as initials, c.mobile, c.mobile_tail as tail, v.plate, v.vin from customers c join vehicles v on v.owner_id = c.id where c.id >= ? and c.merged_into_id is null and c.mobile is not null and v.plate is not null and c.is_company = 0 order by c.id limit 1`);
const ppl: any[] = []; while (ppl.length < reps + 5) { const r = one.get(1 + pick(maxId)); if (r) ppl.push(r); }
const kinds: [string, (p: any, i: number) => string][] = [
  ['name 1', (p, i) => [...p.name][i % [...p.name].length]!], ['name 2', (p, i) => { const c = [...p.name]; const a = i % (c.length - 1); return c.slice(a, a + 2).join(''); }],
  ['name 3', (p) => [...p.name].slice(0, 3).join('')], ['initials', (p) => p.initials], ['pinyin', (p) => p.pinyin], ['mobile', (p) => p.mobile], ['tail', (p) => p.tail],
  ['plate', (p) => `${p.plate.slice(0, 2)}·${p.plate.slice(2)}`], ['vin', (p) => p.vin], ['vin6', (p) => p.vin.slice(-6)]];
if (!process.argv[4] || process.argv[4] === 'search') for (const [label, q] of kinds) console.log('search', label.padEnd(10), time(reps, (i) => searchCustomers(ctx, { q: q(ppl[i % ppl.length], i), limit: 20 })));
const distinct = (sql: string) => (raw.prepare(sql).all() as { v: string }[]).map((r) => r.v);
const months = distinct("select distinct substr(last_visit_at, 1, 7) as v from customers indexed by customers_last_visit_idx where last_visit_at is not null order by v desc limit 24");
const cases: [string, any[]][] = [
  ['stage', ['lead', 'intent', 'new_owner', 'owner', 'vip', 'lost', 'churned', 'dormant'].map((v) => ({ stages: [v] }))],
  ['grade', ['premium', 'potential', 'normal'].map((v) => ({ baseGrades: [v] }))],
  ['tag', distinct('select distinct tag v from customer_tags').map((v) => ({ tag: v }))],
  ['district', distinct('select distinct district v from customers where district is not null').map((v) => ({ district: v }))],
  ['series', distinct('select distinct series v from vehicles').map((v) => ({ series: v }))],
  ['range', months.slice(2).map((m, i) => ({ lastVisitFrom: `${m}-01`, lastVisitTo: `${months[i]}-28` }))],
];
if (!process.argv[4] || process.argv[4] === 'list') for (const [label, values] of cases) for (const sort of ['lastVisit', 'created', 'name']) for (const direction of ['desc', 'asc'])
  console.log('list', label.padEnd(9), `${sort} ${direction}`.padEnd(15), time(reps, (i) => listCustomers(ctx, { limit: 50, sort, direction, filters: values[i % values.length] } as any)));
console.log('facets', time(20, () => customerFacets(ctx)));
