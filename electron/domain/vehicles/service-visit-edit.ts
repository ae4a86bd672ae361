import type { ChannelParsedInput } from '../../contract';
import { AppError } from '../../contract/errors';
import type { VisitDetail } from '../../contract/vehicles';
import { fieldChanges, recordAudit } from '../audit/audit-log';
import { regenerateCallbacksForCustomer } from '../callbacks/regenerate-for-customer';
import { localDate } from '../clock';
import type { ServiceContext } from '../context';
import { refreshDerived } from '../customers/customer-derived';
import { prepared } from '../customers/sql-cache';
import { mergeOrRefuse } from '../locking/field-merge';
import { lastSaveOf } from '../locking/last-save';
import { repairColumns } from './repair-facts';
import { postVisitPoints, postingStamp } from '../loyalty/earnings';

const readSql = `select id, vehicle_id as vehicleId, customer_id as customerId, visit_date as visitDate, type,
    mileage_km as mileageKm, amount_fen as amountFen, advisor, notes, out_date as outDate,
    repair_system as repairSystem, main_part_replaced as mainPartReplaced, main_part as mainPart,
    serious_safety as seriousSafety, fault_text as faultText, version
  from service_visits where id = ?`;

type VisitRow = Omit<VisitDetail, 'mainPartReplaced' | 'seriousSafety'> & {
  mainPartReplaced: number;
  seriousSafety: number;
};

export function getVisit(ctx: ServiceContext, id: number): VisitDetail {
  const row = prepared(ctx.db.$client, readSql).get(id) as VisitRow | undefined;
  if (!row) throw new AppError('not_found', '该进站记录不存在');
  return { ...row, mainPartReplaced: row.mainPartReplaced === 1, seriousSafety: row.seriousSafety === 1 };
}

/** Fields an edit may change; the audit row lists those that did. */
const editable = [
  'type',
  'amountFen',
  'advisor',
  'notes',
  'outDate',
  'repairSystem',
  'mainPartReplaced',
  'mainPart',
  'seriousSafety',
  'faultText',
] as const;

/**
 * Corrects a visit (most often: the car left the workshop, so the out date goes in). The day, the vehicle and
 * the odometer stay: they decide who paid and the mileage history. A stale copy is refused. A changed type or
 * amount reruns what reads them (stage, grade, call-backs), in the same transaction.
 */
export function updateVisit(ctx: ServiceContext, input: ChannelParsedInput<'visits.update'>): VisitDetail {
  const sqlite = ctx.db.$client;
  const today = localDate(ctx.clock());
  ctx.db.transaction(() => {
    const before = getVisit(ctx, input.id);
    const { id: _id, version: _version, base, ...mine } = input;
    const fields = mergeOrRefuse(
      {
        version: input.version,
        currentVersion: before.version,
        mine,
        base,
        theirs: before,
        fields: editable,
      },
      {
        message: '该进站记录在您编辑期间有更新，请查看最新内容后再保存',
        current: before,
        extra: () => lastSaveOf(sqlite, 'visit', input.id),
      },
    );
    const repair = repairColumns(fields, fields.type, before.visitDate, today);
    const result = prepared(
      sqlite,
      `update service_visits set type = ?, amount_fen = ?, advisor = ?, notes = ?, out_date = ?, repair_system = ?,
         main_part_replaced = ?, main_part = ?, serious_safety = ?, fault_text = ?, version = version + 1
       where id = ? and version = ?`,
    ).run(
      fields.type,
      fields.amountFen,
      fields.advisor ?? null,
      fields.notes ?? null,
      repair.outDate,
      repair.repairSystem,
      repair.mainPartReplaced ? 1 : 0,
      repair.mainPart,
      repair.seriousSafety ? 1 : 0,
      repair.faultText,
      input.id,
      before.version,
    );
    if (result.changes === 0) throw new AppError('conflict', '该进站记录在您编辑期间有更新，请刷新后再保存');
    const after = getVisit(ctx, input.id);
    if (before.type !== after.type || before.amountFen !== after.amountFen) {
      // A corrected amount re-posts only the difference of the visit's points.
      postVisitPoints(sqlite, input.id, postingStamp(ctx));
      refreshDerived(ctx, before.customerId);
      regenerateCallbacksForCustomer(ctx, before.customerId);
    }
    const changes = fieldChanges(before, after, editable);
    if (Object.keys(changes).length > 0)
      recordAudit(ctx, {
        action: 'visit.updated',
        entity: 'visit',
        entityId: input.id,
        customerId: before.customerId,
        detail: { changes },
      });
  });
  return getVisit(ctx, input.id);
}
