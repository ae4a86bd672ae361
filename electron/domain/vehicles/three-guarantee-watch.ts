import type Database from 'better-sqlite3';
import type { ThreeGuaranteeSettings, ThreeGuaranteeWatch } from '../../contract/three-guarantee';
import {
  repairFactVisitTypes,
  repairSystemLabels,
  threeGuaranteeLines,
} from '../../contract/three-guarantee';
import { AppError } from '../../contract/errors';
import { defaultWarrantyTerms } from '../customers/customer-rules/warranty-state';
import { addMonths } from '../customers/customer-rules/rule-dates';
import { prepared } from '../customers/sql-cache';
import type { RepairFact } from './three-guarantee-rules';
import { threeGuaranteeWatchOf } from './three-guarantee-rules';
import { loadThreeGuaranteeSettings } from './three-guarantee-settings';

/**
 * The 三包 watch of one vehicle, read from its quality repairs. Two small indexed reads, both on
 * service_visits_vehicle_idx (vehicle_id, visit_date, id, type, mileage_km): the repairs from delivery to the
 * end of the longer of the 三包 period and the warranty (type is checked in the index, so only repair and
 * recall rows are fetched), and, only when the latest reading is past the km limit, the first day a visit
 * recorded that (index only). test/api/three-guarantee.test.ts checks both plans.
 */
export const threeGuaranteeSql = {
  repairs: `select id as visitId, type, visit_date as inDate, out_date as outDate, mileage_km as mileageKm,
      repair_system as system, main_part_replaced as mainPartReplaced, main_part as mainPart,
      serious_safety as seriousSafety, fault_text as faultText
    from service_visits
    where vehicle_id = ? and visit_date >= ? and visit_date < ?
      and type in (${repairFactVisitTypes.map((t) => `'${t}'`).join(', ')}) and repair_system is not null
    order by visit_date, id`,
  kmPassedOn: `select min(visit_date) from service_visits where vehicle_id = ? and mileage_km > ?`,
};

/** What the watch needs of the vehicle row: every reader of vehicles has these columns at hand. */
export interface WatchVehicle {
  id: number;
  deliveryDate: string | null;
  mileageKm: number | null;
  mileageAt: string | null;
}

type RepairRow = Omit<RepairFact, 'mainPartReplaced' | 'seriousSafety'> & {
  mainPartReplaced: number;
  seriousSafety: number;
};

export function watchForVehicle(
  sqlite: Database.Database,
  v: WatchVehicle,
  today: string,
  settings: ThreeGuaranteeSettings = loadThreeGuaranteeSettings(sqlite),
): ThreeGuaranteeWatch {
  let repairs: RepairFact[] = [];
  let kmPassedOn: string | null = null;
  if (v.deliveryDate && v.deliveryDate <= today) {
    const years = Math.max(settings.periodYears, defaultWarrantyTerms.warrantyYears);
    const rows = prepared(sqlite, threeGuaranteeSql.repairs).all(
      v.id,
      v.deliveryDate,
      addMonths(v.deliveryDate, years * 12),
    ) as RepairRow[];
    repairs = rows.map((r) => ({
      ...r,
      mainPartReplaced: r.mainPartReplaced === 1,
      seriousSafety: r.seriousSafety === 1,
    }));
    if (v.mileageKm !== null && v.mileageKm > settings.periodKm) {
      kmPassedOn = prepared(sqlite, threeGuaranteeSql.kmPassedOn).pluck().get(v.id, settings.periodKm) as
        string | null;
      if (v.mileageAt && (kmPassedOn === null || v.mileageAt < kmPassedOn)) kmPassedOn = v.mileageAt;
    }
  }
  return threeGuaranteeWatchOf({
    today,
    deliveryDate: v.deliveryDate,
    latestKm: v.mileageKm,
    latestKmAt: v.mileageAt,
    kmPassedOn,
    repairs,
    settings,
    warranty: defaultWarrantyTerms,
  });
}

/**
 * For other screens that concern one car (a complaint ticket): the watch of vehicle `vehicleId` as of the
 * store's date `today`, or null when the vehicle is gone. Show it with renderer/src/pages/customer-card/
 * three-guarantee-chip.tsx, or in text with threeGuaranteeNotice().
 */
export function threeGuaranteeForVehicle(
  sqlite: Database.Database,
  vehicleId: number,
  today: string,
): ThreeGuaranteeWatch | null {
  const v = prepared(
    sqlite,
    `select id, delivery_date as deliveryDate, mileage_km as mileageKm, mileage_at as mileageAt
     from vehicles where id = ?`,
  ).get(vehicleId) as WatchVehicle | undefined;
  return v ? watchForVehicle(sqlite, v, today) : null;
}

/** The same, refusing an unknown vehicle (for a channel input). */
export function requireThreeGuarantee(
  sqlite: Database.Database,
  vehicleId: number,
  today: string,
): ThreeGuaranteeWatch {
  const w = threeGuaranteeForVehicle(sqlite, vehicleId, today);
  if (!w) throw new AppError('not_found', '该车辆不存在');
  return w;
}

const lineText: Record<keyof typeof threeGuaranteeLines, (count: number, group: string | null) => string> = {
  repairDays: (n) => `累计修理 ${n} 天`,
  sameProblem: (n, g) => `${g ?? ''}同一问题修理 ${n} 次`,
  samePart: (n, g) => `${g ?? ''}更换 ${n} 次`,
  safety: (n) => `严重安全性能故障修理 ${n} 次`,
};

/**
 * One line of Chinese for a ticket, a list or an export, or null when there is nothing to say: "三包预警：累计修理
 * 22 天（提醒线 20 天，法定线超过 30 日）…", plus the loan-car reminder.
 */
export function threeGuaranteeNotice(w: ThreeGuaranteeWatch): string | null {
  const parts: string[] = [];
  if (w.level !== 'none') {
    const hits = w.lines
      .filter((l) => l.level !== 'none')
      .map((l) => `${lineText[l.line](l.count, l.group)}（${threeGuaranteeLines[l.line].legal}）`);
    parts.push(
      `${w.level === 'alert' ? '三包警示：已达法定线' : '三包预警：接近法定线'}，${hits.join('；')}`,
    );
  }
  if (w.loanCar) {
    const repair = w.repairs.find((r) => r.visitId === w.loanCar!.visitId);
    const what = repair ? repairSystemLabels[repair.system] : '';
    parts.push(
      w.loanCar.outDate === null
        ? `${what}维修在修第 ${w.loanCar.days} 天：自 ${w.loanCar.dueFrom} 起应提供备用车或交通费用补偿（第二十一条）`
        : `${what}维修用时 ${w.loanCar.days} 天，超过 5 日：请确认已提供备用车或交通费用补偿（第二十一条）`,
    );
  }
  return parts.length ? parts.join('。') : null;
}
