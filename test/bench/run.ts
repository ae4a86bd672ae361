import path from 'node:path';
import Database from 'better-sqlite3';
import { databaseFileName } from '../../electron/server/data-dir';
import { buildRendererIfNeeded } from '../../electron/cli/build-renderer';
import { startBenchServer } from './api-server';
import { benchDataDir } from './bench-db';
import { benchCallbacks } from './callbacks-bench';
import { benchCard } from './card-bench';
import { benchComplaints } from './complaints-bench';
import { benchColdStart } from './cold-start-bench';
import { benchCustomers } from './customers-bench';
import { benchEvents } from './events-bench';
import { benchImport } from './import-bench';
import { benchLanLoad, parseDuration } from './lan-load-bench';
import { benchLoyalty } from './loyalty-bench';
import { benchRoImport } from './ro-import-bench';
import { benchPrivacy } from './privacy-bench';
import { benchReports } from './reports-bench';
import { benchSearch } from './search-bench';
import type { Row } from './stats';
import { printTable } from './stats';
import { benchUpkeep } from './upkeep-bench';

/**
 * `npm run bench [-- --scales M,L --reps 200]`: figures, not pass/fail. Each API operation goes through the
 * real HTTP server; beside it, the same work as raw better-sqlite3 SQL on the same file, and the ratio.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const flag = (name: string, fallback: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
  };
  const scales = flag('scales', 'M,L').split(',') as ('S' | 'M' | 'L')[];
  const reps = Number(flag('reps', '200'));
  // `--starts 3`: fresh server starts per family of calls in the cold-start module.
  const starts = Number(flag('starts', '3'));
  // `--only callbacks,card`: run just those modules (customers, search, card, callbacks, cold, upkeep, import,
  // ro-import, privacy, complaints, reports, events, lan-load, loyalty).
  const only = flag('only', '').split(',').filter(Boolean);
  const want = (module: string) => only.length === 0 || only.includes(module);
  const log = (line: string) => console.log(line);
  await buildRendererIfNeeded(log);

  const rows: Row[] = [];
  // Each module's figures are printed as soon as it finishes, so a later failure loses nothing.
  const add = (more: Row[]) => {
    rows.push(...more);
    printTable(more);
  };
  // `--port 5490`: base port, when another bench run already uses the default.
  let port = Number(flag('port', '5290'));
  const scaleModules = [
    'customers',
    'search',
    'card',
    'callbacks',
    'cold',
    'upkeep',
    'privacy',
    'complaints',
    'reports',
    'events',
  ];
  // `--only ro-import` alone needs no server on the cached database (it works on a copy of its own).
  const anyScaleModule = scaleModules.some(want) || only.includes('cold-without-warm-up');
  for (const scale of anyScaleModule ? scales : []) {
    log(`准备 scale ${scale} 数据库…`);
    const dir = benchDataDir(scale, log);
    const server = await startBenchServer(dir, port++);
    const raw = new Database(path.join(dir, databaseFileName));
    raw.pragma('journal_mode = WAL');
    raw.pragma('busy_timeout = 5000');
    try {
      if (want('customers')) add(await benchCustomers(scale, server, raw, reps));
      if (want('search')) add(await benchSearch(scale, server, raw, reps));
      if (want('card')) add(await benchCard(scale, server, raw, reps));
      if (want('callbacks')) add(await benchCallbacks(scale, server, raw, reps));
      // Servers of their own beside the main one (ports 50 and 51 above it): each started fresh.
      if (want('cold')) add(await benchColdStart(scale, dir, raw, port + 50, starts, log));
      // `--only cold-without-warm-up`: the same first calls on servers that skip the warm-up, to compare.
      if (only.includes('cold-without-warm-up'))
        add(await benchColdStart(scale, dir, raw, port + 52, starts, log, false));
      if (want('upkeep')) add(await benchUpkeep(scale, dir, raw, port + 51, log));
      // Masking and the card-view log against a server without them (port 53 above the main one).
      if (want('privacy')) add(await benchPrivacy(scale, dir, server, raw, port + 53, reps, log));
      // Ticket list, ticket page and the escalation pass; cold figures on a fresh server (port 54 above).
      if (want('complaints')) add(await benchComplaints(scale, server, raw, reps, port + 54, log));
      // The monthly report pack of the month before the data's day, and the manager's dashboard.
      // Cold figures on fresh servers, port 56 above the main one.
      if (want('reports')) add(await benchReports(scale, server, raw, reps, port + 56, starts, log));
      // Target list for the whole base, the door's lookup and the event page; cold on port 55 above.
      if (want('events')) add(await benchEvents(scale, server, raw, reps, port + 55, log));
    } finally {
      raw.close();
      await server.stop();
    }
  }
  // 50,000 repair orders (dry run + apply + revert) on a copy of each scale's database.
  if (want('ro-import')) for (const scale of scales) add(await benchRoImport(scale, port++, log));
  // 会员积分: daily pass and tiers of the whole base, postings, redemption, ledger — on a copy (they write).
  if (want('loyalty')) for (const scale of scales) add(await benchLoyalty(scale, port++, reps, log));
  if (want('import')) add(await benchImport(port++, log));
  // 30 workstations over HTTPS for `--lan-duration` (default 3m; 30s to try), on a copy of each scale's database;
  // `--lan-think 0` drops the people's pauses (a capacity figure, not the store's day). Ports: HTTP, HTTPS above
  // (or `--lan-port`). `--lan-live every-message`: the workstations refetch as before live changes named their
  // customers (every card on every message), to compare with the renderer's rule on the same machine state.
  if (want('lan-load'))
    for (const scale of scales) {
      const durationMs = parseDuration(flag('lan-duration', '3m'));
      const lanPort = flag('lan-port', '');
      const liveRule = flag('lan-live', 'renderer');
      if (liveRule !== 'renderer' && liveRule !== 'every-message')
        throw new Error(`--lan-live: renderer or every-message, got ${liveRule}`);
      add(
        await benchLanLoad(
          scale,
          port,
          {
            durationMs,
            think: Number(flag('lan-think', '1')),
            ...(lanPort ? { lanPort: Number(lanPort) } : {}),
            liveRule,
          },
          log,
        ),
      );
      port += 2;
    }
  console.log('\n全部结果 / all figures:');
  printTable(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
