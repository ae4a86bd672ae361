import type Database from 'better-sqlite3';
import type { AppDb } from '../../db/open-database';
import type { ChannelName } from '../contract';
import { contract } from '../contract';
import type { SessionUser } from '../contract/auth';
import type { Clock } from '../domain/clock';
import type { AuthedContext } from '../domain/context';
import { handlers } from './handlers';

type Call = { channel: ChannelName; input: unknown };

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

// Reads only: a warm-up must change nothing and log nothing. Nobody's permissions are involved (the handlers are
// called directly); the card is built as for a reader who may not edit.
const reader: SessionUser = {
  id: 0,
  username: 'warm-up',
  displayName: '启动预热',
  role: 'front_desk',
  permissions: [],
};

/**
 * The calls a store makes in its first minutes, on a few real customers: each kind of search (one and two
 * characters, a whole name, pinyin, initials, phone and its last four, plate, the end of a VIN), cards, and the
 * list under every sort with each kind of filter. Each statement gets prepared once, the code paths compiled,
 * and the index pages they walk read into the page cache.
 */
function firstCalls(sqlite: Database.Database): Call[] {
  const people = sqlite
    .prepare(
      `select c.id, c.name, c.name_pinyin as pinyin, c.name_initials as initials, c.mobile, c.mobile_tail as tail,
         (select v.plate from vehicles v where v.owner_id = c.id and v.plate is not null limit 1) as plate,
         (select v.vin from vehicles v where v.owner_id = c.id limit 1) as vin
       from customers c indexed by customers_last_visit_idx
       where c.merged_into_id is null and c.last_visit_at is not null
       order by c.last_visit_at desc limit 3`,
    )
    .all() as {
    id: number;
    name: string;
    pinyin: string | null;
    initials: string | null;
    mobile: string | null;
    tail: string | null;
    plate: string | null;
    vin: string | null;
  }[];
  const pick = (sql: string) => sqlite.prepare(sql).pluck().get() as string | undefined;
  const calls: Call[] = [];
  for (const p of people) {
    const chars = [...p.name];
    const queries = [
      chars[chars.length - 1],
      chars.slice(0, 2).join(''),
      p.name,
      p.pinyin,
      p.pinyin?.slice(0, 3),
      p.initials,
      p.mobile,
      p.tail,
      p.plate,
      p.plate?.slice(-4),
      p.vin?.slice(-6),
    ];
    for (const q of queries) if (q) calls.push({ channel: 'customers.search', input: { q } });
    calls.push({ channel: 'customers.card', input: { id: p.id } });
    calls.push({ channel: 'customers.get', input: { id: p.id } });
  }
  const filters: Record<string, unknown>[] = [{}, { stages: ['owner'] }, { baseGrades: ['normal'] }];
  const district = pick('select district from customers where district is not null limit 1');
  const series = pick('select series from vehicles where series is not null limit 1');
  const tag = pick('select tag from customer_tags limit 1');
  if (district) filters.push({ district });
  if (series) filters.push({ series });
  if (tag) filters.push({ tag });
  for (const sort of ['lastVisit', 'created', 'name']) {
    for (const direction of ['desc', 'asc']) {
      for (const f of filters) {
        calls.push({ channel: 'customers.list', input: { limit: 50, sort, direction, filters: f } });
      }
    }
  }
  calls.push({ channel: 'customers.facets', input: {} });
  return calls;
}

/**
 * Warms the server in the background right after start: the first requests of the day would otherwise pay for
 * preparing statements, compiling code and reading index pages (tens of milliseconds each, seen as the day's
 * slowest searches and cards). One call at a time, yielding between calls, so a request that arrives meanwhile
 * waits for one small call at most. A call that fails is skipped: warming up must never stop the app.
 */
export function startWarmUp(
  db: AppDb,
  clock: Clock,
  log: (message: string, error?: unknown) => void,
): { stop(): void; done: Promise<{ calls: number; failed: number }> } {
  let stopped = false;
  const ctx: AuthedContext = { db, clock, user: reader, token: null };
  const run = async () => {
    const tally = { calls: 0, failed: 0 };
    await yieldToRequests();
    let calls: Call[];
    try {
      calls = firstCalls(db.$client);
    } catch (error) {
      if (!stopped) log('启动预热跳过', error);
      return tally;
    }
    for (const { channel, input } of calls) {
      if (stopped) break;
      tally.calls++;
      try {
        const parsed: unknown = contract[channel].input.parse(input);
        const handler = handlers[channel] as (ctx: AuthedContext, input: unknown) => unknown;
        const out = handler(ctx, parsed);
        // The reply is serialised as a request's would be (that code is hot too).
        JSON.stringify(out instanceof Promise ? await out : out);
      } catch {
        // Not worth a word: a customer changed meanwhile, a filter value gone.
        tally.failed++;
      }
      await yieldToRequests();
    }
    return tally;
  };
  const done = run();
  return {
    stop() {
      stopped = true;
    },
    done,
  };
}
