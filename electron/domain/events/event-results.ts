import type Database from 'better-sqlite3';
import type { EventResults, ResultComparison, ResultGroup, RoiFigure } from '../../contract/event-day';
import { addDays } from '../callbacks/dates';
import { localDate, storeDayStart } from '../clock';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';
import { loadDayEvent } from './day-event';
import { netCost, perHead } from './event-counts';
import { loadEventSettings } from './event-settings';

/**
 * What an event brought, over its window: the event's first day through its last day plus N days
 * (resultsWindowDays), both ends counted, on the store's calendar. Two groups are measured the same way: the
 * attendees (checked in) and, as the comparison, the invited who never came. Sales count the group and the
 * customers they referred (customers.referrer_id); service and complaints count the group itself, against the
 * same customers' N days before the event.
 */

const ids = (list: readonly number[]) => JSON.stringify(list);
const inSet = 'in (select value from json_each(?))';

interface Window {
  from: string;
  to: string;
}

/** A store-day range as the instants created_at / received_at are compared with: [start of from, start of to+1). */
const instants = (w: Window): [string, string] => [
  storeDayStart(w.from).toISOString(),
  storeDayStart(addDays(w.to, 1)).toISOString(),
];

function attendeeIds(sqlite: Database.Database, eventId: number): number[] {
  return prepared(
    sqlite,
    "select customer_id from event_invitees where event_id = ? and status = 'checked_in' order by customer_id",
  )
    .pluck()
    .all(eventId) as number[];
}

/** Invited (a call was made, or the row moved past pending) and never checked in. */
function absentIds(sqlite: Database.Database, eventId: number): number[] {
  return prepared(
    sqlite,
    `select customer_id from event_invitees
     where event_id = ? and status <> 'checked_in' and (invitation_task_id is not null or status <> 'pending')
     order by customer_id`,
  )
    .pluck()
    .all(eventId) as number[];
}

/** Customers who name one of the group as their referrer, with when their card was made. */
function referredBy(sqlite: Database.Database, group: readonly number[]) {
  return prepared(
    sqlite,
    `select id, created_at as createdAt from customers indexed by customers_referrer_idx
     where referrer_id ${inSet} and merged_into_id is null`,
  ).all(ids(group)) as { id: number; createdAt: string }[];
}

function roi(revenueFen: number, netCostFen: number, rule: string): RoiFigure {
  return {
    attributedRevenueFen: revenueFen,
    netCostFen,
    percent: netCostFen > 0 ? perHead(revenueFen * 100, netCostFen) : null,
    rule,
  };
}

interface Rules {
  sales: string;
  service: string;
}

function measure(
  sqlite: Database.Database,
  group: readonly number[],
  window: Window,
  previous: Window,
  netCostFen: number,
  rules: Rules,
): ResultGroup {
  const [fromAt, toAt] = instants(window);
  const inGroup = new Set(group);
  const referred = referredBy(sqlite, group).filter((r) => !inGroup.has(r.id));
  const people = [...group, ...referred.map((r) => r.id)];
  const referrals = referred.filter((r) => r.createdAt >= fromAt && r.createdAt < toAt).length;
  const leadsCreated = prepared(
    sqlite,
    `select count(*) from customers where id ${inSet} and created_at >= ? and created_at < ?`,
  )
    .pluck()
    .get(ids(people), fromAt, toAt) as number;
  // A car delivered in the window to one of them: the delivery's owner then, or the owner now. Read from the
  // people's side (their cars, their ownerships), a few rows each, never every delivery of the window.
  const deliveries = prepared(
    sqlite,
    `select count(*) as n, coalesce(sum(price_fen), 0) as revenueFen,
       count(case when price_fen is null then 1 end) as withoutPrice
     from (
       select v.id, v.price_fen from vehicles v indexed by vehicles_owner_idx
       where v.owner_id ${inSet} and v.delivery_date >= ? and v.delivery_date <= ?
       union
       select v.id, v.price_fen from vehicle_ownerships o indexed by vehicle_ownerships_customer_idx
         cross join vehicles v on v.id = o.vehicle_id
       where o.customer_id ${inSet} and o.from_date = v.delivery_date and v.delivery_date >= ? and v.delivery_date <= ?)`,
  ).get(ids(people), window.from, window.to, ids(people), window.from, window.to) as {
    n: number;
    revenueFen: number;
    withoutPrice: number;
  };
  const visits = (w: Window) =>
    prepared(
      sqlite,
      `select count(*) as n, coalesce(sum(amount_fen), 0) as fen from service_visits indexed by service_visits_customer_idx
       where customer_id ${inSet} and visit_date >= ? and visit_date <= ?`,
    ).get(ids(group), w.from, w.to) as { n: number; fen: number };
  const now = visits(window);
  const before = visits(previous);
  const complaints = prepared(
    sqlite,
    `select count(*) from complaint_tickets indexed by complaint_tickets_customer_idx
     where customer_id ${inSet} and received_at >= ? and received_at < ?`,
  )
    .pluck()
    .get(ids(group), fromAt, toAt) as number;
  const upliftFen = now.fen - before.fen;
  return {
    customers: group.length,
    referredPeople: referred.length,
    referrals,
    leadsCreated,
    testDrives: null,
    deliveries: {
      count: deliveries.n,
      revenueFen: deliveries.revenueFen,
      withoutPrice: deliveries.withoutPrice,
    },
    service: {
      visits: now.n,
      revenueFen: now.fen,
      previousVisits: before.n,
      previousRevenueFen: before.fen,
      upliftFen,
    },
    complaints,
    salesRoi: roi(deliveries.revenueFen, netCostFen, rules.sales),
    serviceRoi: roi(upliftFen, netCostFen, rules.service),
  };
}

/** Per customer of a group; null when it is empty. */
function perCustomerOf(g: ResultGroup): ResultComparison['attendees'] {
  if (g.customers === 0)
    return { serviceUpliftFen: null, deliveryRevenueFen: null, deliveriesPerCustomer: null };
  return {
    serviceUpliftFen: perHead(g.service.upliftFen, g.customers),
    deliveryRevenueFen: perHead(g.deliveries.revenueFen, g.customers),
    deliveriesPerCustomer: g.deliveries.count / g.customers,
  };
}

/**
 * The attendees against the comparison group: what the attendees brought less what as many customers would
 * have at the comparison group's rate. Integer fen throughout (the scaled comparison rounded once).
 */
function compare(att: ResultGroup, abs: ResultGroup, netCostFen: number, days: number): ResultComparison {
  const extra = (mine: number, theirs: number) =>
    abs.customers === 0 ? null : mine - (perHead(theirs * att.customers, abs.customers) ?? 0);
  const extraServiceFen = extra(att.service.upliftFen, abs.service.upliftFen);
  const extraSalesFen = extra(att.deliveries.revenueFen, abs.deliveries.revenueFen);
  const pct = (fen: number | null) =>
    fen === null || netCostFen <= 0 ? null : perHead(fen * 100, netCostFen);
  return {
    definition:
      abs.customers === 0
        ? '对照组：受邀未到场的客户——本次没有（受邀客户都到场了），无法对比'
        : `对照组：本次受邀（打过邀约电话或已答复）但未到场的 ${abs.customers} 位客户，与 ${att.customers} 位到场客户按人均比较同一窗口（活动后 ${days} 天）的售后产值增量和交车金额`,
    attendees: perCustomerOf(att),
    absent: perCustomerOf(abs),
    extraServiceFen,
    extraSalesFen,
    extraServiceRoiPercent: pct(extraServiceFen),
    extraSalesRoiPercent: pct(extraSalesFen),
  };
}

/** Whether the store keeps any record a figure is made of (no record at all: 无数据, not 0). */
function recordedData(sqlite: Database.Database): EventResults['recorded'] {
  const any = (sql: string) => prepared(sqlite, `select exists(${sql})`).pluck().get() === 1;
  return {
    testDrives: false,
    serviceVisits: any('select 1 from service_visits'),
    deliveries: any('select 1 from vehicles where delivery_date is not null'),
  };
}

export function eventResults(ctx: AuthedContext, input: { eventId: number }): EventResults {
  const sqlite = ctx.db.$client;
  const event = loadDayEvent(sqlite, input.eventId);
  const days = loadEventSettings(sqlite).resultsWindowDays;
  const window = { from: event.startsOn, to: addDays(event.endsOn, days) };
  const previous = { from: addDays(event.startsOn, -days), to: addDays(event.startsOn, -1) };
  const lines = prepared(
    sqlite,
    'select planned_fen as plannedFen, actual_fen as actualFen from event_budget_lines where event_id = ?',
  ).all(event.id) as { plannedFen: number; actualFen: number | null }[];
  const subsidy = prepared(sqlite, 'select subsidy_received_fen from events where id = ?')
    .pluck()
    .get(event.id) as number;
  const money = netCost(lines, subsidy);
  const cost = money.netCostBasis === 'actual' ? '实际费用' : '预算费用（尚无实际费用）';
  const span = `活动首日（${window.from}）至结束后 ${days} 天（${window.to}）内`;
  const costText = `÷ 活动净成本（${cost} − 已到账厂家补贴）`;
  const attendeeRules: Rules = {
    sales: `签到客户及其推荐的客户，${span}交车的车价合计 ${costText}`,
    service: `签到客户${span}的进站产值，减去同一批客户活动前 ${days} 天（${previous.from} 至 ${previous.to}）的进站产值，${costText}`,
  };
  const absentRules: Rules = {
    sales: `对照组：受邀未到场客户及其推荐的客户，${span}交车的车价合计，按同一成本折算，仅作比较`,
    service: `对照组：受邀未到场客户${span}的进站产值减去活动前 ${days} 天的进站产值，按同一成本折算，仅作比较`,
  };
  const attendees = measure(
    sqlite,
    attendeeIds(sqlite, event.id),
    window,
    previous,
    money.netCostFen,
    attendeeRules,
  );
  const absent = measure(
    sqlite,
    absentIds(sqlite, event.id),
    window,
    previous,
    money.netCostFen,
    absentRules,
  );
  return {
    eventId: event.id,
    windowDays: days,
    window,
    previous,
    windowOpen: localDate(ctx.clock()) <= window.to,
    cost: {
      plannedFen: money.plannedFen,
      actualFen: money.actualFen,
      basis: money.netCostBasis,
      subsidyReceivedFen: money.subsidyReceivedFen,
      netCostFen: money.netCostFen,
    },
    attendees,
    absent,
    comparison: compare(attendees, absent, money.netCostFen, days),
    recorded: recordedData(sqlite),
    testDrivesNote: '系统未单独记录试驾（只在到店记录的文字中出现），试驾数暂无法统计',
  };
}
