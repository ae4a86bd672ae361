import type Database from 'better-sqlite3';
import { withVisitInsertsInBulk } from '../../../db/suspended-triggers';
import type { LoyaltySettings } from '../../contract/loyalty-settings';
import type { PostingStamp } from '../loyalty/earnings';
import type { NewVisit } from '../loyalty/new-visit-points';
import { postNewVisitsPoints } from '../loyalty/new-visit-points';
import type { PlannedRo, RoVisit } from './ro-plan';
import type { RoUndo } from './ro-undo';
import { ImportRowWriteError } from './write-plan';

const insertVisitSql = `insert into service_visits (vehicle_id, customer_id, visit_date, type, mileage_km, amount_fen,
    advisor, notes, out_date, repair_system, main_part_replaced, main_part, serious_safety, fault_text, ro_number)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** The later reading wins: a later day, or the same day with more kilometres (as a visit typed in the app). */
const laterReading = (a: { at: string; km: number }, b: { at: string | null; km: number | null }) =>
  b.at === null || a.at > b.at || (a.at === b.at && a.km >= (b.km ?? 0));

/**
 * Writes the planned visits in file order, earns their points (tagged with the batch), then moves each car's
 * latest mileage and each customer's last visit forward where the imported orders are newer — recording what
 * they were in `undo`. Inside the caller's transaction; a refused row rolls everything back.
 */
export function writeRoPlan(
  sqlite: Database.Database,
  rows: PlannedRo[],
  batchId: number,
  stamp: PostingStamp,
  settings: LoyaltySettings,
  undo: RoUndo,
  onRow: (done: number) => void,
): void {
  const insert = sqlite.prepare(insertVisitSql);
  const latestByVehicle = new Map<number, RoVisit>();
  const lastByCustomer = new Map<number, string>();
  const written: NewVisit[] = [];
  let done = 0;
  // The visit facts of all of them at once, after the rows (visitFactsBulkInsertSql): the same facts as the
  // insert trigger's, row by row, which cost 1.5–2.5 ms a visit at scale L.
  withVisitInsertsInBulk(sqlite, () => {
    for (const row of rows) {
      const v = row.visit;
      if (v) {
        try {
          const id = Number(
            insert.run(
              v.vehicleId,
              v.customerId,
              v.visitDate,
              v.type,
              v.mileageKm,
              v.amountFen,
              v.advisor,
              v.notes,
              v.repair.outDate,
              v.repair.repairSystem,
              v.repair.mainPartReplaced ? 1 : 0,
              v.repair.mainPart,
              v.repair.seriousSafety ? 1 : 0,
              v.repair.faultText,
              v.roNumber,
            ).lastInsertRowid,
          );
          undo.serviceVisits.push(id);
          written.push({ id, customerId: v.customerId, visitDate: v.visitDate, amountFen: v.amountFen });
        } catch (error) {
          throw new ImportRowWriteError(row.result.rowNumber, error);
        }
        const latest = latestByVehicle.get(v.vehicleId);
        if (
          !latest ||
          laterReading({ at: v.visitDate, km: v.mileageKm }, { at: latest.visitDate, km: latest.mileageKm })
        )
          latestByVehicle.set(v.vehicleId, v);
        const last = lastByCustomer.get(v.customerId);
        if (!last || v.visitDate > last) lastByCustomer.set(v.customerId, v.visitDate);
      }
      onRow(++done);
    }
    return written.map((w) => w.id);
  });
  // Their points, in file order, once all are stored: the same postings as one postVisitPoints per visit.
  postNewVisitsPoints(sqlite, written, stamp, { importBatchId: batchId, settings });

  const vehicleNow = sqlite.prepare('select mileage_km as km, mileage_at as at from vehicles where id = ?');
  const moveMileage = sqlite.prepare(
    'update vehicles set mileage_km = ?, mileage_at = ?, updated_at = ?, version = version + 1 where id = ?',
  );
  for (const [vehicleId, v] of latestByVehicle) {
    const before = vehicleNow.get(vehicleId) as { km: number | null; at: string | null };
    if (!laterReading({ at: v.visitDate, km: v.mileageKm }, before)) continue;
    if (before.at === v.visitDate && before.km === v.mileageKm) continue;
    moveMileage.run(v.mileageKm, v.visitDate, stamp.now, vehicleId);
    undo.mileage.push({ id: vehicleId, before, after: { km: v.mileageKm, at: v.visitDate } });
  }
  const customerNow = sqlite.prepare('select last_visit_at as at from customers where id = ?');
  const moveLastVisit = sqlite.prepare('update customers set last_visit_at = ? where id = ?');
  for (const [customerId, date] of lastByCustomer) {
    undo.customers.push(customerId);
    const before = (customerNow.get(customerId) as { at: string | null }).at;
    if (before !== null && before >= date) continue;
    moveLastVisit.run(date, customerId);
    undo.lastVisits.push({ id: customerId, before, after: date });
  }
}
