import { normalizeMobile } from '../../common/mobile';
import { toHalfWidth } from '../../common/normalize-text';
import { normalizePlate, plateProvinces } from '../../common/plate';

/**
 * What one typed query can be. Each field present is one kind of lookup to run; a query is usually more than
 * one kind (`123456` is a VIN tail and nothing else, `L12345` a plate without its province and a VIN tail).
 */
export interface SearchPlan {
  /** 11-digit mainland mobile, normalised. */
  mobile?: string;
  /** Exactly four digits: the last four of a mobile. */
  mobileTail?: string;
  /** A whole plate, normalised (`粤L12345`). */
  plate?: string;
  /** The start of a plate being typed (province, city letter and at least two more). */
  platePrefix?: string;
  /** A plate typed without its province: every province's version of it. */
  plateAnyProvince?: string[];
  /**
   * What is on the car's tail, without province and city letter ("A513", "0A513"), reversed, so it is a prefix
   * of the plate read from its end (the `plateReversedSql` index).
   */
  plateTailReversed?: string;
  /** A whole VIN, upper case. */
  vin?: string;
  /** The end of a VIN, reversed, so it is a prefix of `vehicles.vin_reversed`. */
  vinTailReversed?: string;
  /**
   * Text to look for in names, as typed and lower-cased for the gram index. Any query but a plate: names hold
   * latin letters and digits too (company names, or a phone number typed as the name when it was unknown).
   */
  name?: { text: string; lower: string };
  /** Latin letters only, lower case, spaces removed: a prefix of full pinyin or of the initials. */
  pinyin?: string;
}

const plateSerial = /^[A-HJ-NP-Z][A-HJ-NP-Z0-9]*$/;
// VINs never contain I, O or Q; a tail worth looking up has at least one digit (serials are mostly digits).
const vinChars = /^[A-HJ-NPR-Z0-9]+$/;
const plateChars = /^[A-HJ-NP-Z0-9]+$/;
// Staff type a space between surname and given name ("陈 飞昊") that stored names never hold.
const spaceBetweenHan = /(\p{Script=Han})\s+(?=\p{Script=Han})/gu;

export function classifyQuery(raw: string): SearchPlan {
  const text = toHalfWidth(raw).trim().replace(/\s+/g, ' ');
  const plan: SearchPlan = {};
  if (!text) return plan;

  const mobile = normalizeMobile(text);
  if (/^1[3-9]\d{9}$/.test(mobile)) plan.mobile = mobile;
  if (/^\d{4}$/.test(mobile)) plan.mobileTail = mobile;

  const compact = text.replace(/[\s\-_·.]/g, '').toUpperCase();
  if (compact.length === 17 && vinChars.test(compact)) plan.vin = compact;
  else if (compact.length >= 6 && compact.length <= 16 && vinChars.test(compact) && /\d/.test(compact)) {
    plan.vinTailReversed = [...compact].reverse().join('');
  }

  const plate = normalizePlate(text);
  const looksLikePlate =
    plateProvinces.includes(plate.charAt(0)) && plate.length >= 2 && plateSerial.test(plate.slice(1));
  if (looksLikePlate) {
    if (plate.length >= 7) plan.plate = plate;
    if (plate.length >= 4 && plate.length < 8) plan.platePrefix = plate;
  } else if (plate.length >= 6 && plate.length <= 7 && plateSerial.test(plate) && /\d/.test(plate)) {
    plan.plateAnyProvince = [...plateProvinces].map((p) => p + plate);
  }
  // A tail has a digit (serials are mostly digits) and is shorter than a whole plate.
  if (
    !looksLikePlate &&
    plate.length >= 3 &&
    plate.length <= 7 &&
    plateChars.test(plate) &&
    /\d/.test(plate)
  ) {
    plan.plateTailReversed = [...plate].reverse().join('');
  }

  // A plate is never a name, even though it starts with a Chinese character.
  const name = text.replace(spaceBetweenHan, '$1');
  if (!looksLikePlate) plan.name = { text: name, lower: name.toLowerCase() };
  if (/^[a-z ]+$/i.test(text)) plan.pinyin = text.replace(/ /g, '').toLowerCase();
  return plan;
}
