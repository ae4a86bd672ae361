import { toHalfWidth } from './normalize-text';

export type PlateKind = 'regular' | 'new_energy' | 'special';
export type PlateCheck = { ok: true; kind: PlateKind } | { ok: false; reason: string };

/** The 31 mainland provinces' one-character abbreviations, as printed first on a plate. */
export const plateProvinces = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';

// Plates never use I or O: they read as 1 and 0.
const cityLetter = '[A-HJ-NP-Z]';
const alnum = '[A-HJ-NP-Z0-9]';
const regular = new RegExp(`^${cityLetter}${alnum}{5}$`);
// Small new-energy plates put D (battery) or F (other new energy) first; large ones put it last.
const newEnergySmall = new RegExp(`^${cityLetter}[DF]${alnum}\\d{4}$`);
const newEnergyLarge = new RegExp(`^${cityLetter}\\d{5}[DF]$`);
// Learner, police and trailer plates end in a character instead of a fifth serial character.
const special = new RegExp(`^${cityLetter}${alnum}{4}[学警挂]$`);

/** Removes the separators people type between the city letter and the serial (·, •, ・, -, ., spaces…). */
export function normalizePlate(raw: string): string {
  return toHalfWidth(raw)
    .toUpperCase()
    .replace(/[\s\u00b7\u2022\u2027\u2219\u22c5\u30fb\uff65\u318d\u0387.\-_]/g, '');
}

export function provinceOfPlate(plate: string): string | null {
  const first = normalizePlate(plate).charAt(0);
  return first && plateProvinces.includes(first) ? first : null;
}

/** Checks the normalised form of `plate`; store `normalizePlate(raw)`. */
export function validatePlate(plate: string): PlateCheck {
  const v = normalizePlate(plate);
  if (v.length < 7 || v.length > 8) return { ok: false, reason: '长度不正确，应为7位（新能源车8位）' };
  if (!provinceOfPlate(v)) return { ok: false, reason: '第一位应为省份简称，如 粤' };
  const rest = v.slice(1);
  if (/[IO]/.test(rest)) return { ok: false, reason: '不能包含字母 I、O' };
  if (v.length === 8) {
    if (newEnergySmall.test(rest) || newEnergyLarge.test(rest)) return { ok: true, kind: 'new_energy' };
    return { ok: false, reason: '新能源车牌格式不正确，如 粤BD12345 或 粤B12345D' };
  }
  if (regular.test(rest)) return { ok: true, kind: 'regular' };
  if (special.test(rest)) return { ok: true, kind: 'special' };
  return { ok: false, reason: '格式不正确，如 粤L12345' };
}

export function isValidPlate(plate: string): boolean {
  return validatePlate(plate).ok;
}

/** Display form `粤L·12345`; anything that does not look like a plate is shown as typed (normalised). */
export function formatPlate(plate: string): string {
  const v = normalizePlate(plate);
  if (v.length < 3 || !provinceOfPlate(v)) return v;
  return `${v.slice(0, 2)}·${v.slice(2)}`;
}
