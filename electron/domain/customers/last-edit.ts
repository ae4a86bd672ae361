import type Database from 'better-sqlite3';
import type { CustomerConflictDetails } from '../../contract/customers';
import { prepared } from './sql-cache';

/**
 * Who saved the card last and when, for a stale save's conflict dialog. A name is given only when the last
 * change was that person's save (its version is the card's version now); a change made since by something
 * else, such as a call-back outcome or an import, leaves savedBy null rather than naming the wrong person.
 */
export function lastEditOf(
  sqlite: Database.Database,
  customerId: number,
): Omit<CustomerConflictDetails, 'current' | 'clashes'> {
  const row = prepared(
    sqlite,
    `select c.updated_at as at, c.version, c.edited_version as editedVersion, u.display_name as name
     from customers c left join users u on u.id = c.edited_by where c.id = ?`,
  ).get(customerId) as
    { at: string; version: number; editedVersion: number | null; name: string | null } | undefined;
  if (!row) return { savedBy: null, savedAt: null };
  return { savedBy: row.editedVersion === row.version ? row.name : null, savedAt: row.at };
}
