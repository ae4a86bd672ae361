import type Database from 'better-sqlite3';
import type { LoyaltySettings } from '../../contract/loyalty-settings';
import type { LoyaltyTier, TierChangeCause } from '../../contract/loyalty-terms';
import { loyaltyTierLabels, rankedTiers, tierRank } from '../../contract/loyalty-terms';
import { yuan } from '../customers/customer-rules/rule-dates';
import { prepared } from '../customers/sql-cache';
import { ensureMember } from './ledger';
import { windowStart } from './loyalty-dates';
import type { Sliced } from '../slices';
import { dayRanges, drain, timedSlices } from '../slices';

/** What a tier is measured on, over the 12 months ending today. */
export interface TierFigures {
  points: number;
  spendingFen: number;
  visits: number;
}

const zero: TierFigures = { points: 0, spendingFen: 0, visits: 0 };
const n = (v: number) => v.toLocaleString('en-US');

/** Qualifying points of the 12 months ending today: earnings net of their reversals. */
export function qualifyingPoints(sqlite: Database.Database, customerId: number, today: string): number {
  return prepared(
    sqlite,
    `select coalesce(sum(points), 0) from loyalty_postings indexed by loyalty_postings_customer_idx
     where customer_id = ? and kind in ('earn', 'reverse') and posted_on between ? and ?`,
  )
    .pluck()
    .get(customerId, windowStart(today), today) as number;
}

/** Qualifying points, and spending: service revenue plus cars delivered. */
export function figuresOf(sqlite: Database.Database, customerId: number, today: string): TierFigures {
  const from = windowStart(today);
  const points = qualifyingPoints(sqlite, customerId, today);
  const visits = prepared(
    sqlite,
    `select count(*) as visits, coalesce(sum(amount_fen), 0) as fen from service_visits
     where customer_id = ? and visit_date between ? and ?`,
  ).get(customerId, from, today) as { visits: number; fen: number };
  const cars = prepared(
    sqlite,
    `select coalesce(sum(price_fen), 0) from vehicles where owner_id = ? and delivery_date between ? and ?`,
  )
    .pluck()
    .get(customerId, from, today) as number;
  return { points, spendingFen: visits.fen + cars, visits: visits.visits };
}

/** Whether figures reach a threshold: points on the points basis; either amount or visits on spending. */
function reaches(f: TierFigures, tier: (typeof rankedTiers)[number], s: LoyaltySettings): boolean {
  const t = s.thresholds[tier];
  return s.tierBasis === 'points'
    ? f.points >= t.points
    : f.spendingFen >= t.spendingFen || f.visits >= t.visits;
}

export function tierOf(f: TierFigures, s: LoyaltySettings): LoyaltyTier {
  let tier: LoyaltyTier = 'regular';
  for (const t of rankedTiers) if (reaches(f, t, s)) tier = t;
  return tier;
}

/** In words for the card: the figure, and the threshold of the tier reached (or of the one missed). */
export function describeFigures(f: TierFigures, tier: LoyaltyTier, s: LoyaltySettings): string {
  const measured = tier === 'regular' ? 'silver' : tier;
  const t = s.thresholds[measured];
  const verb = tier === 'regular' ? '未达' : '达到';
  if (s.tierBasis === 'points') {
    return `近 12 个月积分 ${n(f.points)}，${verb}${loyaltyTierLabels[measured]}门槛 ${n(t.points)}`;
  }
  return `近 12 个月消费 ${yuan(f.spendingFen)}、进站 ${f.visits} 次，${verb}${loyaltyTierLabels[measured]}门槛（消费 ${yuan(t.spendingFen)} 或进站 ${t.visits} 次）`;
}

/** What is still missing for the next tier up, in words; null at the top. */
export function nextTierOf(
  f: TierFigures,
  tier: LoyaltyTier,
  s: LoyaltySettings,
): { tier: LoyaltyTier; missing: string } | null {
  const next = rankedTiers.find((t) => tierRank(t) > tierRank(tier));
  if (!next) return null;
  const t = s.thresholds[next];
  if (s.tierBasis === 'points') {
    return { tier: next, missing: `还差 ${n(Math.max(0, t.points - f.points))} 积分` };
  }
  return {
    tier: next,
    missing: `还差消费 ${yuan(Math.max(0, t.spendingFen - f.spendingFen))} 或进站 ${Math.max(0, t.visits - f.visits)} 次`,
  };
}

export function storedTier(sqlite: Database.Database, customerId: number): LoyaltyTier {
  return ((prepared(sqlite, 'select tier from loyalty_members where customer_id = ?')
    .pluck()
    .get(customerId) as LoyaltyTier | undefined) ?? 'regular') as LoyaltyTier;
}

export function changeTier(
  sqlite: Database.Database,
  c: {
    customerId: number;
    from: LoyaltyTier;
    to: LoyaltyTier;
    on: string;
    cause: TierChangeCause;
    reason: string;
  },
  now: string,
): void {
  ensureMember(sqlite, c.customerId, now);
  prepared(
    sqlite,
    'update loyalty_members set tier = ?, tier_since = ?, updated_at = ? where customer_id = ?',
  ).run(c.to, c.on, now, c.customerId);
  prepared(
    sqlite,
    `insert into loyalty_tier_changes (customer_id, from_tier, to_tier, changed_on, cause, reason, created_at)
     values (?, ?, ?, ?, ?, ?, ?)`,
  ).run(c.customerId, c.from, c.to, c.on, c.cause, c.reason, now);
}

/** After a posting (or a visit): upgrades happen at once; a lower figure waits for the yearly review. */
export function upgradeIfDue(
  sqlite: Database.Database,
  customerId: number,
  today: string,
  settings: LoyaltySettings,
  now: string,
): LoyaltyTier {
  const current = storedTier(sqlite, customerId);
  if (current === 'black') return current;
  // On the points basis neither the tier nor its reason reads spending or visits: two queries fewer per posting.
  const figures =
    settings.tierBasis === 'points'
      ? { ...zero, points: qualifyingPoints(sqlite, customerId, today) }
      : figuresOf(sqlite, customerId, today);
  const reached = tierOf(figures, settings);
  if (tierRank(reached) <= tierRank(current)) return current;
  changeTier(
    sqlite,
    {
      customerId,
      from: current,
      to: reached,
      on: today,
      cause: 'posting',
      reason: describeFigures(figures, reached, settings),
    },
    now,
  );
  return reached;
}

export interface TierPassSummary {
  checked: number;
  upgraded: number;
  downgraded: number;
}

/**
 * Every member, set-based and in slices (../slices.ts): the figures of everyone active in the window, read a few
 * days of the window at a time (sums over days add up), then each member's tier worked out, then the changes
 * written in slices too. On the review day (`review`) a member may move down as well as up; on other
 * days only up. Each change is checked again on the member's own figures as it is written, so a write between
 * the slices (a visit, a reverted import) never makes the pass write a tier its figures no longer give; such a
 * write has moved its member up by itself already (upgradeIfDue).
 */
export function* tierPassSliced(
  sqlite: Database.Database,
  today: string,
  settings: LoyaltySettings,
  review: boolean,
  now: string,
): Sliced<TierPassSummary> {
  const figures = new Map<number, TierFigures>();
  const at = (id: number) => {
    let f = figures.get(id);
    if (!f) figures.set(id, (f = { ...zero }));
    return f;
  };
  const points = prepared(
    sqlite,
    `select customer_id as id, sum(points) as points from loyalty_postings indexed by loyalty_postings_earned_idx
     where kind in ('earn', 'reverse') and posted_on between ? and ? group by customer_id`,
  ).raw();
  const visits = prepared(
    sqlite,
    `select customer_id, count(*), sum(amount_fen) from service_visits indexed by service_visits_report_idx
     where visit_date between ? and ? group by customer_id`,
  ).raw();
  const cars = prepared(
    sqlite,
    `select owner_id, sum(coalesce(price_fen, 0)) from vehicles where delivery_date between ? and ?
       and owner_id is not null group by owner_id`,
  ).raw();
  yield* dayRanges(
    windowStart(today),
    today,
    (from, to) => {
      if (settings.tierBasis === 'points') {
        for (const [id, p] of points.all(from, to) as [number, number][]) at(id).points += p;
        return;
      }
      for (const [id, count, fen] of visits.all(from, to) as [number, number, number][]) {
        const f = at(id);
        f.visits += count;
        f.spendingFen += fen;
      }
      for (const [id, fen] of cars.all(from, to) as [number, number][]) at(id).spendingFen += fen;
    },
    2,
  );
  yield;
  const stored = new Map(
    prepared(sqlite, "select customer_id, tier from loyalty_members where tier <> 'regular'").raw().all() as [
      number,
      LoyaltyTier,
    ][],
  );
  const summary: TierPassSummary = { checked: 0, upgraded: 0, downgraded: 0 };
  const moving: number[] = [];
  yield* timedSlices(membersOf(figures, stored), (id) => {
    summary.checked++;
    const current = stored.get(id) ?? 'regular';
    const reached = tierOf(figures.get(id) ?? zero, settings);
    if (moves(current, reached, review)) moving.push(id);
  });
  const exists = prepared(sqlite, 'select 1 from customers where id = ?').pluck();
  yield* timedSlices(moving, (id) => {
    if (!exists.get(id)) return;
    // The member's own figures as of now: the same sums as above, for one member.
    const current = storedTier(sqlite, id);
    const f = figuresOf(sqlite, id, today);
    const reached = tierOf(f, settings);
    if (!moves(current, reached, review)) return;
    changeTier(
      sqlite,
      {
        customerId: id,
        from: current,
        to: reached,
        on: today,
        cause: review ? 'review' : 'daily',
        reason: `${review ? '年度评定：' : ''}${describeFigures(f, reached, settings)}`,
      },
      now,
    );
    if (tierRank(reached) > tierRank(current)) summary.upgraded++;
    else summary.downgraded++;
  });
  return summary;
}

/** Everyone with figures in the window, then the members above regular without (a downgrade candidate). */
function* membersOf(figures: Map<number, TierFigures>, stored: Map<number, LoyaltyTier>): Generator<number> {
  yield* figures.keys();
  for (const id of stored.keys()) if (!figures.has(id)) yield id;
}

function moves(current: LoyaltyTier, reached: LoyaltyTier, review: boolean): boolean {
  const up = tierRank(reached) > tierRank(current);
  const down = tierRank(reached) < tierRank(current);
  return up || (down && review);
}

/** The same at once, inside the caller's transaction. */
export function tierPassAll(
  sqlite: Database.Database,
  today: string,
  settings: LoyaltySettings,
  review: boolean,
  now: string,
): TierPassSummary {
  return drain(tierPassSliced(sqlite, today, settings, review, now));
}
