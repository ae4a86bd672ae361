import type { AppDb } from '../../../db/open-database';
import { visitFactsBackfillSql, visitFactsTriggerNames } from '../../../db/visit-facts-sql';
import { AppError } from '../../contract/errors';
import { localDate } from '../clock';
import { refreshAllDerivedNow } from '../customers/refresh-all-derived';
import { dayOf } from './calendar';
import { writeComplaintTickets } from './complaint-tickets';
import { writeDemoEvents } from './events';
import { writeDemoLoyalty } from './loyalty';
import type { DemoContext, DemoCounts } from './demo-context';
import { MobileAllocator } from './identity';
import { generateOwner } from './owner-customer';
import { platePrefix } from './places';
import type { ProspectStage } from './prospect-customer';
import { generateProspect } from './prospect-customer';
import { createRng, weightedTable } from './rng';
import { writeRepairFacts } from './repair-facts';
import { prepareInserts } from './statements';
import { writeDemoStaff } from './staff';
import { writeThreeGuaranteeCases } from './three-guarantee-cases';
import { PlateAllocator, VinAllocator } from './vehicle-ids';

export type DemoScale = 'S' | 'M' | 'L';

export interface GenerateDemoOptions {
  scale: DemoScale;
  seed: number;
  /** Every date is derived from this, never from the system clock, so a seed always gives the same data. */
  now: Date;
  onProgress?: (done: number, total: number) => void;
  /** Password hash for the demo staff accounts; without one an administrator sets their passwords. */
  staffPasswordHash?: string;
}

export const demoScaleCustomers: Record<DemoScale, number> = { S: 2_000, M: 20_000, L: 200_000 };

type Kind = 'owner' | 'fleet' | ProspectStage;

// About 22% of cards are people who never bought here; fleets are few but own many cars each.
const kinds = weightedTable<Kind>([
  ['owner', 74.8],
  ['fleet', 1.2],
  ['lead', 8],
  ['intent', 6],
  ['lost', 7],
  ['dormant', 3],
]);

const batchSize = 5_000;
/** Derives the consent ledger's random stream from the same seed. */
const ledgerSeedSalt = 0x5eedc0de;
/** The 三包 repair facts' own stream: added after the rest, they leave every other row as it was. */
const repairSeedSalt = 0x3ba0c0de;
/** The complaint tickets' own stream, for the same reason. */
const complaintSeedSalt = 0xc0de7a11;
/** The owner events' own stream, for the same reason. */
const eventSeedSalt = 0xe7e47000;
/** The member programme's own stream (codes, redemptions), for the same reason. */
const loyaltySeedSalt = 0x1017a171;

// The same single and double character grams the trigger of migration 0003 writes, for every customer at once.
const nameGramsSql = `insert or ignore into customer_name_grams (gram, customer_id)
  select lower(substr(c.name, s.n, 1)), c.id from customers c join search_seq s on s.n <= length(c.name)
  union select lower(substr(c.name, s.n, 2)), c.id from customers c join search_seq s on s.n < length(c.name)`;

/**
 * Fills an empty database with a plausible store: customers at every stage, their cars, six years of
 * service visits and contact history. Writes through raw prepared statements in one transaction (savepoints per batch)
 * so a failed run leaves nothing behind; the large scale is a few million rows.
 */
export function generateDemo(db: AppDb, opts: GenerateDemoOptions): DemoCounts {
  const sqlite = db.$client;
  if (sqlite.prepare('select 1 from customers limit 1').get()) {
    throw new AppError('conflict', '数据库中已有客户数据，演示数据只能在空数据库中生成');
  }
  const total = demoScaleCustomers[opts.scale];
  const rng = createRng(opts.seed);
  const today = dayOf(opts.now);
  const maxVehicleId = sqlite.prepare('select coalesce(max(id), 0) as id from vehicles').get() as {
    id: number;
  };
  const ctx: DemoContext = {
    rng,
    ledgerRng: createRng((opts.seed ^ ledgerSeedSalt) >>> 0),
    ins: prepareInserts(sqlite),
    today,
    lastDay: today - 1,
    firstDay: today - 6 * 365,
    mobiles: new MobileAllocator(rng),
    vins: new VinAllocator(rng),
    plates: new PlateAllocator(rng, platePrefix),
    referrers: [],
    sellers: [],
    sellersUsed: new Set(),
    nextVehicleId: maxVehicleId.id + 1,
    counts: { customers: 0, vehicles: 0, serviceVisits: 0, interactions: 0 },
    keyCache: new Map(),
  };

  const runBatch = sqlite.transaction((fromId: number, toId: number) => {
    for (let id = fromId; id <= toId; id++) {
      const kind = rng.weighted(kinds);
      if (kind === 'owner' || kind === 'fleet') generateOwner(ctx, id, kind === 'fleet');
      else generateProspect(ctx, id, kind);
    }
  });
  // A seller's last visit may be on a car they sold later; recompute theirs from the visits.
  const fixSellers = sqlite.transaction((ids: number[]) => {
    const fix = sqlite.prepare(
      `update customers set last_visit_at =
         (select max(visit_date) from service_visits where customer_id = customers.id) where id = ?`,
    );
    for (const id of ids) fix.run(id);
  });

  // Durability does not matter while filling a fresh database: a crash means starting over anyway.
  const synchronous = sqlite.pragma('synchronous', { simple: true }) as number;
  sqlite.pragma('synchronous = OFF');
  // All or nothing: a failed run leaves the database empty, so it can simply be run again.
  const generateAll = sqlite.transaction(() => {
    // The name-gram trigger costs more per row as the table grows; the grams are built in one pass instead.
    const gramTrigger = sqlite
      .prepare("select sql from sqlite_master where type = 'trigger' and name = 'customers_name_grams_ai'")
      .pluck()
      .get() as string | undefined;
    if (gramTrigger) sqlite.exec('drop trigger customers_name_grams_ai');
    // So do the report's visit facts (db/visit-facts-sql.ts): summed once from all the visits at the end instead.
    const factTriggers = sqlite
      .prepare(
        `select sql from sqlite_master where type = 'trigger' and name in (select value from json_each(?))`,
      )
      .pluck()
      .all(JSON.stringify(visitFactsTriggerNames)) as string[];
    for (const name of visitFactsTriggerNames) sqlite.exec(`drop trigger if exists ${name}`);
    opts.onProgress?.(0, total);
    for (let from = 1; from <= total; from += batchSize) {
      const to = Math.min(total, from + batchSize - 1);
      runBatch(from, to);
      opts.onProgress?.(to, total);
    }
    const repairRng = createRng((opts.seed ^ repairSeedSalt) >>> 0);
    writeRepairFacts(sqlite, repairRng, ctx.lastDay);
    ctx.counts.serviceVisits += writeThreeGuaranteeCases(sqlite, repairRng, today, ctx.counts.vehicles);
    // Before the cards' derived facts: a complaint counts in the loyalty score.
    const complaints = writeComplaintTickets(sqlite, createRng((opts.seed ^ complaintSeedSalt) >>> 0), {
      today,
      now: opts.now,
      customers: total,
    });
    ctx.counts.interactions += complaints.interactions;
    writeDemoEvents(sqlite, createRng((opts.seed ^ eventSeedSalt) >>> 0), { today, customers: total });
    // After the events: a check-in earns points too (the events write theirs through the same rule).
    writeDemoLoyalty(sqlite, createRng((opts.seed ^ loyaltySeedSalt) >>> 0), { today, now: opts.now });
    writeDemoStaff(sqlite, {
      scale: opts.scale,
      nowIso: opts.now.toISOString(),
      ...(opts.staffPasswordHash ? { passwordHash: opts.staffPasswordHash } : {}),
    });
    fixSellers([...ctx.sellersUsed].sort((a, b) => a - b));
    if (gramTrigger) {
      sqlite.exec(nameGramsSql);
      sqlite.exec(gramTrigger);
    }
    // The generator sketches each card's stage and grade; the card's own rules have the last word, so the
    // list's filters and the card agree from the first start.
    refreshAllDerivedNow(sqlite, localDate(opts.now));
    for (const statement of visitFactsBackfillSql) sqlite.exec(statement);
    for (const trigger of factTriggers) sqlite.exec(trigger);
  });
  try {
    generateAll();
  } finally {
    sqlite.pragma(`synchronous = ${synchronous}`);
  }
  return { ...ctx.counts };
}
