import type Database from 'better-sqlite3';
import { prepared } from '../customers/sql-cache';

export type LastSave = {
  /** The staff member whose save is stored now, by display name; null when unknown (an older record). */
  savedBy: string | null;
  savedAt: string | null;
};

/**
 * Who saved a record last and when, read from its latest audit row: the conflict dialog names them ("王芳
 * 10:32 保存"). Only asked on a refused save, so the scan from the newest row down stays short.
 */
export function lastSaveOf(sqlite: Database.Database, entity: string, entityId: number | string): LastSave {
  const row = prepared(
    sqlite,
    `select a.at, coalesce(u.display_name, a.username) as name from audit_log a
     left join users u on u.id = a.user_id
     where a.entity = ? and a.entity_id = ? and a.action not like '%.viewed' order by a.id desc limit 1`,
  ).get(entity, String(entityId)) as { at: string; name: string | null } | undefined;
  return { savedBy: row?.name ?? null, savedAt: row?.at ?? null };
}
