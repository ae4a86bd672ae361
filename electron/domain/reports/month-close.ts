import type { ReportPack, SnapshotMeta } from '../../contract/reports';
import { AppError } from '../../contract/errors';
import { recordAudit } from '../audit/audit-log';
import { localDate } from '../clock';
import type { AuthedContext } from '../context';
import { appVersion } from '../system/app-version';
import { monthWindow } from './month-window';
import { reportPack } from './report-pack';
import { latestSnapshot } from './snapshot-store';

/**
 * 月结: computes the month's pack and stores it as it stands (numbers and definitions, app version, when, who).
 * A month not over yet cannot be closed; closing a closed month again needs a reason, and both are logged.
 */
export function closeMonth(ctx: AuthedContext, input: { month: string; reason?: string }): SnapshotMeta {
  const sqlite = ctx.db.$client;
  const w = monthWindow(input.month);
  const today = localDate(ctx.clock());
  if (w.to >= today) throw new AppError('validation', `${input.month} 尚未结束，月末之后才能月结`);
  const reason = input.reason?.trim() || null;
  const refuseWithoutReason = (before: { meta: SnapshotMeta } | null) => {
    if (before && !reason)
      throw new AppError(
        'validation',
        `${input.month} 已于 ${localDate(new Date(before.meta.closedAt))} 月结，重新月结须填写原因`,
        { fields: { reason: '请填写重新月结的原因' } },
      );
  };
  refuseWithoutReason(latestSnapshot(sqlite, input.month));
  // Computed before the write transaction: the pack reads a lot, and other writers need not wait for it.
  const pack: ReportPack = reportPack(ctx, input.month);
  return sqlite
    .transaction(() => {
      const before = latestSnapshot(sqlite, input.month);
      refuseWithoutReason(before);
      const revision = (before?.meta.revision ?? 0) + 1;
      const closedAt = ctx.clock().toISOString();
      sqlite
        .prepare(
          `insert into report_snapshots (month, revision, pack, app_version, closed_at, closed_by, reason)
           values (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(input.month, revision, JSON.stringify(pack), appVersion, closedAt, ctx.user.id, reason);
      recordAudit(ctx, {
        action: before ? 'report.reclosed' : 'report.closed',
        entity: 'report',
        entityId: input.month,
        detail: { month: input.month, revision, ...(reason ? { reason } : {}) },
      });
      return {
        month: input.month,
        revision,
        closedAt,
        closedBy: { id: ctx.user.id, displayName: ctx.user.displayName },
        reason,
        appVersion,
      };
    })
    .immediate();
}

/** A closed month's frozen pack; not found when the month was never closed. */
export function frozenPack(ctx: AuthedContext, month: string): { meta: SnapshotMeta; pack: ReportPack } {
  const s = latestSnapshot(ctx.db.$client, month);
  if (!s) throw new AppError('not_found', `${month} 尚未月结，没有冻结的报表`);
  return s;
}
