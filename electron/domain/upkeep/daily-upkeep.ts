import type Database from 'better-sqlite3';
import { regenerate } from '../callbacks/regenerate-for-customer';
import type { GenerationSummary } from '../callbacks/full-regeneration';
import { regenerateAllSliced } from '../callbacks/full-regeneration';
import { runMarks } from '../callbacks/run-marks';
import type { DailyPassSummary } from '../../contract/loyalty';
import { loyaltyRanOn, runLoyaltyDailyInSteps } from '../loyalty/daily-pass';
import type { Clock } from '../clock';
import { localDate } from '../clock';
import { daysBetween } from '../customers/customer-rules/rule-dates';
import { customersDueForRefreshSliced } from '../customers/derived-due';
import type { DerivedPassSummary } from '../customers/refresh-all-derived';
import { refreshDerivedIds, refreshDerivedSlice } from '../customers/refresh-all-derived';
import { eventSummaryReminders } from '../events/event-notify';
import { pruneFactChanges } from '../reports/fact-changes';

export interface UpkeepSummary {
  today: string;
  derived: DerivedPassSummary & { mode: DerivedMode };
  /** Null when the queue had already been generated that store day (by hand, or by an import). */
  callbacks: GenerationSummary | null;
  /** Event owners reminded that a summary is overdue (once per event). */
  eventSummaries: { reminded: number };
  /** Points expiry, due deliveries, tiers; null when it had already run that store day (by hand). */
  loyalty: DailyPassSummary | null;
}

/** `since`: only the customers the calendar moved since that day; `all`: everyone (first run, long gap). */
export type DerivedMode = 'up to date' | 'since' | 'all';

export interface UpkeepOptions {
  /** Customers per slice (tests use small slices to see requests between them). */
  sliceSize?: number;
}

/**
 * How far back a pass may pick up from its last complete day. Past that (a server off for months), everyone is
 * done again: a long gap is rare, and the whole pass is known to be right.
 */
const maxCatchUpDays = 62;

const runningOn = new WeakMap<Database.Database, string>();

/**
 * The start-of-day work, once per store day and database: first the stored stages and grades catch up with
 * the calendar (the list filters on them), then the call-back queue. Both pick up from the last store day they
 * were complete for (marks in the database): the stages only for the customers whose dated facts crossed a
 * rule's boundary since (derived-due.ts), the queue only for the due dates that came into range since; every
 * write in between already refreshed its own customer. Both go in short slices, each its own transaction,
 * awaiting `pause` between them so requests keep being served. The day is marked done only when both finished,
 * so a restart the same day does nothing and a pass that failed (or was stopped) is done again.
 */
export async function runDailyUpkeep(
  sqlite: Database.Database,
  clock: Clock,
  pause: () => Promise<void>,
  opts: UpkeepOptions = {},
): Promise<UpkeepSummary | null> {
  const today = localDate(clock());
  if (runMarks.upkept(sqlite) === today || runningOn.get(sqlite) === today) return null;
  runningOn.set(sqlite, today);
  const t0 = performance.now();
  try {
    const nowIso = () => clock().toISOString();
    const derived = await refreshDerivedToday(sqlite, today, nowIso, pause, opts.sliceSize);
    const generatedOn = runMarks.generated(sqlite);
    const callbacks =
      generatedOn === today
        ? null
        : await regenerateAllSliced(sqlite, today, nowIso(), {
            pause,
            sliceSize: opts.sliceSize,
            since: sweptWithinAWeek(sqlite, today) ? catchUpFrom(generatedOn, today) : null,
          });
    const eventSummaries = eventSummaryReminders(sqlite, clock);
    const loyalty =
      loyaltyRanOn(sqlite) === today
        ? null
        : await runLoyaltyDailyInSteps(sqlite, { today, now: nowIso() }, pause);
    await pruneFactChanges(sqlite, pause);
    runMarks.markUpkept(sqlite, today, performance.now() - t0);
    return { today, derived, callbacks, eventSummaries, loyalty };
  } finally {
    runningOn.delete(sqlite);
  }
}

/**
 * Once a week the queue pass goes over everyone after all: the days-since pass relies on every write having
 * regenerated its customer, and a weekly sweep (in slices, like the rest) catches what was changed behind the
 * app's back — a repaired row, a tool run against the file.
 */
const sweepEveryDays = 7;

function sweptWithinAWeek(sqlite: Database.Database, today: string): boolean {
  const swept = runMarks.swept(sqlite);
  return swept !== undefined && swept <= today && daysBetween(swept, today) < sweepEveryDays;
}

function catchUpFrom(last: string | undefined, today: string): string | null {
  if (last === undefined || last >= today) return null;
  return daysBetween(last, today) <= maxCatchUpDays ? last : null;
}

const sliceTargetMs = 10;

/** Stages and grades as of `today`, for the customers the calendar may have moved (or everyone). */
async function refreshDerivedToday(
  sqlite: Database.Database,
  today: string,
  nowIso: () => string,
  pause: () => Promise<void>,
  sliceSize?: number,
): Promise<UpkeepSummary['derived']> {
  const last = runMarks.derived(sqlite);
  if (last === today) return { checked: 0, changed: 0, mode: 'up to date' };
  const since = catchUpFrom(last, today);
  const total =
    since === null
      ? { ...(await refreshEveryone(sqlite, today, pause, sliceSize)), mode: 'all' as const }
      : {
          ...(await refreshCandidates(
            sqlite,
            today,
            nowIso,
            await candidatesSince(sqlite, since, today, pause),
            pause,
            sliceSize,
          )),
          mode: 'since' as const,
        };
  runMarks.markDerived(sqlite, today);
  return total;
}

/** The customers the calendar may have moved, found part by part with `pause` between the parts. */
async function candidatesSince(
  sqlite: Database.Database,
  since: string,
  today: string,
  pause: () => Promise<void>,
): Promise<number[]> {
  const parts = customersDueForRefreshSliced(sqlite, since, today);
  for (;;) {
    await pause();
    const part = parts.next();
    if (part.done) return part.value;
  }
}

async function refreshCandidates(
  sqlite: Database.Database,
  today: string,
  nowIso: () => string,
  ids: readonly number[],
  pause: () => Promise<void>,
  sliceSize?: number,
): Promise<DerivedPassSummary> {
  const total: DerivedPassSummary = { checked: 0, changed: 0 };
  for (let next = 0; next < ids.length;) {
    await pause();
    const end = sliceSize === undefined ? ids.length : Math.min(ids.length, next + sliceSize);
    const slice = refreshDerivedIds(
      sqlite,
      today,
      ids,
      { from: next, end },
      sliceSize ? Infinity : sliceTargetMs,
    );
    total.checked += slice.checked;
    total.changed += slice.changed;
    next = slice.next;
    // A stage the calendar moved can change what the call-back rules want for that customer.
    if (slice.stageChanged.length) {
      const at = nowIso();
      sqlite.transaction(() => {
        for (const id of slice.stageChanged) regenerate(sqlite, id, today, at);
      })();
    }
  }
  return total;
}

/**
 * Everyone, in slices sized from the last one's time (a customer's facts are a dozen reads, about 0.7 ms at
 * scale L: a fixed slice of a few hundred would hold requests for a fifth of a second).
 */
async function refreshEveryone(
  sqlite: Database.Database,
  today: string,
  pause: () => Promise<void>,
  sliceSize?: number,
): Promise<DerivedPassSummary> {
  const total: DerivedPassSummary = { checked: 0, changed: 0 };
  let size = sliceSize ?? 20;
  for (let after = 0; ;) {
    await pause();
    const started = performance.now();
    const slice = refreshDerivedSlice(sqlite, today, after, size, sliceSize ? Infinity : sliceTargetMs);
    total.checked += slice.checked;
    total.changed += slice.changed;
    if (slice.lastId === null) return total;
    after = slice.lastId;
    if (sliceSize === undefined) {
      const took = Math.max(0.5, performance.now() - started);
      size = Math.max(5, Math.min(2000, Math.round((slice.checked * sliceTargetMs) / took) + 1));
    }
  }
}
