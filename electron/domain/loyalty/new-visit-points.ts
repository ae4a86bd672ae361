import type Database from 'better-sqlite3';
import type { LoyaltySettings } from '../../contract/loyalty-settings';
import type { LoyaltyTier } from '../../contract/loyalty-terms';
import { tierRank } from '../../contract/loyalty-terms';
import { prepared } from '../customers/sql-cache';
import type { PostingStamp } from './earnings';
import { postVisitPoints, visitPoints } from './earnings';
import { insertPosting } from './ledger';
import { expiryDateOf, windowStart } from './loyalty-dates';
import type { TierFigures } from './tiers';
import { changeTier, describeFigures, figuresOf, storedTier, tierOf } from './tiers';

/** A visit just inserted (it has earned nothing yet), as postVisitPoints would read it back. */
export interface NewVisit {
  id: number;
  customerId: number;
  visitDate: string;
  amountFen: number;
}

interface Member {
  tier: LoyaltyTier;
  figures: TierFigures;
}

/**
 * postVisitPoints for many visits just inserted, in their order, writing the same rows (postings, members, tier
 * changes, in the same order, so with the same ids) without its reads per visit: a new visit has earned
 * nothing, so its posting is its rule applied to its amount; and a customer's tier figures change only by the
 * visits themselves, so they are read once per customer and carried forward in memory, visit by visit, exactly
 * as upgradeIfDue would re-read them after each one. Should any of the ids already carry postings (the id of a
 * deleted visit used again, with what it earned still on the ledger), the general path runs visit by visit.
 * All the visits must already be stored (their tier figures are counted from service_visits).
 */
export function postNewVisitsPoints(
  sqlite: Database.Database,
  visits: NewVisit[],
  stamp: PostingStamp,
  options: { importBatchId: number; settings: LoyaltySettings },
): void {
  if (!visits.length) return;
  const { settings } = options;
  const earlier = prepared(
    sqlite,
    `select count(*) from loyalty_postings where source_table = 'service_visits'
       and source_id in (select value from json_each(?))`,
  )
    .pluck()
    .get(JSON.stringify(visits.map((v) => v.id))) as number;
  if (earlier) {
    for (const v of visits) postVisitPoints(sqlite, v.id, stamp, options);
    return;
  }

  const from = windowStart(stamp.today);
  const inWindow = (v: NewVisit) => v.visitDate >= from && v.visitDate <= stamp.today;
  // What these visits add to their customers' figures: taken off the stored figures, which already count them.
  const added = new Map<number, { visits: number; fen: number }>();
  for (const v of visits) {
    if (!inWindow(v)) continue;
    const a = added.get(v.customerId) ?? { visits: 0, fen: 0 };
    a.visits += 1;
    a.fen += v.amountFen;
    added.set(v.customerId, a);
  }
  const members = new Map<number, Member>();
  const memberOf = (customerId: number): Member => {
    let m = members.get(customerId);
    if (!m) {
      const stored = figuresOf(sqlite, customerId, stamp.today);
      const a = added.get(customerId) ?? { visits: 0, fen: 0 };
      m = {
        tier: storedTier(sqlite, customerId),
        figures: {
          points: stored.points,
          spendingFen: stored.spendingFen - a.fen,
          visits: stored.visits - a.visits,
        },
      };
      members.set(customerId, m);
    }
    return m;
  };

  for (const v of visits) {
    const m = memberOf(v.customerId);
    const counted = inWindow(v);
    if (counted) {
      m.figures.visits += 1;
      m.figures.spendingFen += v.amountFen;
    }
    // settleSource with nothing earned before: the whole of the rule's points, unless already expired.
    const points = visitPoints(v.amountFen, settings);
    const expiresOn = expiryDateOf(v.visitDate, settings.expiryYears);
    const posted = points > 0 && expiresOn >= stamp.today;
    if (posted) {
      insertPosting(sqlite, {
        customerId: v.customerId,
        kind: 'earn',
        source: 'service_visit',
        sourceTable: 'service_visits',
        sourceId: v.id,
        importBatchId: options.importBatchId,
        points,
        postedOn: v.visitDate,
        expiresOn,
        reason: `进站消费 ¥${(v.amountFen / 100).toFixed(2)}`,
        createdBy: stamp.by,
        createdAt: stamp.now,
      });
      if (counted) m.figures.points += points;
    }
    // upgradeIfDue runs after a posting, and after every visit on the spending basis.
    if (!posted && settings.tierBasis !== 'spending') continue;
    if (m.tier === 'black') continue;
    const reached = tierOf(m.figures, settings);
    if (tierRank(reached) <= tierRank(m.tier)) continue;
    changeTier(
      sqlite,
      {
        customerId: v.customerId,
        from: m.tier,
        to: reached,
        on: stamp.today,
        cause: 'posting',
        reason: describeFigures(m.figures, reached, settings),
      },
      stamp.now,
    );
    m.tier = reached;
  }
}
