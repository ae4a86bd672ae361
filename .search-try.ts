import { openDatabase } from './db/open-database';
import { searchCustomers } from './electron/domain/search/search-customers';
import { customerFacets } from './electron/domain/search/customer-facets';
const db = openDatabase(process.env.DB ?? '/tmp/search-work/L/dealer-crm.sqlite');
const ctx = { db, clock: () => new Date(), user: null, token: null };
const qs = process.argv.slice(2);
for (const q of qs) {
  const t: number[] = [];
  let r;
  for (let i = 0; i < 15; i++) { const t0 = performance.now(); r = q === 'FACETS' ? customerFacets(ctx) : searchCustomers(ctx, { q, limit: 20 }); t.push(performance.now() - t0); }
  t.sort((a, b) => a - b);
  console.log(q, 'min', t[0]!.toFixed(2), 'med', t[7]!.toFixed(2), 'max', t[14]!.toFixed(2));
  console.log(JSON.stringify(q === 'FACETS' ? r : (r as any).results.slice(0, 4).map((x: any) => [x.name, x.match, x.matchedText, x.mobile, x.plates])) , (r as any).results?.length);
}
