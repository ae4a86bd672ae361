import type { ChannelParsedInput } from '../../contract';
import { formatPlate } from '../../common/plate';
import { AppError } from '../../contract/errors';
import type { VehicleDetail } from '../../contract/vehicles';
import { recordVehicleTransfer } from '../audit/vehicle-audit';
import { regenerateCallbacksForCustomer } from '../callbacks/regenerate-for-customer';
import { localDate, storeDateTimeLabel } from '../clock';
import type { ServiceContext } from '../context';
import { refreshDerived } from '../customers/customer-derived';
import { requireCustomer } from '../customers/customer-exists';
import { prepared } from '../customers/sql-cache';
import { readVehicle } from './vehicle-read';

const fieldError = (field: string, message: string) =>
  new AppError('validation', message, { fields: { [field]: message } });

/**
 * The car changes hands: the current ownership period closes on `date` and the new owner's opens on it.
 * Visits, mileage and earlier owners stay with the vehicle (visits keep the customer who paid for them).
 * Consent belongs to people, not cars: nothing of the seller's consent moves to the buyer.
 */
export function transferVehicle(
  ctx: ServiceContext,
  input: ChannelParsedInput<'vehicles.transfer'>,
): VehicleDetail {
  const sqlite = ctx.db.$client;
  const now = ctx.clock().toISOString();
  const today = localDate(ctx.clock());
  if (input.date > today) throw fieldError('date', '过户日期不能晚于今天');
  ctx.db.transaction(() => {
    const vehicle = readVehicle(sqlite, input.id, today);
    if (vehicle.version !== input.version) {
      throw new AppError(
        'conflict',
        `该车辆资料在您操作期间有更新（${storeDateTimeLabel(new Date(vehicle.updatedAt))}），请查看最新内容后再操作`,
        {
          current: vehicle,
        },
      );
    }
    requireCustomer(sqlite, input.toCustomerId, '新车主');
    if (vehicle.ownerId === input.toCustomerId) throw fieldError('toCustomerId', '新车主与当前车主相同');
    const open = prepared(
      sqlite,
      `select id, customer_id as customerId, from_date as fromDate from vehicle_ownerships
       where vehicle_id = ? and to_date is null order by from_date desc, id desc limit 1`,
    ).get(input.id) as { id: number; customerId: number; fromDate: string } | undefined;
    if (open && input.date < open.fromDate) {
      throw fieldError('date', `过户日期不能早于当前车主的接手日期 ${open.fromDate}`);
    }
    if (open) {
      prepared(
        sqlite,
        'update vehicle_ownerships set to_date = ? where vehicle_id = ? and to_date is null',
      ).run(input.date, input.id);
    } else if (vehicle.ownerId) {
      // A vehicle entered without its ownership period: record the seller's period as best known.
      prepared(
        sqlite,
        'insert into vehicle_ownerships (vehicle_id, customer_id, from_date, to_date) values (?, ?, ?, ?)',
      ).run(
        input.id,
        vehicle.ownerId,
        vehicle.deliveryDate && vehicle.deliveryDate <= input.date ? vehicle.deliveryDate : input.date,
        input.date,
      );
    }
    prepared(
      sqlite,
      'insert into vehicle_ownerships (vehicle_id, customer_id, from_date) values (?, ?, ?)',
    ).run(input.id, input.toCustomerId, input.date);
    prepared(
      sqlite,
      'update vehicles set owner_id = ?, updated_at = ?, version = version + 1 where id = ? and version = ?',
    ).run(input.toCustomerId, now, input.id, input.version);
    const car = vehicle.plate
      ? `${formatPlate(vehicle.plate)}（${vehicle.series}）`
      : `${vehicle.series} VIN ${vehicle.vin}`;
    const note = prepared(
      sqlite,
      `insert into interactions (customer_id, kind, occurred_at, summary, user_id, ref_type, ref_id, created_at)
       values (?, 'note', ?, ?, ?, 'vehicle_transfer', ?, ?)`,
    );
    if (vehicle.ownerId)
      note.run(
        vehicle.ownerId,
        now,
        `车辆过户转出：${car}，过户日期 ${input.date}`,
        ctx.user?.id ?? null,
        input.id,
        now,
      );
    note.run(
      input.toCustomerId,
      now,
      `车辆过户转入：${car}，过户日期 ${input.date}`,
      ctx.user?.id ?? null,
      input.id,
      now,
    );
    for (const customerId of [vehicle.ownerId, input.toCustomerId]) {
      if (customerId === null) continue;
      refreshDerived(ctx, customerId);
      regenerateCallbacksForCustomer(ctx, customerId);
    }
    recordVehicleTransfer(ctx, input.id, vehicle.ownerId, input.toCustomerId, input.date);
  });
  return readVehicle(sqlite, input.id, today);
}
