import type Database from 'better-sqlite3';
import { prepared } from '../customers/sql-cache';

/*
 * Wrong passwords slow down, and stop for a while, per username AND per address, in login_throttle so a
 * restart does not reset them.
 *
 * Why the username is counted per address, not globally: a global count would let anyone at any workstation
 * lock a colleague out for good just by typing their name with a wrong password every half hour. Counted
 * per (username, address), the guesser locks that name only where they sit; the real user at their own
 * workstation keeps signing in — as long as the guessing comes from fewer than `distributedAddresses`
 * addresses at once. From that many (a spread-out attack) the name is locked everywhere until the latest of
 * those lockouts ends; a manager can unlock it at once (users.unlock), and it never outlasts the cap.
 * The per-address count (any usernames) stops one place from spraying a few guesses at every account.
 *
 * A successful sign-in clears that username's count at that address only: the owner signing in elsewhere
 * must not give a guesser fresh tries. It does not clear the address's count, or one valid account would
 * let an insider wash their workstation clean between rounds of guesses at others. A day without failures
 * forgets a row's history.
 */
export const throttleRules = {
  /** Wrong passwords for one username from one address before it locks there. */
  userFailures: 5,
  /** Wrong passwords from one address, whatever the usernames (a shared front-desk PC serves several staff). */
  addressFailures: 20,
  firstLockMs: 30_000,
  maxLockMs: 30 * 60_000,
  /** Addresses locked out on the same username at once that lock it from everywhere. */
  distributedAddresses: 3,
  quietResetMs: 24 * 3600_000,
} as const;

export type ThrottleScope = 'user' | 'address';

/** How long the lockout after `level` earlier ones lasts: 30 s, 60 s, 120 s… up to 30 min. */
export function lockDurationMs(level: number): number {
  return Math.min(throttleRules.firstLockMs * 2 ** level, throttleRules.maxLockMs);
}

export interface ActiveLock {
  until: Date;
  /** 'distributed': the username is locked from every address. */
  scope: ThrottleScope | 'distributed';
}

interface ThrottleRow {
  failures: number;
  level: number;
  lockedUntil: string | null;
  lastFailureAt: string;
}

const rowSql = `select failures, level, locked_until as lockedUntil, last_failure_at as lastFailureAt
  from login_throttle where scope = ? and username = ? and address = ?`;
const distributedSql = `select count(*) as n, max(locked_until) as until from login_throttle
  where scope = 'user' and username = ? and locked_until > ?`;
const upsertSql = `insert into login_throttle (scope, username, address, failures, level, locked_until, last_failure_at)
  values (@scope, @username, @address, @failures, @level, @lockedUntil, @lastFailureAt)
  on conflict (scope, username, address) do update set failures = excluded.failures, level = excluded.level,
    locked_until = excluded.locked_until, last_failure_at = excluded.last_failure_at`;

/** The key a typed username is counted under: unknown names count too, so a lockout tells nothing. */
export function throttleName(username: string): string {
  return username.trim().normalize('NFKC').toLowerCase();
}

/** The lockout that refuses a sign-in of `name` from `address` now, if any (the one that ends last). */
export function activeLock(
  sqlite: Database.Database,
  name: string,
  address: string,
  now: Date,
): ActiveLock | null {
  const at = now.toISOString();
  const locks: ActiveLock[] = [];
  for (const [scope, username] of [
    ['user', name],
    ['address', ''],
  ] as const) {
    const row = prepared(sqlite, rowSql).get(scope, username, address) as ThrottleRow | undefined;
    if (row?.lockedUntil && row.lockedUntil > at) locks.push({ scope, until: new Date(row.lockedUntil) });
  }
  const spread = prepared(sqlite, distributedSql).get(name, at) as { n: number; until: string | null };
  if (spread.n >= throttleRules.distributedAddresses && spread.until) {
    locks.push({ scope: 'distributed', until: new Date(spread.until) });
  }
  return locks.reduce<ActiveLock | null>((a, b) => (!a || b.until > a.until ? b : a), null);
}

/**
 * Counts one wrong password for the name at the address and for the address; returns the lockouts this
 * failure started (with the failure count that triggered them), for the audit log and the message.
 */
export function recordFailure(
  sqlite: Database.Database,
  name: string,
  address: string,
  now: Date,
): (ActiveLock & { scope: ThrottleScope; failures: number; level: number })[] {
  const started: (ActiveLock & { scope: ThrottleScope; failures: number; level: number })[] = [];
  for (const [scope, username, threshold] of [
    ['user', name, throttleRules.userFailures],
    ['address', '', throttleRules.addressFailures],
  ] as const) {
    const row = prepared(sqlite, rowSql).get(scope, username, address) as ThrottleRow | undefined;
    const quiet = !row || now.getTime() - new Date(row.lastFailureAt).getTime() > throttleRules.quietResetMs;
    let failures = (quiet ? 0 : row.failures) + 1;
    let level = quiet ? 0 : row.level;
    let lockedUntil = quiet ? null : row.lockedUntil;
    if (failures >= threshold) {
      lockedUntil = new Date(now.getTime() + lockDurationMs(level)).toISOString();
      started.push({ scope, until: new Date(lockedUntil), failures, level });
      level += 1;
      failures = 0;
    }
    prepared(sqlite, upsertSql).run({
      scope,
      username,
      address,
      failures,
      level,
      lockedUntil,
      lastFailureAt: now.toISOString(),
    });
  }
  return started;
}

/** A successful sign-in: that name's count at that address starts over. */
export function recordSuccess(sqlite: Database.Database, name: string, address: string): void {
  prepared(sqlite, "delete from login_throttle where scope = 'user' and username = ? and address = ?").run(
    name,
    address,
  );
}

export interface ThrottleEntry {
  scope: ThrottleScope;
  username: string | null;
  address: string;
  lockedUntil: string;
  level: number;
}

/** Lockouts in force now, the latest-ending first. */
export function activeLocks(sqlite: Database.Database, now: Date): ThrottleEntry[] {
  const rows = sqlite
    .prepare(
      `select scope, username, address, locked_until as lockedUntil, level from login_throttle
       where locked_until > ? order by locked_until desc`,
    )
    .all(now.toISOString()) as ThrottleEntry[];
  return rows.map((r) => ({ ...r, username: r.scope === 'user' ? r.username : null }));
}

/** Clears a username's counts at every address (lockouts and history), or one address's; returns the rows. */
export function clearThrottle(
  sqlite: Database.Database,
  target: { username?: string; address?: string },
): number {
  let n = 0;
  if (target.username !== undefined) {
    n += sqlite
      .prepare("delete from login_throttle where scope = 'user' and username = ?")
      .run(throttleName(target.username)).changes;
  }
  if (target.address !== undefined) {
    n += sqlite
      .prepare("delete from login_throttle where scope = 'address' and address = ?")
      .run(target.address).changes;
  }
  return n;
}

/** Rows with nothing left to remember (no lockout in force, quiet for a day): dropped at start. */
export function purgeStaleThrottle(sqlite: Database.Database, now: Date): void {
  sqlite
    .prepare(
      `delete from login_throttle where last_failure_at < ? and (locked_until is null or locked_until <= ?)`,
    )
    .run(new Date(now.getTime() - throttleRules.quietResetMs).toISOString(), now.toISOString());
}
