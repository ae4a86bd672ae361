import type Database from 'better-sqlite3';
import type { BenchServer } from './api-server';
import { startBenchServer } from './api-server';
import type { Row } from './stats';
import { percentiles } from './stats';
import type { Sample } from './search-bench';

/** One family of calls: the `i`-th call's channel and input, different on every call. */
interface Family {
  label: string;
  target: string;
  call: (i: number) => { channel: string; input: unknown };
}

/** A fixed pseudo-random walk, so every run asks the same questions. */
function picker(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

/** What a front desk types in the first minutes: names, pinyin, initials, phones, plates, VINs — mixed. */
function families(raw: Database.Database): Family[] {
  const people = raw
    .prepare(
      `select c.id, c.name, c.name_pinyin as pinyin, c.name_initials as initials, c.mobile, c.mobile_tail as tail,
         v.plate, v.vin
       from customers c join vehicles v on v.owner_id = c.id
       where c.merged_into_id is null and c.mobile is not null and v.plate is not null and c.is_company = 0
         and c.id % 211 = 7
       order by c.id limit 400`,
    )
    .all() as Sample[];
  const queries = (p: (typeof people)[number], i: number): string => {
    const chars = [...p.name];
    switch (i % 9) {
      case 0:
        return chars[1 % chars.length]!;
      case 1:
        return chars.slice(0, 2).join('');
      case 2:
        return p.name;
      case 3:
        return p.initials;
      case 4:
        return p.pinyin;
      case 5:
        return p.tail;
      case 6:
        return p.mobile;
      case 7:
        return `${p.plate.slice(0, 2)}·${p.plate.slice(2)}`;
      default:
        return p.vin.slice(-6);
    }
  };
  const maxId = (raw.prepare('select max(id) as m from customers').get() as { m: number }).m;
  const stages = ['lead', 'intent', 'new_owner', 'owner', 'vip', 'lost', 'churned', 'dormant'];
  const series = (raw.prepare('select distinct series as v from vehicles').all() as { v: string }[]).map(
    (r) => r.v,
  );
  const districts = (
    raw.prepare('select distinct district as v from customers where district is not null').all() as {
      v: string;
    }[]
  ).map((r) => r.v);
  const sorts = ['lastVisit', 'created', 'name'] as const;
  const listFilters = (i: number): Record<string, unknown> => {
    switch (i % 5) {
      case 0:
        return {};
      case 1:
        return { stages: [stages[i % stages.length]] };
      case 2:
        return { series: series[i % series.length] };
      case 3:
        return { district: districts[i % districts.length] };
      default:
        return { baseGrades: [['premium', 'potential', 'normal'][i % 3]] };
    }
  };
  return [
    {
      label: 'customers.search (9 kinds of query in turn)',
      target: 'p95 < 10ms',
      call: (i) => ({ channel: 'customers.search', input: { q: queries(people[i % people.length]!, i) } }),
    },
    {
      label: 'customers.card (random customers)',
      target: 'p95 < 10ms',
      call: (i) => ({ channel: 'customers.card', input: { id: 1 + ((i * 104_729 + 31) % maxId) } }),
    },
    {
      label: 'customers.list (filters × sorts in turn)',
      target: 'p95 < 15ms',
      call: (i) => ({
        channel: 'customers.list',
        input: {
          limit: 50,
          sort: sorts[Math.floor(i / 5) % 3],
          direction: Math.floor(i / 15) % 2 ? 'asc' : 'desc',
          filters: listFilters(i),
        },
      }),
    },
  ];
}

async function timeCalls(server: BenchServer, family: Family, from: number, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = from; i < from + n; i++) {
    const { channel, input } = family.call(i);
    const t0 = performance.now();
    await server.call(channel, input);
    out.push(performance.now() - t0);
  }
  return out;
}

/**
 * The first minutes of a store's day: a fresh server process (a new database connection: empty page cache, no
 * prepared statements, nothing compiled), logged in, and at once the first 100 calls of one kind — then the
 * same kind warm. Each set runs on `starts` fresh servers (one family per server, so no family warms another),
 * and the figures pool them. The operating system's file cache stays warm: a cold disk is not measured.
 */
export async function benchColdStart(
  scale: string,
  dataDir: string,
  raw: Database.Database,
  port: number,
  starts: number,
  log: (line: string) => void,
  warmUp = true,
): Promise<Row[]> {
  const rows: Row[] = [];
  const pick = picker(20261201);
  const without = warmUp ? '' : ', server without warm-up';
  for (const family of families(raw)) {
    const cold: number[] = [];
    const warm: number[] = [];
    const perStart: string[] = [];
    for (let s = 0; s < starts; s++) {
      const server = await startBenchServer(dataDir, port, { warmUp });
      try {
        // A different stretch of inputs on each start, so no start repeats another's questions.
        const offset = pick(10_000);
        const first = await timeCalls(server, family, offset, 100);
        cold.push(...first);
        // Warm: after a few hundred calls of the kind, the next 100.
        await timeCalls(server, family, offset + 100, 300);
        warm.push(...(await timeCalls(server, family, offset + 400, 100)));
        perStart.push(`p95 ${percentiles(first).p95.toFixed(1)} max ${Math.max(...first).toFixed(1)}`);
      } finally {
        await server.stop();
      }
    }
    log(`  [cold start ${scale}${without}] ${family.label}: first 100 per start: ${perStart.join('; ')}`);
    rows.push({
      scale,
      operation: `${family.label}, first 100 after a fresh start (×${starts}${without})`,
      api: percentiles(cold),
      raw: null,
      target: family.target,
    });
    rows.push({
      scale,
      operation: `${family.label}, warm (×${starts}${without})`,
      api: percentiles(warm),
      raw: null,
      target: family.target,
    });
  }
  return rows;
}
