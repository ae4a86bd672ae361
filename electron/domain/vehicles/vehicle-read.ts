import type Database from 'better-sqlite3';
import { AppError } from '../../contract/errors';
import type { VehicleDetail } from '../../contract/vehicles';
import { warrantyState } from '../customers/customer-rules';
import { prepared } from '../customers/sql-cache';
import { loadThreeGuaranteeSettings } from './three-guarantee-settings';
import { watchForVehicle } from './three-guarantee-watch';

const columns = `v.id, v.vin, v.plate, v.brand, v.series, v.model, v.color, v.energy, v.delivery_date as deliveryDate,
    v.price_fen as priceFen, v.mileage_km as mileageKm, v.mileage_at as mileageAt, v.insurance_expiry as insuranceExpiry,
    v.finance, v.owner_id as ownerId, c.name as ownerName,
    (select o.from_date from vehicle_ownerships o where o.vehicle_id = v.id and o.customer_id = v.owner_id
       and o.to_date is null order by o.from_date desc limit 1) as acquiredOn,
    (select count(distinct o.customer_id) from vehicle_ownerships o where o.vehicle_id = v.id and o.to_date is not null
       and o.customer_id is not v.owner_id) as previousOwners,
    exists (select 1 from service_visits s where s.vehicle_id = v.id and s.type = 'first_maintenance') as firstDone,
    v.created_at as createdAt, v.updated_at as updatedAt, v.version
  from vehicles v left join customers c on c.id = v.owner_id`;

/** Exported so the benchmark runs the same SQL raw. */
export const vehicleSql = {
  byId: `select ${columns} where v.id = ?`,
  byOwner: `select ${columns} where v.owner_id = ? order by v.delivery_date desc, v.id desc`,
};

type VehicleRow = Omit<VehicleDetail, 'warranty' | 'threeGuarantee'> & { firstDone: number };
type Settings = ReturnType<typeof loadThreeGuaranteeSettings>;

function toDetail(
  sqlite: Database.Database,
  row: VehicleRow,
  today: string,
  settings: Settings,
): VehicleDetail {
  const { firstDone, ...rest } = row;
  const w = warrantyState({
    today,
    deliveryDate: row.deliveryDate,
    mileageKm: row.mileageKm,
    firstMaintenanceDone: firstDone === 1,
  });
  return {
    ...rest,
    warranty: { state: w.value, reason: w.reason, endsOn: w.endsOn },
    threeGuarantee: watchForVehicle(sqlite, row, today, settings),
  };
}

export function readVehicle(sqlite: Database.Database, id: number, today: string): VehicleDetail {
  const row = prepared(sqlite, vehicleSql.byId).get(id) as VehicleRow | undefined;
  if (!row) throw new AppError('not_found', '该车辆不存在');
  return toDetail(sqlite, row, today, loadThreeGuaranteeSettings(sqlite));
}

/** The vehicles a customer owns now, newest delivery first. */
export function readOwnedVehicles(
  sqlite: Database.Database,
  customerId: number,
  today: string,
): VehicleDetail[] {
  const settings = loadThreeGuaranteeSettings(sqlite);
  return (prepared(sqlite, vehicleSql.byOwner).all(customerId) as VehicleRow[]).map((r) =>
    toDetail(sqlite, r, today, settings),
  );
}
