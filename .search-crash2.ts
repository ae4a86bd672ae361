import Database from 'better-sqlite3';
const raw = new Database('/tmp/search-work/L/dealer-crm.sqlite', { readonly: true });
const url = 'http://127.0.0.1:5392';
const login = await (await fetch(`${url}/api/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Bench-Admin-2026' }) })).json() as any;
const token = login.data.token;
const maxId = (raw.prepare('select max(id) as m from customers').get() as any).m;
let s = 20261122 >>> 0;
const pick = (n: number) => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s % n; };
const one = raw.prepare(`select c.id, c.name from customers c join vehicles v on v.owner_id = c.id where c.id >= ? and c.merged_into_id is null and c.mobile is not null and v.plate is not null and c.is_company = 0 order by c.id limit 1`);
const out: any[] = [];
while (out.length < 25) { const r = one.get(1 + pick(maxId)); if (r) out.push(r); }
for (let i = 0; i < 25; i++) {
  const q = [...out[i].name][i % [...out[i].name].length];
  try {
    const res = await fetch(`${url}/api/customers.search`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ q }) });
    const j = await res.json() as any; console.log(i, q, j.ok, j.data?.results?.length);
  } catch (e) { console.log('CRASH on', i, JSON.stringify(q)); process.exit(1); }
}
