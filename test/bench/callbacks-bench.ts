import type Database from 'better-sqlite3';
import { contactSqlParams } from '../../electron/domain/callbacks/consent';
import { creationRange } from '../../electron/domain/callbacks/generation-window';
import { regenerate } from '../../electron/domain/callbacks/regenerate-for-customer';
import { loadRules, defaultKmPerDay } from '../../electron/domain/callbacks/rule-config';
import { generatingRules } from '../../electron/domain/callbacks/rules';
import { daysModifier } from '../../electron/domain/callbacks/rules/rule-types';
import {
  dropUsageTablesSql,
  vehicleUsageParams,
  vehicleUsageSql,
} from '../../electron/domain/callbacks/vehicle-usage';
import { localDate } from '../../electron/domain/clock';
import type { BenchServer } from './api-server';
import type { Figures, Row } from './stats';
import { percentiles, timeSync } from './stats';

const operatorCount = 20;
const operatorPassword = 'Bench-Op-2026';

/**
 * Empties the call-back tables, then checkpoints: otherwise the next timed pass (raw or API, whichever commits
 * first) pays for copying the previous pass's and this delete's pages out of the WAL.
 */
function reset(raw: Database.Database): void {
  raw.exec(`delete from csi_surveys; delete from callback_attempts; delete from callback_tasks;
    delete from interactions where kind = 'callback';`);
  raw.pragma('wal_checkpoint(TRUNCATE)');
}

const everyone = { lo: 0, hi: Number.MAX_SAFE_INTEGER };

const literal = (v: string | number) => (typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);

/**
 * The same generation as one hand-assembled statement: the rules' selects with their values written in, glued
 * with UNION ALL under a single INSERT OR IGNORE — no HTTP, router, per-rule statements, reconciliation or counts.
 */
function rawFullPass(raw: Database.Database): void {
  const now = new Date();
  const today = localDate(now);
  const rules = loadRules(raw);
  const parts: string[] = [];
  for (const gen of generatingRules) {
    const rule = rules.get(gen.code);
    if (!rule?.enabled) continue;
    const range = creationRange(rule, today);
    const s = gen.select({ rule, rules, today, range });
    const sql = s.sql.replace(/@(\w+)/g, (_, name: string) => literal(s.params[name]!));
    const c = contactSqlParams(rule.consentPurpose);
    parts.push(
      `select k.*, '${gen.code}' as code, ${rule.priority} as priority, '${daysModifier(rule.expiryDays)}' as expiry,
         '${rule.consentPurpose}' as purpose, ${c.allowedWithoutRecord} as allowed, ${literal(c.dncReason)} as dnc_reason,
         ${literal(c.refusedReason)} as refused_reason, ${literal(c.missingReason)} as missing_reason,
         '${range.from}' as range_from, '${range.to}' as range_to
       from (${sql}) k`,
    );
  }
  raw.transaction(() => {
    raw.exec(dropUsageTablesSql);
    for (const sql of vehicleUsageSql) {
      raw.prepare(sql).run(vehicleUsageParams(sql, everyone, defaultKmPerDay(rules)));
    }
    raw
      .prepare(
        `insert or ignore into callback_tasks (customer_id, vehicle_id, service_visit_id, rule_code, anchor_date, due_date,
           expires_on, priority, status, skip_reason, created_at, updated_at)
         select k.customer_id, k.vehicle_id, k.service_visit_id, k.code, k.anchor_date, k.due_date, date(k.due_date, k.expiry),
           k.priority,
           case when cu.do_not_contact then 'skipped' when cs.granted = 1 then 'open' when cs.granted = 0 then 'skipped'
             when k.allowed then 'open' else 'skipped' end,
           case when cu.do_not_contact then k.dnc_reason when cs.granted = 1 then null when cs.granted = 0 then k.refused_reason
             when k.allowed then null else k.missing_reason end,
           ?, ?
         from (${parts.join('\nunion all\n')}) k
         join customers cu on cu.id = k.customer_id and cu.merged_into_id is null
         left join consents cs on cs.customer_id = k.customer_id and cs.purpose = k.purpose
         where k.due_date between k.range_from and k.range_to`,
      )
      .run(now.toISOString(), now.toISOString());
    raw.exec(dropUsageTablesSql);
  })();
}

function call(server: BenchServer, channel: string, input: unknown): Promise<unknown> {
  return server.call(channel, input);
}

async function post<T>(server: BenchServer, channel: string, input: unknown, token: string): Promise<T> {
  return (await server.callAs(channel, input, token || null)) as T;
}

async function operatorTokens(server: BenchServer, raw: Database.Database): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 1; i <= operatorCount; i++) {
    const username = `bench_op${i}`;
    if (!raw.prepare('select 1 from users where username = ?').get(username)) {
      await call(server, 'users.create', {
        username,
        displayName: `压测回访${i}`,
        role: 'callback_operator',
        password: operatorPassword,
      });
    }
    const login = (await post<{ token: string }>(
      server,
      'auth.login',
      { username, password: operatorPassword },
      '',
    )) as {
      token: string;
    };
    tokens.push(login.token);
  }
  return tokens;
}

/** Pause between requests, drawn from [min, max] ms: an operator's call and notes, compressed from minutes. */
type Pacing = { minMs: number; maxMs: number } | null;

const pause = (p: Pacing) =>
  p ? new Promise((r) => setTimeout(r, p.minMs + Math.random() * (p.maxMs - p.minMs))) : Promise.resolve();

async function workCalls(tokens: string[], server: BenchServer, reps: number, pacing: Pacing = null) {
  const next: number[] = [];
  const record: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    tokens.map(async (token) => {
      for (let i = 0; i < reps; i++) {
        let panel: { reasons: { taskId: number }[] } | null = null;
        next.push(await timeOnce(async () => (panel = await post(server, 'callbacks.next', {}, token))));
        const claimed = panel as { reasons: { taskId: number }[] } | null;
        if (!claimed) break;
        const taskIds = claimed.reasons.map((r) => r.taskId);
        await pause(pacing);
        record.push(
          await timeOnce(() => post(server, 'callbacks.record', { taskIds, outcome: 'reached' }, token)),
        );
        await pause(pacing);
      }
    }),
  );
  return { next, record, perSecond: (next.length * 1000) / (performance.now() - t0) };
}

/** The claim's SQL alone: walk the queue index to the most urgent workable customer, claim its due tasks. */
function rawClaim(raw: Database.Database, today: string, me: number): void {
  const now = new Date().toISOString();
  raw.exec('begin immediate');
  try {
    const dates = raw
      .prepare(
        `with recursive d(x) as (
           select (select min(due_date) from callback_tasks where status = 'open' and due_date <= @today)
           union all
           select (select min(due_date) from callback_tasks where status = 'open' and due_date > d.x and due_date <= @today)
           from d where d.x is not null)
         select x from d where x is not null`,
      )
      .pluck()
      .all({ today }) as string[];
    const probe = raw
      .prepare(
        `select customer_id from callback_tasks indexed by callback_tasks_queue_idx
         where status = 'open' and due_date = ? and priority = ? and assigned_user_id is null
           and (next_attempt_at is null or next_attempt_at <= ?) and (claimed_by is null or claim_expires_at < ?)
         order by id limit 1`,
      )
      .pluck();
    let customer: number | undefined;
    for (let priority = 1; priority <= 5 && customer === undefined; priority++) {
      for (const due of dates) {
        customer = probe.get(due, priority, now, now) as number | undefined;
        if (customer !== undefined) break;
      }
    }
    if (customer !== undefined) {
      raw
        .prepare(
          `update callback_tasks set claimed_by = ?, claim_expires_at = ? where customer_id = ? and status = 'open'
           and due_date <= ? returning id`,
        )
        .all(me, new Date(Date.now() + 900_000).toISOString(), customer, today);
    }
  } finally {
    raw.exec('rollback');
  }
}

async function timeOnce(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/**
 * Call-back queue at scale: full regeneration (API vs one raw statement), incremental regeneration of one customer
 * after an edit, next-call claims under 20 concurrent clients, and the queue page. The bench database is reused
 * between runs, so call-back tables are emptied first.
 */
export async function benchCallbacks(
  scale: string,
  server: BenchServer,
  raw: Database.Database,
  reps: number,
): Promise<Row[]> {
  const rows: Row[] = [];
  const log = (line: string) => console.log(`  [callbacks ${scale}] ${line}`);

  // Full regeneration from empty: a few runs each way (each one writes ~10^5 rows).
  const fullReps = Math.max(3, Math.min(5, Math.round(reps / 10)));
  const api: number[] = [];
  const rawTimes: number[] = [];
  let created = 0;
  for (let i = 0; i < fullReps; i++) {
    reset(raw);
    rawTimes.push(await timeOnce(() => rawFullPass(raw)));
    const rawCount = raw.prepare('select count(*) from callback_tasks').pluck().get() as number;
    reset(raw);
    const t0 = performance.now();
    const summary = await call(server, 'callbacks.generate', {});
    api.push(performance.now() - t0);
    created = (summary as { created: number }).created;
    if (created !== rawCount) log(`warning: API created ${created} tasks, raw pass ${rawCount}`);
  }
  const fullApi = percentiles(api);
  const fullRaw = percentiles(rawTimes);
  log(
    `full regeneration created ${created} tasks; API/raw p50 ratio ${(fullApi.p50 / fullRaw.p50).toFixed(2)}×`,
  );
  rows.push({
    scale,
    operation: `callbacks.generate (full, ${created} tasks)`,
    api: fullApi,
    raw: fullRaw,
    target: '< 5000 ms, ≤ 2× raw',
  });
  const again = await timeOnce(() => call(server, 'callbacks.generate', {}));
  rows.push({
    scale,
    operation: 'callbacks.generate (again: nothing new)',
    api: { p50: again, p95: again, n: 1 },
    raw: null,
  });

  // Incremental: one vehicle edit (a new insurance expiry), then that customer's regeneration, in-process.
  const owners = raw
    .prepare(
      'select id, owner_id as ownerId from vehicles where owner_id is not null and id % 997 = 0 order by id limit ?',
    )
    .all(reps + 5) as { id: number; ownerId: number }[];
  const today = localDate(new Date());
  const expiry = raw.prepare("update vehicles set insurance_expiry = date(?, '+20 days') where id = ?");
  let samples = 0;
  const incremental: Figures = timeSync(reps, (i) => {
    const v = owners[(i + samples++) % owners.length]!;
    raw.transaction(() => {
      expiry.run(today, v.id);
      regenerate(raw, v.ownerId, today, new Date().toISOString());
    })();
  });
  rows.push({
    scale,
    operation: 'regenerate one customer after an edit (in-process)',
    api: incremental,
    raw: null,
    target: '< 10 ms',
  });

  // Queue pages.
  const teamPage = { scope: 'team', bucket: 'all', limit: 50 };
  rows.push({
    scale,
    operation: 'callbacks.queue team, first page (50 calls)',
    api: await (async () => {
      const samples: number[] = [];
      for (let i = 0; i < reps; i++)
        samples.push(await timeOnce(() => call(server, 'callbacks.queue', teamPage)));
      return percentiles(samples);
    })(),
    raw: timeSync(reps, () => {
      const p = { today, now: new Date().toISOString() };
      raw
        .prepare(
          `select sum(due_date < @today and (next_attempt_at is null or next_attempt_at <= @now)),
             sum(due_date = @today and (next_attempt_at is null or next_attempt_at <= @now)),
             sum(due_date > @today or next_attempt_at > @now) from callback_tasks where status = 'open'`,
        )
        .get(p);
      raw.prepare("select count(distinct customer_id) from callback_tasks where status = 'open'").get();
      const page = raw
        .prepare(
          `select customer_id from callback_tasks where status = 'open' group by customer_id
           order by min(priority), min(due_date), customer_id limit 50`,
        )
        .pluck()
        .all() as number[];
      raw
        .prepare(
          "select * from callback_tasks where customer_id in (select value from json_each(?)) and status = 'open'",
        )
        .all(JSON.stringify(page));
    }),
  });

  // One workstation alone: the service time of a claim (and of recording it), without anyone queueing ahead.
  const tokens = await operatorTokens(server, raw);
  const me = raw.prepare("select id from users where username = 'bench_op1'").pluck().get() as number;
  const single = await workCalls([tokens[0]!], server, reps);
  rows.push({
    scale,
    operation: 'callbacks.next, one client',
    api: percentiles(single.next),
    raw: timeSync(reps, () => rawClaim(raw, today, me)),
  });
  rows.push({ scale, operation: 'callbacks.record, one client', api: percentiles(single.record), raw: null });

  // Twenty workstations at once. Paced: each operator spends 0.1–0.4 s "on the call" and as long again before
  // the next one (minutes in real life, compressed several hundredfold), so claims arrive as they do in a call
  // centre, only far denser, and still collide. Unpaced: every client fires its next request the moment the last one returns, so each
  // waits for up to 19 others in the server's single thread: a capacity figure (calls/s), not a latency target.
  const paced = await workCalls(tokens, server, reps, { minMs: 100, maxMs: 400 });
  rows.push({
    scale,
    operation: `callbacks.next, ${operatorCount} concurrent clients (paced)`,
    api: percentiles(paced.next),
    raw: null,
    target: 'p95 < 10 ms',
  });
  rows.push({
    scale,
    operation: `callbacks.record, ${operatorCount} concurrent clients (paced)`,
    api: percentiles(paced.record),
    raw: null,
  });
  const crowd = await workCalls(tokens, server, reps);
  log(
    `${operatorCount} clients without pause: ${crowd.perSecond.toFixed(0)} calls claimed and recorded per second`,
  );
  rows.push({
    scale,
    operation: `callbacks.next, ${operatorCount} clients without pause (saturated)`,
    api: percentiles(crowd.next),
    raw: null,
  });
  rows.push({
    scale,
    operation: `callbacks.record, ${operatorCount} clients without pause (saturated)`,
    api: percentiles(crowd.record),
    raw: null,
  });
  return rows;
}
