import Database from 'better-sqlite3';
const raw = new Database('/tmp/search-work/L/dealer-crm.sqlite', { readonly: true });
const url = 'http://127.0.0.1:5392';
const login = await (await fetch(`${url}/api/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Bench-Admin-2026' }) })).json() as any;
const token = login.data.token;
const rows = raw.prepare(`select c.name, c.name_pinyin p, c.name_initials i, c.mobile, v.plate, v.vin from customers c join vehicles v on v.owner_id=c.id where c.id % 997 = 0 and c.is_company = 0 limit 40`).all() as any[];
for (const r of rows) {
  const qs = [[...r.name][1], r.name.slice(0,2), r.name.slice(0,3), r.i, r.p, r.mobile, r.mobile.slice(-4), r.plate.slice(0,2)+'·'+r.plate.slice(2), r.vin, r.vin.slice(-6)];
  for (const q of qs) {
    try {
      const res = await fetch(`${url}/api/customers.search`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ q }) });
      const j = await res.json() as any;
      if (!j.ok) console.log('FAIL', q, j.error);
    } catch (e) { console.log('CRASH on', JSON.stringify(q)); process.exit(1); }
  }
}
console.log('all ok');
