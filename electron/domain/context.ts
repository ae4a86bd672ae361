import type { AppDb } from '../../db/open-database';
import type { SessionUser } from '../contract/auth';
import type { Clock } from './clock';

/** What every service call gets: the database, the time, and who is asking. */
export interface ServiceContext {
  db: AppDb;
  clock: Clock;
  user: SessionUser | null;
  /** The caller's raw session token, when it has one (needed to log that session out). */
  token: string | null;
  /** Where the call came from, for the audit log: "desktop", or a browser/workstation's address. */
  client?: string | null;
}

export interface AuthedContext extends ServiceContext {
  user: SessionUser;
}
