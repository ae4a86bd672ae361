import type Database from 'better-sqlite3';
import type { LoyaltySettings } from '../../contract/loyalty-settings';
import type { PostingSource } from '../../contract/loyalty-terms';
import { localDate } from '../clock';
import type { ServiceContext } from '../context';
import { prepared } from '../customers/sql-cache';
import { balanceOf, earnedBySource, insertPosting, lotExpiry, lotRemaining } from './ledger';
import { expiryDateOf } from './loyalty-dates';
import { loadLoyaltySettings } from './loyalty-settings';
import { upgradeIfDue } from './tiers';

/** Who and when, for postings made inside another domain's write. */
export interface PostingStamp {
  today: string;
  now: string;
  by: number | null;
}

export function postingStamp(ctx: ServiceContext): PostingStamp {
  const at = ctx.clock();
  return { today: localDate(at), now: at.toISOString(), by: ctx.user?.id ?? null };
}

export interface SourceTarget {
  customerId: number;
  source: PostingSource;
  sourceTable: string;
  sourceId: number;
  /** What the source should have earned in all (its rule applied to its current values). */
  points: number;
  /** The day it counts for: the visit's day, the delivery day, the check-in day. */
  earnedOn: string;
  reason?: string | null;
  importBatchId?: number | null;
}

/**
 * Brings what a source has earned to its target: the difference is posted (an `earn`, or a `reverse` of what
 * it no longer earns), so an edit re-posts only what changed and a repeat call posts nothing. A reversal takes
 * back only what is left of the source's points (spends draw on what expires first): points already spent or
 * expired stay so, and the balance never goes below zero. Runs inside the caller's transaction.
 * Returns the points posted.
 */
export function settleSource(
  sqlite: Database.Database,
  target: SourceTarget,
  stamp: PostingStamp,
  settings: LoyaltySettings = loadLoyaltySettings(sqlite),
): number {
  const have = earnedBySource(sqlite, target.customerId, target.sourceTable, target.sourceId);
  let diff = target.points - have;
  if (diff < 0) {
    const left = lotRemaining(sqlite, target.customerId, target.sourceTable, target.sourceId);
    diff = -Math.min(-diff, left, Math.max(0, balanceOf(sqlite, target.customerId)));
  }
  if (diff === 0) return 0;
  const expiresOn = expiryDateOf(target.earnedOn, settings.expiryYears);
  // Points that would already have expired are not given (a car delivered years ago, typed in today).
  if (diff > 0 && expiresOn < stamp.today) return 0;
  insertPosting(sqlite, {
    customerId: target.customerId,
    kind: diff > 0 ? 'earn' : 'reverse',
    source: target.source,
    sourceTable: target.sourceTable,
    sourceId: target.sourceId,
    importBatchId: target.importBatchId ?? null,
    points: diff,
    postedOn: target.earnedOn,
    // A reversal carries its lot's expiry, so the expiry pass sums lines without grouping them into lots.
    expiresOn:
      diff > 0 ? expiresOn : lotExpiry(sqlite, target.customerId, target.sourceTable, target.sourceId),
    reason: target.reason ?? null,
    createdBy: stamp.by,
    createdAt: stamp.now,
  });
  if (diff > 0) upgradeIfDue(sqlite, target.customerId, stamp.today, settings, stamp.now);
  return diff;
}

/** Service revenue earns whole points only (¥10 a point by default; the remainder earns nothing). */
export function visitPoints(amountFen: number, settings: LoyaltySettings): number {
  return Math.max(0, Math.floor(amountFen / settings.serviceFenPerPoint));
}

/**
 * A service visit's points, from its current amount and owner: call after a visit is saved or corrected, in the
 * same transaction. On the spending basis the tier is looked at even when no point moved (a visit counts).
 */
export function postVisitPoints(
  sqlite: Database.Database,
  visitId: number,
  stamp: PostingStamp,
  // An imported visit's points carry its batch, so reverting the import takes exactly them back.
  options: { importBatchId?: number; settings?: LoyaltySettings } = {},
): number {
  const visit = prepared(
    sqlite,
    'select customer_id as customerId, visit_date as visitDate, amount_fen as amountFen from service_visits where id = ?',
  ).get(visitId) as { customerId: number; visitDate: string; amountFen: number } | undefined;
  if (!visit) return 0;
  const settings = options.settings ?? loadLoyaltySettings(sqlite);
  const posted = settleSource(
    sqlite,
    {
      customerId: visit.customerId,
      source: 'service_visit',
      sourceTable: 'service_visits',
      sourceId: visitId,
      points: visitPoints(visit.amountFen, settings),
      earnedOn: visit.visitDate,
      reason: `进站消费 ¥${(visit.amountFen / 100).toFixed(2)}`,
      importBatchId: options.importBatchId ?? null,
    },
    stamp,
    settings,
  );
  if (settings.tierBasis === 'spending')
    upgradeIfDue(sqlite, visit.customerId, stamp.today, settings, stamp.now);
  return posted;
}

/**
 * An event check-in's points for the person checked in (`checkedIn` false: the check-in was undone, its points
 * are reversed). Call from the check-in's own transaction; repeating it posts nothing.
 */
export function postEventCheckin(
  sqlite: Database.Database,
  checkin: { inviteeId: number; customerId: number; checkedIn: boolean; on: string; eventTitle?: string },
  stamp: PostingStamp,
): number {
  const settings = loadLoyaltySettings(sqlite);
  return settleSource(
    sqlite,
    {
      customerId: checkin.customerId,
      source: 'event_checkin',
      sourceTable: 'event_invitees',
      sourceId: checkin.inviteeId,
      points: checkin.checkedIn ? settings.eventCheckinPoints : 0,
      earnedOn: checkin.on,
      reason: checkin.eventTitle ? `活动签到：${checkin.eventTitle}` : '活动签到',
    },
    stamp,
    settings,
  );
}
