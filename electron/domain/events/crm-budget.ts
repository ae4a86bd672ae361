import type Database from 'better-sqlite3';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import type { BudgetYear } from '../../contract/event-plan';
import type { CrmBudgetLine, EventStatus } from '../../contract/event-terms';
import { crmBudgetDefaultShares, crmBudgetLines } from '../../contract/event-terms';
import { recordAudit } from '../audit/audit-log';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';
import { netCost } from './event-counts';
import { staffNames } from './event-store';

interface YearEvent {
  id: number;
  eventNo: string;
  title: string;
  startsOn: string;
  status: EventStatus;
  subsidyReceivedFen: number;
}

/**
 * The year's CRM budget: planned per line, spent per line and what is left. Events and marketing is spent by
 * the year's events themselves (each event's net cost, by its start date, cancelled ones left out) plus any
 * marketing booked by hand; the other lines only by hand.
 */
export function budgetYear(sqlite: Database.Database, year: number): BudgetYear {
  const planned = new Map(
    (
      prepared(sqlite, 'select line, planned_fen as plannedFen from crm_budget_plans where year = ?').all(
        year,
      ) as {
        line: CrmBudgetLine;
        plannedFen: number;
      }[]
    ).map((p) => [p.line, p.plannedFen]),
  );
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const events = prepared(
    sqlite,
    `select id, event_no as eventNo, title, starts_on as startsOn, status, subsidy_received_fen as subsidyReceivedFen
     from events where starts_on >= ? and starts_on < ? and status <> 'cancelled' order by starts_on, id`,
  ).all(from, to) as YearEvent[];
  const lines = prepared(
    sqlite,
    `select b.event_id as eventId, b.planned_fen as plannedFen, b.actual_fen as actualFen
     from event_budget_lines b join events e on e.id = b.event_id
     where e.starts_on >= ? and e.starts_on < ? and e.status <> 'cancelled'`,
  ).all(from, to) as { eventId: number; plannedFen: number; actualFen: number | null }[];
  const linesOf = new Map<number, { plannedFen: number; actualFen: number | null }[]>();
  for (const l of lines) linesOf.set(l.eventId, [...(linesOf.get(l.eventId) ?? []), l]);
  const eventRows = events.map((e) => {
    const money = netCost(linesOf.get(e.id) ?? [], e.subsidyReceivedFen);
    return {
      id: e.id,
      eventNo: e.eventNo,
      title: e.title,
      startsOn: e.startsOn,
      status: e.status,
      netCostFen: money.netCostFen,
      netCostBasis: money.netCostBasis,
    };
  });
  const spends = prepared(
    sqlite,
    `select id, line, spent_on as spentOn, amount_fen as amountFen, note, created_by as createdBy, created_at as createdAt
     from crm_budget_spends where year = ? order by spent_on, id`,
  ).all(year) as {
    id: number;
    line: CrmBudgetLine;
    spentOn: string;
    amountFen: number;
    note: string;
    createdBy: number | null;
    createdAt: string;
  }[];
  const name = staffNames(
    sqlite,
    spends.map((s) => s.createdBy),
  );
  const eventsFen = eventRows.reduce((sum, e) => sum + e.netCostFen, 0);
  const out = crmBudgetLines.map((line) => {
    const manualFen = spends.filter((s) => s.line === line).reduce((sum, s) => sum + s.amountFen, 0);
    const fromEvents = line === 'events_marketing' ? eventsFen : 0;
    const plannedFen = planned.get(line) ?? 0;
    const spentFen = fromEvents + manualFen;
    return {
      line,
      plannedFen,
      spentFen,
      eventsFen: fromEvents,
      manualFen,
      remainingFen: plannedFen - spentFen,
    };
  });
  return {
    year,
    totalPlannedFen: out.reduce((s, l) => s + l.plannedFen, 0),
    totalSpentFen: out.reduce((s, l) => s + l.spentFen, 0),
    lines: out,
    events: eventRows,
    spends: spends.map((s) => ({ ...s, createdBy: name(s.createdBy) })),
  };
}

/**
 * A total split by the default shares (seed 000) in whole fen: each line gets its share rounded down, and the
 * fen left over go one each to the lines with the largest remainders, so the lines add up to the total exactly.
 */
export function splitByShares(totalFen: number): Record<CrmBudgetLine, number> {
  const parts = crmBudgetLines.map((line) => {
    const exact = totalFen * crmBudgetDefaultShares[line];
    return { line, fen: Math.floor(exact / 100), rest: exact % 100 };
  });
  let left = totalFen - parts.reduce((s, p) => s + p.fen, 0);
  for (const p of [...parts].sort((a, b) => b.rest - a.rest)) {
    if (left <= 0) break;
    p.fen += 1;
    left -= 1;
  }
  return Object.fromEntries(parts.map((p) => [p.line, p.fen])) as Record<CrmBudgetLine, number>;
}

export function updateBudgetYear(
  ctx: AuthedContext,
  input: ChannelParsedInput<'events.updateBudgetYear'>,
): ChannelOutput<'events.updateBudgetYear'> {
  const sqlite = ctx.db.$client;
  const now = ctx.clock().toISOString();
  return sqlite
    .transaction(() => {
      const before = budgetYear(sqlite, input.year);
      const wanted: [CrmBudgetLine, number][] =
        input.totalFen !== undefined
          ? Object.entries(splitByShares(input.totalFen)).map(([l, f]) => [l as CrmBudgetLine, f])
          : (input.lines ?? []).map((l) => [l.line, l.plannedFen]);
      const upsert = prepared(
        sqlite,
        `insert into crm_budget_plans (year, line, planned_fen, updated_at, updated_by) values (?, ?, ?, ?, ?)
         on conflict (year, line) do update set planned_fen = excluded.planned_fen, updated_at = excluded.updated_at,
           updated_by = excluded.updated_by`,
      );
      for (const [line, fen] of wanted) upsert.run(input.year, line, fen, now, ctx.user.id);
      const after = budgetYear(sqlite, input.year);
      const changes = Object.fromEntries(
        after.lines
          .map((l, i) => [l.line, [before.lines[i]!.plannedFen, l.plannedFen]] as const)
          .filter(([, [a, b]]) => a !== b),
      );
      if (Object.keys(changes).length > 0) {
        recordAudit(ctx, {
          action: 'crm_budget.updated',
          entity: 'crm_budget',
          entityId: input.year,
          detail: { year: input.year, step: input.totalFen !== undefined ? 'split_total' : 'lines', changes },
        });
      }
      return after;
    })
    .immediate();
}

export function addBudgetSpend(
  ctx: AuthedContext,
  input: ChannelParsedInput<'events.addBudgetSpend'>,
): ChannelOutput<'events.addBudgetSpend'> {
  const sqlite = ctx.db.$client;
  const now = ctx.clock().toISOString();
  return sqlite
    .transaction(() => {
      const id = Number(
        prepared(
          sqlite,
          `insert into crm_budget_spends (year, line, spent_on, amount_fen, note, created_by, created_at)
           values (?, ?, ?, ?, ?, ?, ?)`,
        ).run(input.year, input.line, input.spentOn, input.amountFen, input.note, ctx.user.id, now)
          .lastInsertRowid,
      );
      recordAudit(ctx, {
        action: 'crm_budget.updated',
        entity: 'crm_budget',
        entityId: input.year,
        detail: {
          year: input.year,
          step: 'spend',
          spendId: id,
          line: input.line,
          amountFen: input.amountFen,
          note: input.note,
        },
      });
      return { id };
    })
    .immediate();
}
