import type { ChannelParsedInput } from '../../contract';
import { AppError } from '../../contract/errors';
import type { VisitTimelineItem } from '../../contract/vehicles';
import { recordVisitCreated } from '../audit/vehicle-audit';
import { regenerateCallbacksForCustomer } from '../callbacks/regenerate-for-customer';
import { localDate } from '../clock';
import type { ServiceContext } from '../context';
import { refreshDerived } from '../customers/customer-derived';
import { visitSortKey } from '../customers/customer-timeline';
import { prepared, withTransaction } from '../customers/sql-cache';
import { repairColumns } from './repair-facts';
import { postVisitPoints, postingStamp } from '../loyalty/earnings';

type VisitInput = ChannelParsedInput<'visits.create'>;

const fieldError = (field: string, message: string) =>
  new AppError('validation', message, { fields: { [field]: message } });

interface VisitedVehicle {
  ownerId: number | null;
  deliveryDate: string | null;
  mileageKm: number | null;
  mileageAt: string | null;
}

/**
 * The four columns a new visit checks, not the card's vehicle detail (readVehicle): its warranty and 三包 watch
 * cost a settings parse and three sub-queries per visit that nothing here reads.
 */
function visitedVehicle(ctx: ServiceContext, vehicleId: number): VisitedVehicle {
  const row = prepared(
    ctx.db.$client,
    `select owner_id as ownerId, delivery_date as deliveryDate, mileage_km as mileageKm, mileage_at as mileageAt
     from vehicles where id = ?`,
  ).get(vehicleId) as VisitedVehicle | undefined;
  if (!row) throw new AppError('not_found', '该车辆不存在');
  return row;
}

/**
 * An odometer only goes up: a reading below one taken on an earlier day (at a visit, or typed on the vehicle)
 * is a typo, and so is a back-dated reading above one taken later. Same-day readings are not compared.
 */
function checkMileage(
  ctx: ServiceContext,
  input: VisitInput,
  typed: { km: number | null; at: string | null },
): void {
  const sqlite = ctx.db.$client;
  const earlier = prepared(
    sqlite,
    `select visit_date as date, mileage_km as km from service_visits where vehicle_id = ? and visit_date < ?
     order by mileage_km desc limit 1`,
  ).get(input.vehicleId, input.visitDate) as { date: string; km: number } | undefined;
  let floor = earlier ?? null;
  if (
    typed.km !== null &&
    typed.at !== null &&
    typed.at < input.visitDate &&
    (!floor || typed.km > floor.km)
  ) {
    floor = { date: typed.at, km: typed.km };
  }
  if (floor && input.mileageKm < floor.km) {
    throw fieldError(
      'mileageKm',
      `里程 ${input.mileageKm} km 低于 ${floor.date} 记录的 ${floor.km} km，请核对`,
    );
  }
  const later = prepared(
    sqlite,
    `select visit_date as date, mileage_km as km from service_visits where vehicle_id = ? and visit_date > ?
     order by mileage_km asc limit 1`,
  ).get(input.vehicleId, input.visitDate) as { date: string; km: number } | undefined;
  if (later && input.mileageKm > later.km) {
    throw fieldError(
      'mileageKm',
      `里程 ${input.mileageKm} km 高于之后 ${later.date} 记录的 ${later.km} km，请核对`,
    );
  }
}

/**
 * Records a visit against whoever owned the car on that day (revenue belongs to who paid), moves the vehicle's
 * latest mileage and the customer's last visit forward, and reruns the rules that read visits.
 */
export function createVisit(ctx: ServiceContext, input: VisitInput): VisitTimelineItem {
  const sqlite = ctx.db.$client;
  const now = ctx.clock().toISOString();
  const today = localDate(ctx.clock());
  if (input.visitDate > today) throw fieldError('visitDate', '进站日期不能晚于今天');
  const id = withTransaction(sqlite, () => {
    const vehicle = visitedVehicle(ctx, input.vehicleId);
    if (vehicle.deliveryDate && input.visitDate < vehicle.deliveryDate) {
      throw fieldError('visitDate', `进站日期早于交车日期 ${vehicle.deliveryDate}`);
    }
    const holder = prepared(
      sqlite,
      `select customer_id as customerId from vehicle_ownerships where vehicle_id = ? and from_date <= ?
         and (to_date is null or to_date > ?) order by from_date desc, id desc limit 1`,
    ).get(input.vehicleId, input.visitDate, input.visitDate) as { customerId: number } | undefined;
    const customerId = holder?.customerId ?? vehicle.ownerId;
    if (customerId === null) throw fieldError('vehicleId', '该车辆没有登记车主，无法登记进站');
    checkMileage(ctx, input, { km: vehicle.mileageKm, at: vehicle.mileageAt });
    const repair = repairColumns(input, input.type, input.visitDate, today);

    const visitId = Number(
      prepared(
        sqlite,
        `insert into service_visits (vehicle_id, customer_id, visit_date, type, mileage_km, amount_fen, advisor, notes,
           out_date, repair_system, main_part_replaced, main_part, serious_safety, fault_text)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        input.vehicleId,
        customerId,
        input.visitDate,
        input.type,
        input.mileageKm,
        input.amountFen,
        input.advisor ?? null,
        input.notes ?? null,
        repair.outDate,
        repair.repairSystem,
        repair.mainPartReplaced ? 1 : 0,
        repair.mainPart,
        repair.seriousSafety ? 1 : 0,
        repair.faultText,
      ).lastInsertRowid,
    );
    // The vehicle's version moves too: an editor holding the old mileage must not write it back unseen.
    prepared(
      sqlite,
      `update vehicles set mileage_km = ?, mileage_at = ?, updated_at = ?, version = version + 1
       where id = ? and (mileage_at is null or mileage_at < ? or (mileage_at = ? and coalesce(mileage_km, 0) <= ?))`,
    ).run(
      input.mileageKm,
      input.visitDate,
      now,
      input.vehicleId,
      input.visitDate,
      input.visitDate,
      input.mileageKm,
    );
    prepared(
      sqlite,
      `update customers set last_visit_at = ? where id = ? and (last_visit_at is null or last_visit_at < ?)`,
    ).run(input.visitDate, customerId, input.visitDate);
    postVisitPoints(sqlite, visitId, postingStamp(ctx));
    refreshDerived(ctx, customerId);
    regenerateCallbacksForCustomer(ctx, customerId);
    recordVisitCreated(ctx, visitId, customerId);
    return visitId;
  });
  return readVisit(ctx, id);
}

function readVisit(ctx: ServiceContext, id: number): VisitTimelineItem {
  const row = prepared(
    ctx.db.$client,
    `select s.id, s.visit_date as date, s.type as kind, s.customer_id as customerId, s.vehicle_id as vehicleId, v.plate,
       v.series, s.mileage_km as mileageKm, s.amount_fen as amountFen, s.advisor, s.notes,
       s.repair_system as repairSystem, s.out_date as outDate
     from service_visits s join vehicles v on v.id = s.vehicle_id where s.id = ?`,
  ).get(id) as Omit<VisitTimelineItem, 'source' | 'at'>;
  return { source: 'visit', at: visitSortKey(row.date), ...row };
}
