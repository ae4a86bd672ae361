import { openDatabase } from './db/open-database';
import { listCustomers } from './electron/domain/customers/customer-list';
const db = openDatabase(process.env.DB ?? '/tmp/search-work/L/dealer-crm.sqlite');
const ctx = { db, clock: () => new Date(), user: null, token: null } as any;
const raw = db.$client;
const distinct = (sql: string) => (raw.prepare(sql).all() as { v: string }[]).map((r) => r.v);
const cases: [string, any[]][] = [
  ['none', [{}]],
  ['stage', ['lead', 'intent', 'new_owner', 'owner', 'vip', 'lost', 'churned', 'dormant'].map((v) => ({ stages: [v] }))],
  ['grade', ['premium', 'potential', 'normal'].map((v) => ({ baseGrades: [v] }))],
  ['tag', distinct('select distinct tag v from customer_tags').map((v) => ({ tag: v }))],
  ['district', distinct('select distinct district v from customers where district is not null').map((v) => ({ district: v }))],
  ['series', distinct('select distinct series v from vehicles').map((v) => ({ series: v }))],
  ['range', [['2026-08-01','2026-10-28'],['2025-01-01','2025-03-28'],['2024-05-01','2024-07-28'],['2021-01-01','2021-12-31']].map(([a,b]) => ({ lastVisitFrom: a, lastVisitTo: b }))],
];
const which = process.argv[2];
for (const [label, values] of cases) {
  if (which && !label.startsWith(which)) continue;
  for (const sort of ['lastVisit', 'created', 'name']) for (const direction of ['desc', 'asc']) {
    const worst: [number, string][] = [];
    for (const f of values) {
      const t: number[] = [];
      for (let i = 0; i < 3; i++) { const t0 = performance.now(); listCustomers(ctx, { limit: 50, sort, direction, filters: f } as any); t.push(performance.now() - t0); }
      worst.push([Math.min(...t), JSON.stringify(f)]);
    }
    worst.sort((a, b) => b[0] - a[0]);
    console.log(label.padEnd(9), `${sort} ${direction}`.padEnd(15), 'worst-min', worst[0]![0].toFixed(1).padStart(7), worst[0]![1], ' median', worst[Math.floor(worst.length / 2)]![0].toFixed(1));
  }
}
