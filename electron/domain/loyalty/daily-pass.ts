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

type DailyStep = () => void;

/**
 * The day's loyalty work as steps, in order: points past their last day expire (FIFO), and members with points
 * running out within the notice window get a care call; deliveries whose day has come earn (and close their
 * referrals); every member's tier is looked at — upwards every day, and on the yearly review day (or the first
 * pass after it, if the server was off) downwards too — and the day is marked done. Each step stands on its own:
 * expiry posts only what is still due, care calls come once per expiry date, a delivery earns once, tiers are
 * worked out from the ledger; so a pass stopped between steps is done again without doubling anything, and the
 * marks (the review's among them) are written with the tiers, in the last step.
 */
function dailySteps(
  sqlite: Database.Database,
  clock: { today: string; now: string },
): { steps: DailyStep[]; summary: () => DailyPassSummary } {
  const settings = loadLoyaltySettings(sqlite);
  const marks = loadMarks(sqlite);
  const stamp = { today: clock.today, now: clock.now, by: null };
  const since = marks.ranOn ? addDays(marks.ranOn, -1) : '0000-01-01';
  const reviewDay = lastReviewDay(clock.today, settings.reviewDate);
  // The first pass ever holds no review: tiers so far were all reached by postings under today's rules.
  const review = marks.reviewedOn !== undefined && marks.reviewedOn < reviewDay;
  let expired: DailyPassSummary['expired'] = { members: 0, points: 0 };
  let careCalls: DailyPassSummary['careCalls'] = 0;
  let deliveries: DailyPassSummary['deliveries'] = 0;
  let referrals = 0;
  let tiers: DailyPassSummary['tiers'] | null = null;
  const steps: DailyStep[] = [
    () => {
      expired = expirePoints(sqlite, since, stamp);
    },
    () => {
      // What is left to expire within the notice window: a care call in the queue (once per expiry date).
      careCalls = createPointsExpiryCalls(
        sqlite,
        customersWithExpiringPoints(sqlite, clock.today, settings.expiringNoticeDays),
        clock,
      );
    },
    () => {
      const lastId = lastPostingId(sqlite);
      deliveries = postDueDeliveries(sqlite, marks.ranOn ?? addDays(clock.today, -31), stamp);
      referrals = referralRewardsSince(sqlite, lastId);
    },
    () => {
      // A review the server missed (off on the day) is held as of its day; upgrades since then as of today.
      const pass = tierPassAll(sqlite, review ? reviewDay : clock.today, settings, review, clock.now);
      if (review && reviewDay !== clock.today) {
        pass.upgraded += tierPassAll(sqlite, clock.today, settings, false, clock.now).upgraded;
      }
      tiers = pass;
      saveMarks(
        sqlite,
        { ranOn: clock.today, reviewedOn: review || !marks.reviewedOn ? reviewDay : marks.reviewedOn },
        clock.now,
      );
    },
  ];
  const summary = (): DailyPassSummary => {
    if (!tiers) throw new Error('loyalty daily pass: summary asked before its last step');
    return { today: clock.today, expired, careCalls, reviewed: review, tiers, referrals, deliveries };
  };
  return { steps, summary };
}

/** The day's loyalty work in one transaction (the manual run, the demo generator). */
export function runLoyaltyDaily(
  sqlite: Database.Database,
  clock: { today: string; now: string },
): DailyPassSummary {
  return sqlite
    .transaction((): DailyPassSummary => {
      const pass = dailySteps(sqlite, clock);
      for (const step of pass.steps) step();
      return pass.summary();
    })
    .immediate();
}

/**
 * The same work for the daily upkeep: each step its own transaction, awaiting `pause` before each, so requests
 * are answered in between — at scale L the whole pass is 2–9 s, each step under about a second.
 */
export async function runLoyaltyDailyInSteps(
  sqlite: Database.Database,
  clock: { today: string; now: string },
  pause: () => Promise<void>,
): Promise<DailyPassSummary> {
  const pass = dailySteps(sqlite, clock);
  for (const step of pass.steps) {
    await pause();
    sqlite.transaction(step).immediate();
  }
  return pass.summary();
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
