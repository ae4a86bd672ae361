import type Database from 'better-sqlite3';
import { prepared } from '../customers/sql-cache';
import type { LastSave } from './last-save';

/**
 * A group of settings (门店设置, 投诉设置) saved by several administrators carries one version, like a record: kept
 * in store_settings under its own key (not a setting, so no settings service reads it), 1 until the first save.
 */
const keyOf = (scope: string) => `version:${scope}`;

export function settingsVersionOf(sqlite: Database.Database, scope: string): number {
  const raw = prepared(sqlite, 'select value from store_settings where key = ?').pluck().get(keyOf(scope)) as
    string | undefined;
  const n = raw === undefined ? NaN : Number(JSON.parse(raw));
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** Called in the save's transaction; returns the new version. */
export function bumpSettingsVersion(sqlite: Database.Database, scope: string, now: string): number {
  const next = settingsVersionOf(sqlite, scope) + 1;
  prepared(
    sqlite,
    `insert into store_settings (key, value, updated_at) values (?, ?, ?)
     on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at`,
  ).run(keyOf(scope), JSON.stringify(next), now);
  return next;
}

/** Who saved the latest of these settings rows, and when: the conflict dialog's "theirs" is theirs. */
export function lastSettingSave(sqlite: Database.Database, keys: readonly string[]): LastSave {
  const row = prepared(
    sqlite,
    `select s.updated_at as at, u.display_name as name from store_settings s left join users u on u.id = s.updated_by
     where s.key in (select value from json_each(?)) order by s.updated_at desc limit 1`,
  ).get(JSON.stringify(keys)) as { at: string; name: string | null } | undefined;
  return { savedBy: row?.name ?? null, savedAt: row?.at ?? null };
}
