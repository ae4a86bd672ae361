import type Database from 'better-sqlite3';
import type { DailyPassSummary } from '../../contract/loyalty';
import { addDays } from '../callbacks/dates';
import { prepared } from '../customers/sql-cache';
import { postDueDeliveries } from './deliveries';
import { alreadyCalledSql, createPointsExpiryCalls } from '../callbacks/points-expiry-calls';
import { expirePointsSliced, expiringPointsSliced } from './expiry';
import { lastReviewDay } from './loyalty-dates';
import { loadLoyaltySettings } from './loyalty-settings';
import type { Sliced } from '../slices';
import { drain } from '../slices';
import { tierPassSliced } from './tiers';

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
 * The day's loyalty work, in order: points past their last day expire (FIFO), and members with points running
 * out within the notice window get a care call; deliveries whose day has come earn (and close their referrals);
 * every member's tier is looked at — upwards every day, and on the yearly review day (or the first pass after
 * it, if the server was off) downwards too — and the day is marked done. Written as slices (../slices.ts), each
 * standing on its own: expiry posts only what is still due, care calls come once per expiry date, a delivery
 * earns once, tiers are worked out from the ledger; so a pass stopped between slices is done again without
 * doubling anything, and the marks (the review's among them) are written with the last tier slice.
 */
function* dailyPass(
  sqlite: Database.Database,
  clock: { today: string; now: string },
): Sliced<DailyPassSummary> {
  const settings = loadLoyaltySettings(sqlite);
  const marks = loadMarks(sqlite);
  const stamp = { today: clock.today, now: clock.now, by: null };
  const since = marks.ranOn ? addDays(marks.ranOn, -1) : '0000-01-01';
  const reviewDay = lastReviewDay(clock.today, settings.reviewDate);
  // The first pass ever holds no review: tiers so far were all reached by postings under today's rules.
  const review = marks.reviewedOn !== undefined && marks.reviewedOn < reviewDay;
  const expired = yield* expirePointsSliced(sqlite, since, stamp);
  yield;
  // What is left to expire within the notice window: a care call in the queue (once per expiry date).
  let careCalls = 0;
  yield* expiringPointsSliced(
    sqlite,
    clock.today,
    settings.expiringNoticeDays,
    (expiring) => {
      careCalls += createPointsExpiryCalls(sqlite, expiring, clock);
    },
    alreadyCalledSql,
  );
  yield;
  const lastId = lastPostingId(sqlite);
  const deliveries = postDueDeliveries(sqlite, marks.ranOn ?? addDays(clock.today, -31), stamp);
  const referrals = referralRewardsSince(sqlite, lastId);
  yield;
  // A review the server missed (off on the day) is held as of its day; upgrades since then as of today.
  const tiers = yield* tierPassSliced(sqlite, review ? reviewDay : clock.today, settings, review, clock.now);
  if (review && reviewDay !== clock.today) {
    tiers.upgraded += (yield* tierPassSliced(sqlite, clock.today, settings, false, clock.now)).upgraded;
  }
  saveMarks(
    sqlite,
    { ranOn: clock.today, reviewedOn: review || !marks.reviewedOn ? reviewDay : marks.reviewedOn },
    clock.now,
  );
  return { today: clock.today, expired, careCalls, reviewed: review, tiers, referrals, deliveries };
}

/** The day's loyalty work in one transaction (the manual run, the demo generator). */
export function runLoyaltyDaily(
  sqlite: Database.Database,
  clock: { today: string; now: string },
): DailyPassSummary {
  return sqlite.transaction((): DailyPassSummary => drain(dailyPass(sqlite, clock))).immediate();
}

/**
 * The same work for the daily upkeep: each slice its own transaction, awaiting `pause` before each, so requests
 * are answered in between — at scale L the whole pass is seconds, each slice about 10 ms.
 */
export async function runLoyaltyDailyInSteps(
  sqlite: Database.Database,
  clock: { today: string; now: string },
  pause: () => Promise<void>,
): Promise<DailyPassSummary> {
  const pass = dailyPass(sqlite, clock);
  for (;;) {
    await pause();
    const slice = sqlite.transaction(() => pass.next()).immediate();
    if (slice.done) return slice.value;
  }
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
