import type Database from 'better-sqlite3';
import { formatPlate } from '../../common/plate';
import type { ImportRowResult } from '../../contract/imports';
import { repairFactIssues } from '../../contract/three-guarantee';
import { visitTypeLabels } from '../../contract/vehicles';
import type { RepairColumns } from '../vehicles/repair-facts';
import { repairColumns } from '../vehicles/repair-facts';
import type { RoRecord } from './ro-record';
import { roNotes } from './ro-record';
import { roYuan } from './ro-yuan';

export interface RoVehicle {
  id: number;
  vin: string;
  plate: string | null;
  owner_id: number | null;
  delivery_date: string | null;
  mileage_km: number | null;
  mileage_at: string | null;
}

export interface RoLookup {
  vehicleByVin(vin: string): RoVehicle | undefined;
  /** At most two: one is a match, two cannot be told apart. */
  vehiclesByPlate(plate: string): RoVehicle[];
  /** Whoever held the car on that day (ownership history), if recorded. */
  holderOn(vehicleId: number, date: string): number | undefined;
  visitIdByRo(roNumber: string): number | undefined;
}

/** A visit the import writes. */
export interface RoVisit {
  vehicleId: number;
  customerId: number;
  visitDate: string;
  type: string;
  mileageKm: number;
  amountFen: number;
  advisor: string | null;
  notes: string | null;
  roNumber: string;
  repair: RepairColumns;
}

export interface PlannedRo {
  result: ImportRowResult;
  visit: RoVisit | null;
}

const vehicleCols = 'id, vin, plate, owner_id, delivery_date, mileage_km, mileage_at';

export function dbRoLookup(sqlite: Database.Database): RoLookup {
  const byVin = sqlite.prepare(`select ${vehicleCols} from vehicles where vin = ?`);
  const byPlate = sqlite.prepare(`select ${vehicleCols} from vehicles where plate = ? order by id limit 2`);
  const holder = sqlite.prepare(
    `select customer_id as customerId from vehicle_ownerships where vehicle_id = ? and from_date <= ?
       and (to_date is null or to_date > ?) order by from_date desc, id desc limit 1`,
  );
  const byRo = sqlite.prepare('select id from service_visits where ro_number = ?');
  return {
    vehicleByVin: (vin) => byVin.get(vin) as RoVehicle | undefined,
    vehiclesByPlate: (plate) => byPlate.all(plate) as RoVehicle[],
    holderOn: (id, date) => (holder.get(id, date, date) as { customerId: number } | undefined)?.customerId,
    visitIdByRo: (ro) => (byRo.get(ro) as { id: number } | undefined)?.id,
  };
}

const carName = (v: RoVehicle) => (v.plate ? `${formatPlate(v.plate)}（${v.vin}）` : v.vin);

/**
 * Decides row by row, in file order, which orders become visits. The car is found by VIN; by plate only when
 * the row has no VIN (with a warning, since plates move between cars). A row whose car is not on file is
 * reported, never attached to a guess. An order number already stored, or seen on an earlier row, is not
 * written again: importing the same export twice creates nothing.
 */
export function planRoImport(records: RoRecord[], lookup: RoLookup, today: string): PlannedRo[] {
  const seen = new Map<string, number>();
  return records.map((record) => {
    const v = record.values;
    const result: ImportRowResult = {
      rowNumber: record.rowNumber,
      action: 'skip',
      matchedCustomerId: null,
      sameAsRow: null,
      errors: [...record.errors],
      warnings: [...record.warnings],
      summary: '有错误，跳过',
    };
    const planned: PlannedRo = { result, visit: null };
    const ro = v.roNumber;
    if (ro) {
      const earlier = seen.get(ro);
      if (earlier !== undefined) {
        // Reported as an error naming the earlier row; sameAsRow stays empty (it means "merged into" there).
        result.errors.push(`工单号 ${ro} 与第 ${earlier} 行重复`);
        result.summary = '重复工单，跳过';
        return planned;
      }
      seen.set(ro, record.rowNumber);
    }
    if (result.errors.length) return planned;

    let vehicle: RoVehicle | undefined;
    if (v.vin) {
      vehicle = lookup.vehicleByVin(v.vin);
      if (!vehicle) {
        const byPlate = v.plate ? lookup.vehiclesByPlate(v.plate) : [];
        result.errors.push(
          byPlate.length === 1
            ? `系统中没有车架号为 ${v.vin} 的车辆（车牌 ${formatPlate(v.plate!)} 登记的车架号是 ${byPlate[0]!.vin}），请核对`
            : `系统中没有车架号为 ${v.vin} 的车辆，请先建立客户和车辆资料`,
        );
        return planned;
      }
      if (v.plate && vehicle.plate && v.plate !== vehicle.plate)
        result.warnings.push(
          `车牌号 ${formatPlate(v.plate)} 与系统中的 ${formatPlate(vehicle.plate)} 不同，以车架号为准`,
        );
    } else {
      const byPlate = lookup.vehiclesByPlate(v.plate!);
      if (byPlate.length !== 1) {
        result.errors.push(
          byPlate.length
            ? `没有车架号，且车牌号 ${formatPlate(v.plate!)} 登记在多辆车上，无法确定车辆`
            : `没有车架号，系统中也没有车牌号为 ${formatPlate(v.plate!)} 的车辆`,
        );
        return planned;
      }
      vehicle = byPlate[0]!;
      result.warnings.push(
        `没有车架号，按车牌号 ${formatPlate(v.plate!)} 匹配到车辆（${vehicle.vin}），请确认`,
      );
    }

    const stored = lookup.visitIdByRo(ro!);
    if (stored !== undefined) {
      result.warnings.push(`工单号 ${ro} 已导入过（进站记录 #${stored}），不再重复导入`);
      result.summary = '工单已存在，跳过';
      return planned;
    }
    const inDate = v.inDate!;
    if (vehicle.delivery_date && inDate < vehicle.delivery_date) {
      result.errors.push(`进厂日期 ${inDate} 早于该车的交车日期 ${vehicle.delivery_date}`);
      return planned;
    }
    const customerId = lookup.holderOn(vehicle.id, inDate) ?? vehicle.owner_id;
    if (customerId === null) {
      result.errors.push(`车辆 ${carName(vehicle)} 没有登记车主，无法登记进站`);
      return planned;
    }
    if (
      vehicle.mileage_km !== null &&
      vehicle.mileage_at &&
      vehicle.mileage_at < inDate &&
      v.mileageKm! < vehicle.mileage_km
    ) {
      result.warnings.push(
        `进厂里程 ${v.mileageKm} 公里低于 ${vehicle.mileage_at} 记录的 ${vehicle.mileage_km} 公里，请核对`,
      );
    }

    // 三包 repair facts where the file has them: a repair or recall naming the system concerned.
    const facts = v.repairSystem
      ? {
          repairSystem: v.repairSystem,
          outDate: v.outDate ?? null,
          faultText: v.faultText ?? v.repairItems ?? null,
        }
      : {};
    const issues = repairFactIssues(facts, v.type!, inDate);
    if (issues.length) {
      result.warnings.push(`${issues[0]!.message}，三包维修信息未导入`);
    }
    const repair = repairColumns(issues.length ? {} : facts, v.type!, inDate, today);

    planned.visit = {
      vehicleId: vehicle.id,
      customerId,
      visitDate: inDate,
      type: v.type!,
      mileageKm: v.mileageKm!,
      amountFen: v.totalFen ?? 0,
      advisor: v.advisor ?? null,
      notes: roNotes(v, repair.repairSystem !== null),
      roNumber: ro!,
      repair,
    };
    if (v.totalFen === undefined) result.warnings.push('未填写金额，按 ¥0.00 记录');
    result.action = 'create';
    result.matchedCustomerId = customerId;
    result.summary = `新增进站：${carName(vehicle)} ${inDate} ${visitTypeLabels[v.type!]} ${roYuan(v.totalFen ?? 0)}（工单 ${ro}）`;
    return planned;
  });
}
