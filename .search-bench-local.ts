import Database from 'better-sqlite3';
import { startBenchServer } from './test/bench/api-server';
import { benchSearch } from './test/bench/search-bench';
import { printTable } from './test/bench/stats';
const dir = process.argv[2]!;
const reps = Number(process.argv[3] ?? 30);
const only = process.argv[4];
const server = await startBenchServer(dir, 5391);
const raw = new Database(`${dir}/dealer-crm.sqlite`);
try {
  const rows = await benchSearch('L', server, raw, reps);
  printTable(only ? rows.filter((r) => r.operation.includes(only)) : rows);
} finally { raw.close(); server.stop(); }
