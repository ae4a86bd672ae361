import type Database from 'better-sqlite3';
import type { ChannelParsedInput } from '../../contract';
import { AppError } from '../../contract/errors';
import type { VehicleDetail, VinTakenDetails } from '../../contract/vehicles';
import { vehicleFields } from '../../contract/vehicles';
import { mergeOrRefuse } from '../locking/field-merge';
import { lastSaveOf } from '../locking/last-save';
import { maskPersonName } from '../../common/mask-name';
import { maskMobile } from '../../common/mobile';
import { formatPlate } from '../../common/plate';
import { recordVehicleChange, vehicleSnapshot } from '../audit/vehicle-audit';
import { regenerateCallbacksForCustomer } from '../callbacks/regenerate-for-customer';
import { localDate, storeDateTimeLabel } from '../clock';
import type { ServiceContext } from '../context';
import { refreshDerived } from '../customers/customer-derived';
import { requireCustomer } from '../customers/customer-exists';
import { prepared } from '../customers/sql-cache';
import { readVehicle } from './vehicle-read';
import { postDelivery } from '../loyalty/deliveries';
import { postingStamp } from '../loyalty/earnings';

type Fields = ChannelParsedInput<'vehicles.create'>['fields'];

const fieldError = (field: string, message: string) =>
  new AppError('validation', message, { fields: { [field]: message } });

/**
 * A VIN is one car: a second card for it would split its history. Say whose card has it (masked) so staff can
 * open that card, or transfer the car to the customer at hand if it changed hands.
 */
function checkVinFree(sqlite: Database.Database, vin: string, selfId?: number): void {
  const other = prepared(
    sqlite,
    `select v.id, v.version, v.plate, v.series, v.owner_id as ownerId, c.name as ownerName,
       c.mobile as ownerMobile, c.is_company as ownerIsCompany
     from vehicles v left join customers c on c.id = v.owner_id where v.vin = ?`,
  ).get(vin) as
    | {
        id: number;
        version: number;
        plate: string | null;
        series: string;
        ownerId: number | null;
        ownerName: string | null;
        ownerMobile: string | null;
        ownerIsCompany: number | null;
      }
    | undefined;
  if (!other || other.id === selfId) return;
  const owner =
    other.ownerId !== null && other.ownerName !== null
      ? {
          id: other.ownerId,
          maskedName: maskPersonName(other.ownerName, other.ownerIsCompany === 1),
          maskedMobile: other.ownerMobile ? maskMobile(other.ownerMobile) : null,
        }
      : null;
  const car = [other.plate ? formatPlate(other.plate) : null, other.series].filter(Boolean).join(' ');
  const where = owner
    ? `客户 ${owner.maskedName}${owner.maskedMobile ? `（${owner.maskedMobile}）` : ''}名下`
    : '系统中';
  const field = `该车架号已登记在${where}（${car}）`;
  const details: VinTakenDetails = {
    reason: 'vin_taken',
    vehicleId: other.id,
    vehicleVersion: other.version,
    plate: other.plate,
    series: other.series,
    owner,
    fields: { vin: field },
  };
  throw new AppError('conflict', `${field}，请勿重复建档；如车辆已转手，可办理过户`, details);
}

function columnValues(f: Fields) {
  return [
    f.vin,
    [...f.vin].reverse().join(''),
    f.plate ?? null,
    f.brand,
    f.series,
    f.model ?? null,
    f.color ?? null,
    f.energy,
    f.deliveryDate ?? null,
    f.priceFen ?? null,
    f.insuranceExpiry ?? null,
    f.finance ?? null,
  ];
}

export function createVehicle(
  ctx: ServiceContext,
  input: ChannelParsedInput<'vehicles.create'>,
): VehicleDetail {
  const sqlite = ctx.db.$client;
  const now = ctx.clock().toISOString();
  const today = localDate(ctx.clock());
  const f = input.fields;
  const acquiredOn = input.acquiredOn ?? f.deliveryDate ?? today;
  if (f.deliveryDate && acquiredOn < f.deliveryDate)
    throw fieldError('acquiredOn', '接手日期不能早于交车日期');
  if (acquiredOn > today) throw fieldError('acquiredOn', '接手日期不能晚于今天');
  const id = ctx.db.transaction(() => {
    requireCustomer(sqlite, input.customerId);
    checkVinFree(sqlite, f.vin);
    const vehicleId = Number(
      prepared(
        sqlite,
        `insert into vehicles (vin, vin_reversed, plate, brand, series, model, color, energy, delivery_date, price_fen,
           insurance_expiry, finance, mileage_km, mileage_at, owner_id, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        ...columnValues(f),
        f.mileageKm ?? null,
        f.mileageKm == null ? null : today,
        input.customerId,
        now,
        now,
      ).lastInsertRowid,
    );
    prepared(
      sqlite,
      'insert into vehicle_ownerships (vehicle_id, customer_id, from_date) values (?, ?, ?)',
    ).run(vehicleId, input.customerId, acquiredOn);
    postDelivery(sqlite, vehicleId, postingStamp(ctx));
    refreshDerived(ctx, input.customerId);
    regenerateCallbacksForCustomer(ctx, input.customerId);
    recordVehicleChange(ctx, 'vehicle.created', vehicleId, {}, { acquiredOn });
    return vehicleId;
  });
  return readVehicle(sqlite, id, today);
}

const vehicleFieldNames = Object.keys(vehicleFields.shape) as (keyof typeof vehicleFields.shape)[];

/** Optimistic concurrency as for the card: a stale copy is refused with the current vehicle in the details. */
export function updateVehicle(
  ctx: ServiceContext,
  input: ChannelParsedInput<'vehicles.update'>,
): VehicleDetail {
  const sqlite = ctx.db.$client;
  const now = ctx.clock().toISOString();
  const today = localDate(ctx.clock());
  ctx.db.transaction(() => {
    const before = readVehicle(sqlite, input.id, today);
    // A stale copy merges field by field (electron/domain/locking/field-merge.ts); a field both changed is refused.
    const f = mergeOrRefuse(
      {
        version: input.version,
        currentVersion: before.version,
        mine: input.fields,
        base: input.base,
        theirs: before,
        fields: vehicleFieldNames,
      },
      {
        message: `该车辆资料在您编辑期间有更新（${storeDateTimeLabel(new Date(before.updatedAt))}），请查看最新内容后再保存`,
        current: before,
        extra: () => lastSaveOf(sqlite, 'vehicle', input.id),
      },
    );
    checkVinFree(sqlite, f.vin, input.id);
    const stored = vehicleSnapshot(ctx, input.id);
    // A typed mileage is a correction of the latest reading; it may not contradict a service record.
    let mileageKm = before.mileageKm;
    let mileageAt = before.mileageAt;
    if (f.mileageKm != null && f.mileageKm !== before.mileageKm) {
      const top = prepared(
        sqlite,
        'select visit_date as date, mileage_km as km from service_visits where vehicle_id = ? order by mileage_km desc limit 1',
      ).get(input.id) as { date: string; km: number } | undefined;
      if (top && f.mileageKm < top.km) {
        throw fieldError('mileageKm', `里程不能低于 ${top.date} 进站时记录的 ${top.km} km`);
      }
      mileageKm = f.mileageKm;
      mileageAt = today;
    }
    const result = prepared(
      sqlite,
      `update vehicles set vin = ?, vin_reversed = ?, plate = ?, brand = ?, series = ?, model = ?, color = ?, energy = ?,
         delivery_date = ?, price_fen = ?, insurance_expiry = ?, finance = ?, mileage_km = ?, mileage_at = ?,
         updated_at = ?, version = version + 1
       where id = ? and version = ?`,
    ).run(...columnValues(f), mileageKm, mileageAt, now, input.id, before.version);
    if (result.changes === 0) throw new AppError('conflict', '该车辆资料在您编辑期间有更新，请刷新后再保存');
    // The first owner's period starts at delivery: a corrected delivery date moves it along.
    if (f.deliveryDate && before.deliveryDate && f.deliveryDate !== before.deliveryDate) {
      prepared(
        sqlite,
        `update vehicle_ownerships set from_date = ? where vehicle_id = ? and from_date = ?
           and id = (select min(id) from vehicle_ownerships where vehicle_id = ?)`,
      ).run(f.deliveryDate, input.id, before.deliveryDate, input.id);
    }
    if ((f.deliveryDate ?? null) !== before.deliveryDate) postDelivery(sqlite, input.id, postingStamp(ctx));
    if (before.ownerId) {
      refreshDerived(ctx, before.ownerId);
      regenerateCallbacksForCustomer(ctx, before.ownerId);
    }
    recordVehicleChange(ctx, 'vehicle.updated', input.id, stored);
  });
  return readVehicle(sqlite, input.id, today);
}
