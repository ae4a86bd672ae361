import type Database from 'better-sqlite3';
import type { ReportPack, SnapshotMeta } from '../../contract/reports';

interface SnapshotRow {
  month: string;
  revision: number;
  pack: string;
  app_version: string;
  closed_at: string;
  closed_by: number | null;
  display_name: string | null;
  reason: string | null;
}

const latestSql = `select s.*, u.display_name from report_snapshots s left join users u on u.id = s.closed_by
  where s.month = ? order by s.revision desc limit 1`;

export function metaOf(r: Omit<SnapshotRow, 'pack'>): SnapshotMeta {
  return {
    month: r.month,
    revision: r.revision,
    closedAt: r.closed_at,
    closedBy: { id: r.closed_by, displayName: r.display_name },
    reason: r.reason,
    appVersion: r.app_version,
  };
}

/** A month's frozen pack: its latest closing, or null when the month was never closed. */
export function latestSnapshot(
  sqlite: Database.Database,
  month: string,
): { meta: SnapshotMeta; pack: ReportPack } | null {
  const r = sqlite.prepare(latestSql).get(month) as SnapshotRow | undefined;
  return r ? { meta: metaOf(r), pack: JSON.parse(r.pack) as ReportPack } : null;
}

/** Closed months, newest first, each with its latest closing and how many closings it had. */
export function closedMonths(sqlite: Database.Database): (SnapshotMeta & { closings: number })[] {
  const rows = sqlite
    .prepare(
      `select s.month, s.revision, s.app_version, s.closed_at, s.closed_by, s.reason, u.display_name,
         (select count(*) from report_snapshots c where c.month = s.month) as closings
       from report_snapshots s left join users u on u.id = s.closed_by
       where s.revision = (select max(revision) from report_snapshots m where m.month = s.month)
       order by s.month desc`,
    )
    .all() as (Omit<SnapshotRow, 'pack'> & { closings: number })[];
  return rows.map((r) => ({ ...metaOf(r), closings: r.closings }));
}
