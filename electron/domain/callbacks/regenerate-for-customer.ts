import type Database from 'better-sqlite3';
import type { CallbackRuleCode } from '../../contract/callbacks';
import type { ConsentPurpose } from '../../contract/consent';
import { localDate } from '../clock';
import type { ServiceContext } from '../context';
import type { ContactDecision } from './consent';
import { contactDecision, isContactSkipReason } from './consent';
import { addDays } from './dates';
import type { CustomerFacts } from './facts';
import { loadCustomerFacts } from './facts';
import { loadCustomerFactsMany } from './facts-many';
import { creationRange, liveRange } from './generation-window';
import { prepareFacts } from './prepare-facts';
import type { RuleSet } from './rule-config';
import { loadRules } from './rule-config';
import { generatingRules } from './rules';
import type { Candidate } from './rules/rule-types';
import { withTransaction } from '../customers/sql-cache';
import { stmt } from './statements';

export const cancelReasons = {
  merged: '客户档案已合并到其他客户，任务随之取消',
  vehicleLeft: '车辆已过户或不再属于该客户，任务自动取消',
  triggerGone: '触发条件已变化（资料已更新），任务自动取消',
};
const autoCancelReasons = new Set(Object.values(cancelReasons));

export interface TaskRow {
  id: number;
  rule_code: CallbackRuleCode;
  anchor_date: string;
  vehicle_id: number | null;
  due_date: string;
  expires_on: string;
  status: 'open' | 'skipped' | 'cancelled';
  skip_reason: string | null;
  claimed_by: number | null;
  claim_expires_at: string | null;
}

const existingSql = `select id, rule_code, anchor_date, vehicle_id, due_date, expires_on, status, skip_reason, claimed_by,
    claim_expires_at from callback_tasks where`;
const liveTasks = `status in ('open', 'skipped', 'cancelled') and expires_on >= ?`;

/**
 * regenerate for many customers in one transaction, the same work customer by customer, with the rules read once
 * and each customer's facts and live tasks read by one query each for a whole chunk of customers. Equal to
 * calling regenerate for each: one customer's regeneration writes only that customer's tasks, which no other
 * customer's facts or tasks include. `progress` gets the number done after every chunk.
 */
export function regenerateMany(
  sqlite: Database.Database,
  customerIds: readonly number[],
  today: string,
  nowIso: string,
  progress: (done: number) => void = () => {},
): void {
  const rules = loadRules(sqlite);
  const since = liveRange(today).from;
  const chunk = 1000;
  // Each once: a second pass over a customer would read the tasks the first one wrote.
  const unique = [...new Set(customerIds)];
  for (let i = 0; i < unique.length; i += chunk) {
    const part = unique.slice(i, i + chunk);
    const facts = loadCustomerFactsMany(sqlite, part, since);
    const tasks = new Map<number, TaskRow[]>();
    for (const t of stmt(
      sqlite,
      `${existingSql.replace('select id,', 'select customer_id as customerId, id,')}
         customer_id in (select value from json_each(?)) and ${liveTasks}`,
    ).all(JSON.stringify(part), today) as (TaskRow & { customerId: number })[]) {
      const list = tasks.get(t.customerId);
      if (list) list.push(t);
      else tasks.set(t.customerId, [t]);
    }
    for (const id of part) {
      regenerate(sqlite, id, today, nowIso, rules, {
        facts: facts.get(id) ?? null,
        existing: tasks.get(id) ?? [],
      });
    }
    progress(i + part.length);
  }
}

const identity = (rule: string, anchor: string, vehicleId: number | null) =>
  `${rule}|${anchor}|${vehicleId ?? 0}`;

const insertSql = `insert or ignore into callback_tasks (customer_id, vehicle_id, service_visit_id, rule_code, anchor_date,
    due_date, expires_on, priority, status, skip_reason, created_at, updated_at)
  values (@customerId, @vehicleId, @serviceVisitId, @ruleCode, @anchorDate, @dueDate, @expiresOn, @priority, @status,
    @skipReason, @now, @now)`;

const updateSql = `update callback_tasks set status = @status, skip_reason = @reason, due_date = @dueDate,
    expires_on = @expiresOn, updated_at = @now, version = version + 1 where id = @id`;

/**
 * Incremental call-back generation for one customer, called by any service that changes data a rule reads
 * (delivery, transfer, service visit, customer edit, consent, merge, import) inside its own transaction.
 * The pure rule functions compute what should exist; this creates what is missing, moves due dates that the
 * new data moved, cancels what no longer applies (a car sold on, a merged card, a first service done), and skips
 * or reopens tasks as do-not-contact and consents change. A task somebody is on the phone with is left alone.
 */
export function regenerateCallbacksForCustomer(ctx: ServiceContext, customerId: number): void {
  const now = ctx.clock();
  const sqlite = ctx.db.$client;
  withTransaction(sqlite, () => regenerate(sqlite, customerId, localDate(now), now.toISOString()));
}

export function regenerate(
  sqlite: Database.Database,
  customerId: number,
  today: string,
  nowIso: string,
  // A caller regenerating many customers in one transaction (an import) reads the rules once, and the customers'
  // facts and tasks for all of them at once (regenerateMany), and passes them.
  rules: RuleSet = loadRules(sqlite),
  loaded?: { facts: CustomerFacts | null; existing: TaskRow[] },
): void {
  // Visits older than the live range cannot be the anchor of a task that is still open.
  const facts = loaded ? loaded.facts : loadCustomerFacts(sqlite, customerId, liveRange(today).from);
  if (!facts) return;
  const existing =
    loaded?.existing ??
    (stmt(sqlite, `${existingSql} customer_id = ? and ${liveTasks}`).all(customerId, today) as TaskRow[]);
  const onCall = (t: TaskRow) =>
    t.claimed_by !== null && t.claim_expires_at !== null && t.claim_expires_at >= nowIso;
  const update = stmt(sqlite, updateSql);

  if (facts.customer.mergedIntoId !== null) {
    for (const t of existing) {
      if (t.status !== 'open' || onCall(t)) continue;
      update.run({ ...keep(t), id: t.id, status: 'cancelled', reason: cancelReasons.merged, now: nowIso });
    }
    return;
  }

  const prepared = prepareFacts(facts, rules);
  const decisions = new Map<ConsentPurpose, ContactDecision>();
  const decide = (purpose: ConsentPurpose) => {
    let d = decisions.get(purpose);
    if (!d) {
      d = contactDecision(purpose, facts.customer.doNotContact, facts.consents);
      decisions.set(purpose, d);
    }
    return d;
  };

  const insert = stmt(sqlite, insertSql);
  // A candidate whose task is among the live ones read above is already there: the identity index would
  // ignore its insert, so it is not run (most candidates of a regeneration are such).
  const have = new Set(existing.map((t) => identity(t.rule_code, t.anchor_date, t.vehicle_id)));
  const live = new Map<string, Candidate>();
  const creatable = new Set<string>();
  const enabled = new Set<CallbackRuleCode>();
  for (const gen of generatingRules) {
    const rule = rules.get(gen.code);
    if (!rule?.enabled) continue;
    enabled.add(gen.code);
    const creation = creationRange(rule, today);
    const decision = decide(rule.consentPurpose);
    for (const c of gen.candidates(prepared, { rule, rules, today, range: liveRange(today) })) {
      const key = identity(gen.code, c.anchorDate, c.vehicleId);
      live.set(key, c);
      if (c.dueDate < creation.from || c.dueDate > creation.to) continue;
      creatable.add(key);
      if (have.has(key)) continue;
      insert.run({
        ...c,
        ruleCode: gen.code,
        expiresOn: addDays(c.dueDate, rule.expiryDays),
        priority: rule.priority,
        status: decision.status,
        skipReason: decision.skipReason,
        now: nowIso,
      });
    }
  }

  const ownedIds = new Set(prepared.owned.map((v) => v.vehicleId));
  const onOwnedVehicle = new Set<CallbackRuleCode>(
    generatingRules.filter((g) => g.onOwnedVehicle).map((g) => g.code),
  );
  for (const t of existing) {
    if (onCall(t)) continue;
    const rule = rules.get(t.rule_code);
    if (!rule) continue;
    const decision = decide(rule.consentPurpose);
    const generated = enabled.has(t.rule_code);
    const key = identity(t.rule_code, t.anchor_date, t.vehicle_id);
    const wanted = generated ? live.get(key) : undefined;
    const base = { id: t.id, now: nowIso };

    if (t.status === 'open') {
      if (generated && !wanted) {
        const vehicleLeft =
          onOwnedVehicle.has(t.rule_code) && t.vehicle_id !== null && !ownedIds.has(t.vehicle_id);
        const reason = vehicleLeft ? cancelReasons.vehicleLeft : cancelReasons.triggerGone;
        update.run({ ...base, ...keep(t), status: 'cancelled', reason });
      } else if (decision.status === 'skipped') {
        update.run({ ...base, ...keep(t), status: 'skipped', reason: decision.skipReason });
      } else if (wanted && wanted.dueDate !== t.due_date) {
        update.run({ ...base, ...moved(wanted, rule.expiryDays), status: 'open', reason: null });
      }
    } else if (t.status === 'skipped') {
      // Contact allowed again (consent given, do-not-contact lifted): the skipped call comes back.
      const reopen =
        decision.status === 'open' && isContactSkipReason(t.skip_reason) && (!generated || wanted);
      if (reopen) {
        update.run({
          ...base,
          ...(wanted ? moved(wanted, rule.expiryDays) : keep(t)),
          status: 'open',
          reason: null,
        });
      } else if (
        decision.status === 'skipped' &&
        isContactSkipReason(t.skip_reason) &&
        t.skip_reason !== decision.skipReason
      ) {
        // Still not allowed, but for another reason now (consent refused, then do-not-contact): say the current one.
        update.run({ ...base, ...keep(t), status: 'skipped', reason: decision.skipReason });
      }
    } else if (
      wanted &&
      creatable.has(key) &&
      t.skip_reason !== null &&
      autoCancelReasons.has(t.skip_reason)
    ) {
      // Cancelled by an earlier change that has since been undone (a correction): it applies again.
      update.run({
        ...base,
        ...moved(wanted, rule.expiryDays),
        status: decision.status,
        reason: decision.skipReason,
      });
    }
  }
}

function keep(t: TaskRow) {
  return { dueDate: t.due_date, expiresOn: t.expires_on };
}

function moved(c: Candidate, expiryDays: number) {
  return { dueDate: c.dueDate, expiresOn: addDays(c.dueDate, expiryDays) };
}
