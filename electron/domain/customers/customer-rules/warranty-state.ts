import type { WarrantyState } from '../../../contract/vehicles';
import type { Explained } from './facts';
import { addMonths, km } from './rule-dates';

/**
 * The maker's terms. Defaults follow DOMAIN.md: first service (首保) at 3,000 km or 3 months after delivery,
 * whichever comes first; the usual passenger-car warranty of 3 years or 100,000 km. A brand with other terms
 * passes its own.
 */
export interface WarrantyTerms {
  firstServiceMonths: number;
  firstServiceKm: number;
  warrantyYears: number;
  warrantyKm: number;
}

export const defaultWarrantyTerms: WarrantyTerms = {
  firstServiceMonths: 3,
  firstServiceKm: 3000,
  warrantyYears: 3,
  warrantyKm: 100_000,
};

export const warrantyStateNames: Record<WarrantyState, string> = {
  first_service: '首保',
  in_warranty: '在保',
  expired: '出保',
  unknown: '未知',
};

export interface WarrantyFacts {
  today: string;
  deliveryDate: string | null;
  /** Latest known odometer reading. */
  mileageKm: number | null;
  /** Whether a first-maintenance visit is on file for the vehicle. */
  firstMaintenanceDone: boolean;
}

/**
 * 首保: delivered, no first maintenance yet, and still inside both first-service limits; 在保: inside both
 * warranty limits; 出保: past either. Without a delivery date nothing can be said.
 */
export function warrantyState(
  f: WarrantyFacts,
  terms: WarrantyTerms = defaultWarrantyTerms,
): Explained<WarrantyState> & { endsOn: string | null } {
  if (!f.deliveryDate) return { value: 'unknown', reason: '缺少交车日期，无法判断保修状态', endsOn: null };
  if (f.deliveryDate > f.today)
    return { value: 'unknown', reason: `交车日期 ${f.deliveryDate} 尚未到`, endsOn: null };
  const mileage = f.mileageKm ?? 0;
  const mileageText = f.mileageKm === null ? '暂无里程记录' : `当前 ${km(f.mileageKm)}`;
  const warrantyEnds = addMonths(f.deliveryDate, terms.warrantyYears * 12);
  const firstEnds = addMonths(f.deliveryDate, terms.firstServiceMonths);
  if (!f.firstMaintenanceDone && f.today < firstEnds && mileage < terms.firstServiceKm) {
    return {
      value: 'first_service',
      reason: `交车于 ${f.deliveryDate}，尚未首保；首保期至 ${firstEnds} 或 ${km(terms.firstServiceKm)}（${mileageText}）`,
      endsOn: firstEnds,
    };
  }
  const termsText = `质保 ${terms.warrantyYears} 年或 ${km(terms.warrantyKm)}`;
  if (f.today >= warrantyEnds) {
    return {
      value: 'expired',
      reason: `${termsText}，已于 ${warrantyEnds} 到期（${mileageText}）`,
      endsOn: warrantyEnds,
    };
  }
  if (mileage >= terms.warrantyKm) {
    return { value: 'expired', reason: `${termsText}，里程已超过（${mileageText}）`, endsOn: warrantyEnds };
  }
  const missed = f.firstMaintenanceDone ? '' : '；首保期已过，未见首保记录';
  return {
    value: 'in_warranty',
    reason: `${termsText}，至 ${warrantyEnds}（${mileageText}）${missed}`,
    endsOn: warrantyEnds,
  };
}
