import { formatPlate } from '../../../../electron/common/plate';

const numberFormat = new Intl.NumberFormat('zh-CN');

export function formatKm(km: number | null | undefined): string {
  return km === null || km === undefined ? '—' : `${numberFormat.format(km)} km`;
}

export function formatCount(n: number): string {
  return numberFormat.format(n);
}

export function plateText(plate: string | null | undefined): string | null {
  return plate ? formatPlate(plate) : null;
}

/** Whole years from a YYYY-MM-DD birthday to the store's date; null when unknown. */
export function ageOn(birthday: string | null, today: string): number | null {
  if (!birthday) return null;
  const [by, bm, bd] = birthday.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  if (!by || !bm || !bd || !ty || !tm || !td) return null;
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
