import Database from 'better-sqlite3';
import { benchSearch } from './test/bench/search-bench';
import { printTable } from './test/bench/stats';
const dir = process.argv[2]!;
const reps = Number(process.argv[3] ?? 30);
const only = process.argv[4];
const url = 'http://127.0.0.1:5391';
const post = async (channel: string, input: unknown, token?: string) => {
  const res = await fetch(`${url}/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(input) });
  const body = (await res.json()) as any;
  if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
  return body.data;
};
const { token } = await post('auth.login', { username: 'admin', password: 'Bench-Admin-2026' });
const server = { url, token, call: (c: string, i: unknown) => post(c, i, token), stop() {} };
const raw = new Database(`${dir}/dealer-crm.sqlite`);
try {
  const rows = await benchSearch('L', server, raw, reps);
  printTable(only ? rows.filter((r) => r.operation.includes(only)) : rows);
} finally { raw.close(); }
