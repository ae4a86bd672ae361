import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Failed sign-ins, kept in the database so a restart does not hand an attacker a fresh set of guesses.
 * One row per (username at an address) and one per address; the rules live in
 * electron/domain/auth/login-throttle.ts.
 */
export const loginThrottle = sqliteTable(
  'login_throttle',
  {
    /** 'user': one username tried from one address; 'address': every username tried from that address. */
    scope: text('scope', { enum: ['user', 'address'] }).notNull(),
    /** Lower-cased as typed (unknown names count too, so a lockout says nothing about who exists); '' for 'address'. */
    username: text('username').notNull(),
    /** "desktop" over IPC, the peer's IP over HTTP. */
    address: text('address').notNull(),
    /** Wrong passwords since the last lockout, success or quiet day. */
    failures: integer('failures').notNull().default(0),
    /** Lockouts so far: the next one lasts 30 s × 2^level, capped. */
    level: integer('level').notNull().default(0),
    lockedUntil: text('locked_until'),
    lastFailureAt: text('last_failure_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.username, t.address] })],
);
