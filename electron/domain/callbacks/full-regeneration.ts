import type Database from 'better-sqlite3';
import type { CallbackRuleCode } from '../../contract/callbacks';
import { localDate } from '../clock';
import type { ServiceContext } from '../context';
import { closeExpired } from './close-expired';
import { contactReasonSql, contactSqlParams, contactStatusSql } from './consent';
import type { CustomerIdRange } from './rules/rule-types';
import { daysModifier } from './rules/rule-types';
import { creationRange, newlyOpenRange } from './generation-window';
import { cancelReasons } from './regenerate-for-customer';
import type { RuleSet } from './rule-config';
import { defaultKmPerDay, loadRules } from './rule-config';
import { generatingRules } from './rules';
import { runMarks } from './run-marks';
import {
  dropUsageTablesSql,
  emptyUsageTablesSql,
  stageTableSql,
  vehicleUsageParams,
  vehicleUsageSliceSql,
  vehicleUsageSql,
} from './vehicle-usage';

export interface GenerationSummary {
  today: string;
  rules: { ruleCode: CallbackRuleCode; ruleName: string; created: number; skipped: number }[];
  created: number;
  skipped: number;
  cancelled: number;
  expired: number;
  durationMs: number;
}

/**
 * Full regeneration, set-based: per rule one `INSERT OR IGNORE … SELECT` over all customers, relying on the
 * identity index (customer, rule, anchor, vehicle) so that running it again creates nothing. The per-vehicle
 * figures (owner's date, last maintenance, km/day) are worked out once into temp table cb_vehicle. Produces the
 * same tasks as the pure rule functions (the incremental path); a test on demo data holds the two equal.
 */
export function regenerateAllCallbacks(ctx: ServiceContext): GenerationSummary {
  const now = ctx.clock();
  return regenerateAll(ctx.db.$client, localDate(now), now.toISOString());
}

export function regenerateAll(sqlite: Database.Database, today: string, nowIso: string): GenerationSummary {
  const t0 = performance.now();
  const run = sqlite.transaction(() => {
    const expired = closeExpired(sqlite, today, nowIso);
    sqlite.exec(dropUsageTablesSql);
    try {
      const rules = loadRules(sqlite);
      const slice = generateSlice(sqlite, today, nowIso, rules, everyCustomer, (sql) => sqlite.prepare(sql));
      return { expired, ...slice };
    } finally {
      sqlite.exec(dropUsageTablesSql);
    }
  });
  const { expired, cancelled, counts } = run.immediate();
  runMarks.markGenerated(sqlite, today, true);
  return summarise(sqlite, today, { expired, cancelled, counts }, t0);
}

/** Work per slice of the sliced pass when no fixed size is asked for: short enough not to be felt by a request. */
const sliceTargetMs = 10;

/**
 * The same pass as regenerateAll, in slices of customers by id, each slice its own short transaction, awaiting
 * `pause` before each slice so that requests are answered while it runs. Every customer's tasks are worked out
 * from that customer's rows alone, so the slices together create exactly what one pass over everyone does;
 * a customer added while the pass runs is the incremental path's (the services regenerate on every change).
 * With `since` (the last store day the queue was complete for), only the due dates that came into the creation
 * range since are looked for, which is all the calendar can have added.
 */
export async function regenerateAllSliced(
  sqlite: Database.Database,
  today: string,
  nowIso: string,
  opts: { sliceSize?: number; pause: () => Promise<void>; since?: string | null },
): Promise<GenerationSummary> {
  const t0 = performance.now();
  // Without a fixed size, each slice is sized from the last one's time, so a busy machine gets smaller slices.
  // The first slice also prepares the rules' statements (longer than a slice's work), so it starts small.
  let size = opts.sliceSize ?? 50;
  await opts.pause();
  const expired = sqlite.transaction(() => closeExpired(sqlite, today, nowIso)).immediate();
  await opts.pause();
  const maxId = sqlite.prepare('select coalesce(max(id), 0) from customers').pluck().get() as number;
  // The rules as the pass started (a manager's edit meanwhile regenerates on its own).
  const rules = loadRules(sqlite);
  // Prepared once for the whole pass: the rules' statements take longer to prepare than a slice takes to run.
  const cache = new Map<string, Database.Statement>();
  const prep = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) cache.set(sql, (statement = sqlite.prepare(sql)));
    return statement;
  };
  const counts: RuleCounts = new Map();
  let cancelled = 0;
  try {
    for (let lo = 1; lo <= maxId;) {
      if (lo > 1) await opts.pause();
      const started = performance.now();
      const hi = lo + size - 1;
      const slice = sqlite
        .transaction(() => generateSlice(sqlite, today, nowIso, rules, { lo, hi }, prep, opts.since ?? null))
        .immediate();
      lo = hi + 1;
      if (opts.sliceSize === undefined) {
        const took = Math.max(0.5, performance.now() - started);
        size = Math.max(50, Math.min(5000, Math.round((size * sliceTargetMs) / took)));
      }
      cancelled += slice.cancelled;
      for (const [code, c] of slice.counts) {
        const sum = counts.get(code) ?? { created: 0, skipped: 0 };
        counts.set(code, { created: sum.created + c.created, skipped: sum.skipped + c.skipped });
      }
    }
  } finally {
    sqlite.exec(dropUsageTablesSql);
  }
  runMarks.markGenerated(sqlite, today, !opts.since);
  return summarise(sqlite, today, { expired, cancelled, counts }, t0);
}

type RuleCounts = Map<CallbackRuleCode, { created: number; skipped: number }>;

const everyCustomer: CustomerIdRange = { lo: 0, hi: Number.MAX_SAFE_INTEGER };

/**
 * Creates the missing tasks of the customers in `slice` and cancels what they no longer hold; in a transaction.
 * The temp tables are created if missing (a whole pass in between may have dropped them) and left empty.
 */
function generateSlice(
  sqlite: Database.Database,
  today: string,
  nowIso: string,
  rules: RuleSet,
  slice: CustomerIdRange,
  prep: (sql: string) => Database.Statement,
  since: string | null = null,
): { cancelled: number; counts: RuleCounts } {
  const whole = slice === everyCustomer;
  const before = (prep('select coalesce(max(id), 0) as id from callback_tasks').get() as { id: number }).id;
  const stage: RuleCounts = new Map();
  let inserted = 0;
  let allNew = false;
  for (const sql of whole ? vehicleUsageSql : vehicleUsageSliceSql) {
    prep(sql).run(vehicleUsageParams(sql, slice, defaultKmPerDay(rules)));
  }
  try {
    // Every rule's tasks are staged first and inserted in one pass sorted by the identity key: the task
    // table's indexes then grow in order instead of by random inserts, about a third cheaper at scale L.
    prep(stageTableSql).run();
    const skippedInStage = prep(
      "select count(*) from cb_stage where rowid > ? and status = 'skipped'",
    ).pluck();
    let stagedRows = 0;
    // `cross join`: the slice's candidates drive and each finds its customer by key; left to itself SQLite may walk
    // every customer once per slice (the quarterly-care rule did: two thirds of the daily pass at scale L).
    // `+k.customer_id`: a filter only. As a plain column SQLite carries the range over to cu.id and drives the
    // join from customers, scanning the candidates once per customer (minutes at scale S).
    for (const gen of generatingRules) {
      const rule = rules.get(gen.code);
      if (!rule?.enabled) continue;
      const range = since === null ? creationRange(rule, today) : newlyOpenRange(rule, since, today);
      if (range.from > range.to) continue;
      const select = gen.select({ rule, rules, today, range, customers: slice });
      const staged = prep(
        `insert into cb_stage
         select k.customer_id, k.vehicle_id, k.service_visit_id, @code, k.anchor_date, k.due_date,
           date(k.due_date, @expiry), @priority, ${contactStatusSql}, ${contactReasonSql}
         from (${select.sql}) as k
         cross join customers cu on cu.id = k.customer_id and cu.merged_into_id is null
         left join consents cs on cs.customer_id = k.customer_id and cs.purpose = @purpose
         where k.due_date between @from and @to and +k.customer_id between @s_lo and @s_hi`,
      ).run({
        ...select.params,
        ...contactSqlParams(rule.consentPurpose),
        code: gen.code,
        expiry: daysModifier(rule.expiryDays),
        priority: rule.priority,
        purpose: rule.consentPurpose,
        from: range.from,
        to: range.to,
        s_lo: slice.lo,
        s_hi: slice.hi,
      }).changes;
      stage.set(gen.code, { created: staged, skipped: skippedInStage.get(stagedRows) as number });
      stagedRows += staged;
    }
    inserted = prep(
      `insert or ignore into callback_tasks (customer_id, vehicle_id, service_visit_id, rule_code, anchor_date,
         due_date, expires_on, priority, status, skip_reason, created_at, updated_at)
       select *, @now, @now from cb_stage order by customer_id, rule_code, anchor_date, vehicle_id`,
    ).run({ now: nowIso }).changes;
    // Nothing was there already (a first pass): the staged counts are the created ones, no need to recount.
    allNew = inserted === stagedRows;
  } finally {
    for (const sql of emptyUsageTablesSql) prep(sql).run();
  }
  const cancelled = reconcile(sqlite, nowIso, before, slice, prep);
  return { cancelled, counts: allNew ? stage : countNew(sqlite, before) };
}

function summarise(
  sqlite: Database.Database,
  today: string,
  done: { expired: number; cancelled: number; counts: RuleCounts },
  t0: number,
): GenerationSummary {
  const names = new Map([...loadRules(sqlite).values()].map((r) => [r.code, r.name]));
  const summaryRules = generatingRules.map((g) => ({
    ruleCode: g.code,
    ruleName: names.get(g.code) ?? g.code,
    created: done.counts.get(g.code)?.created ?? 0,
    skipped: done.counts.get(g.code)?.skipped ?? 0,
  }));
  return {
    today,
    rules: summaryRules,
    created: summaryRules.reduce((n, r) => n + r.created, 0),
    skipped: summaryRules.reduce((n, r) => n + r.skipped, 0),
    cancelled: done.cancelled,
    expired: done.expired,
    durationMs: Math.round(performance.now() - t0),
  };
}

/**
 * What changed behind the engine's back (data edited without the incremental hook): merged cards' open tasks
 * and vehicle tasks of cars that changed hands are cancelled. Everything finer (a first service done, a
 * birthday corrected) is the incremental path's job, which the services run on every change.
 */
function reconcile(
  sqlite: Database.Database,
  nowIso: string,
  createdAfter: number,
  slice: CustomerIdRange,
  prep: (sql: string) => Database.Statement,
): number {
  // Tasks this pass just created are consistent with the data by construction.
  const free =
    '(claimed_by is null or claim_expires_at < @now) and id <= @createdAfter and customer_id between @lo and @hi';
  const merged = prep(
    `update callback_tasks set status = 'cancelled', skip_reason = @reason, updated_at = @now, version = version + 1
       where status = 'open' and ${free}
         and customer_id in (select id from customers where merged_into_id is not null)`,
  ).run({ reason: cancelReasons.merged, now: nowIso, createdAfter, ...slice }).changes;
  const vehicleRules = generatingRules.filter((g) => g.onOwnedVehicle).map((g) => `'${g.code}'`);
  // The slice's customers drive (SQLite would otherwise walk every vehicle task, or every open one, per slice).
  const sold = prep(
    `update callback_tasks indexed by callback_tasks_customer_idx
       set status = 'cancelled', skip_reason = @reason, updated_at = @now, version = version + 1
       where status = 'open' and ${free} and vehicle_id is not null and rule_code in (${vehicleRules.join(', ')})
         and not exists (select 1 from vehicles v where v.id = callback_tasks.vehicle_id and v.owner_id = callback_tasks.customer_id)`,
  ).run({ reason: cancelReasons.vehicleLeft, now: nowIso, createdAfter, ...slice }).changes;
  return merged + sold;
}

function countNew(sqlite: Database.Database, afterId: number) {
  const rows = sqlite
    .prepare(
      'select rule_code as code, status, count(*) as n from callback_tasks where id > ? group by rule_code, status',
    )
    .all(afterId) as { code: CallbackRuleCode; status: string; n: number }[];
  const counts = new Map<CallbackRuleCode, { created: number; skipped: number }>();
  for (const r of rows) {
    const c = counts.get(r.code) ?? { created: 0, skipped: 0 };
    c.created += r.n;
    if (r.status === 'skipped') c.skipped += r.n;
    counts.set(r.code, c);
  }
  return counts;
}
