import type Database from 'better-sqlite3';
import type { DailyPassSummary } from '../../contract/loyalty';
import { addDays } from '../callbacks/dates';
import { prepared } from '../customers/sql-cache';
import { postDueDeliveries } from './deliveries';
import { createPointsExpiryCalls } from '../callbacks/points-expiry-calls';
import { customersWithExpiringPoints, expirePoints } from './expiry';
import { lastReviewDay } from './loyalty-dates';
import { loadLoyaltySettings } from './loyalty-settings';
import { tierPassAll } from './tiers';

/** The store days the loyalty pass last ran and last held the yearly review (store_settings, not a setting). */
interface Marks {
  ranOn?: string;
  reviewedOn?: string;
}
const marksKey = 'loyalty.runMarks';

function loadMarks(sqlite: Database.Database): Marks {
  const raw = prepared(sqlite, 'select value from store_settings where key = ?').pluck().get(marksKey) as
    string | undefined;
  return raw ? (JSON.parse(raw) as Marks) : {};
}

function saveMarks(sqlite: Database.Database, marks: Marks, now: string): void {
  prepared(
    sqlite,
    `insert into store_settings (key, value, updated_at) values (?, ?, ?)
     on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at`,
  ).run(marksKey, JSON.stringify(marks), now);
}

/** The store day the pass last ran (the upkeep skips it when it already ran that day). */
export function loyaltyRanOn(sqlite: Database.Database): string | undefined {
  return loadMarks(sqlite).ranOn;
}

/**
 * The day's loyalty work, one transaction: points past their last day expire (FIFO), and members with points
 * running out within the notice window get a care call; deliveries whose day has come earn (and close their
 * referrals); every member's tier is looked at — upwards every day, and on the yearly review day (or the first
 * pass after it, if the server was off) downwards too. Run twice the same day, the second run finds nothing to do.
 */
export function runLoyaltyDaily(
  sqlite: Database.Database,
  clock: { today: string; now: string },
): DailyPassSummary {
  return sqlite
    .transaction((): DailyPassSummary => {
      const settings = loadLoyaltySettings(sqlite);
      const marks = loadMarks(sqlite);
      const stamp = { today: clock.today, now: clock.now, by: null };
      const since = marks.ranOn ? addDays(marks.ranOn, -1) : '0000-01-01';
      const expired = expirePoints(sqlite, since, stamp);
      // What is left to expire within the notice window: a care call in the queue (once per expiry date).
      const careCalls = createPointsExpiryCalls(
        sqlite,
        customersWithExpiringPoints(sqlite, clock.today, settings.expiringNoticeDays),
        clock,
      );
      const deliveriesFrom = marks.ranOn ?? addDays(clock.today, -31);
      const lastId = lastPostingId(sqlite);
      const deliveries = postDueDeliveries(sqlite, deliveriesFrom, stamp);
      const referrals = referralRewardsSince(sqlite, lastId);
      const reviewDay = lastReviewDay(clock.today, settings.reviewDate);
      // The first pass ever holds no review: tiers so far were all reached by postings under today's rules.
      const review = marks.reviewedOn !== undefined && marks.reviewedOn < reviewDay;
      // A review the server missed (off on the day) is held as of its day; upgrades since then as of today.
      const tiers = tierPassAll(sqlite, review ? reviewDay : clock.today, settings, review, clock.now);
      if (review && reviewDay !== clock.today) {
        const since = tierPassAll(sqlite, clock.today, settings, false, clock.now);
        tiers.upgraded += since.upgraded;
      }
      saveMarks(
        sqlite,
        { ranOn: clock.today, reviewedOn: review || !marks.reviewedOn ? reviewDay : marks.reviewedOn },
        clock.now,
      );
      return { today: clock.today, expired, careCalls, reviewed: review, tiers, referrals, deliveries };
    })
    .immediate();
}

function lastPostingId(sqlite: Database.Database): number {
  return prepared(sqlite, 'select coalesce(max(id), 0) from loyalty_postings').pluck().get() as number;
}

/**
 * Referral rewards posted after `lastId`: the ledger only grows, so the lines the deliveries just posted are the
 * ones above it — a range of the key, where counting every referral line before and after read the whole ledger
 * twice (2.2M lines at scale L, about half a second of each pass).
 */
function referralRewardsSince(sqlite: Database.Database, lastId: number): number {
  return prepared(
    sqlite,
    "select count(*) from loyalty_postings where id > ? and source = 'referral' and kind = 'earn'",
  )
    .pluck()
    .get(lastId) as number;
}
