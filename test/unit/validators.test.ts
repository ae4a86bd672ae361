import { describe, expect, it } from 'vitest';
import {
  idNumberBirthday,
  idNumberCheckChar,
  idNumberGender,
  isValidIdNumber,
  maskIdNumber,
  validateIdNumber,
} from '../../electron/common/id-number';
import { isValidMobile, normalizeMobile } from '../../electron/common/mobile';
import { formatPlate, normalizePlate, provinceOfPlate, validatePlate } from '../../electron/common/plate';
import { isValidVin, normalizeVin, validateVin, vinCheckDigit } from '../../electron/common/vin';

describe('VIN (GB 16735 / ISO 3779)', () => {
  it('accepts well-known valid VINs', () => {
    // The textbook ISO 3779 example, whose check digit is X.
    expect(validateVin('1M8GDM9AXKP042788')).toEqual({ ok: true });
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X');
    expect(isValidVin('1HGCM82633A004352')).toBe(true);
    expect(isValidVin('LSVAU218XN2183294')).toBe(true);
  });

  it('names the expected check digit when it is wrong', () => {
    expect(validateVin('LSVAU2180N2183294')).toEqual({ ok: false, reason: '校验位错误，应为 X' });
    expect(validateVin('1HGCM82643A004352')).toEqual({ ok: false, reason: '校验位错误，应为 3' });
  });

  it('rejects I, O and Q, wrong lengths and other characters', () => {
    expect(validateVin('1M8GDM9AXKP04278O')).toEqual({ ok: false, reason: '不能包含字母 I、O、Q' });
    expect(validateVin('IM8GDM9AXKP042788')).toEqual({ ok: false, reason: '不能包含字母 I、O、Q' });
    expect(validateVin('1M8GDM9AXKP04278Q')).toEqual({ ok: false, reason: '不能包含字母 I、O、Q' });
    expect(validateVin('1M8GDM9AXKP04278')).toEqual({ ok: false, reason: '长度应为17位' });
    expect(validateVin('1M8GDM9AXKP0427888')).toEqual({ ok: false, reason: '长度应为17位' });
    expect(validateVin('1M8GDM9AXKP04278*').ok).toBe(false);
  });

  it('normalises pasted and full-width input', () => {
    expect(normalizeVin(' 1m8gdm9axkp-042788 ')).toBe('1M8GDM9AXKP042788');
    expect(normalizeVin('１Ｍ８ＧＤＭ９ＡＸＫＰ０４２７８８')).toBe('1M8GDM9AXKP042788');
    expect(isValidVin('lsvau218xn 2183294')).toBe(true);
  });
});

describe('plates', () => {
  it('normalises messy input to one stored form', () => {
    expect(normalizePlate('粤l 12345')).toBe('粤L12345');
    expect(normalizePlate('粤L-12345')).toBe('粤L12345');
    expect(normalizePlate('粤Ｌ１２３４５')).toBe('粤L12345');
    expect(normalizePlate('粤B·D12345')).toBe('粤BD12345');
    expect(normalizePlate('粤L•12345')).toBe('粤L12345');
    expect(normalizePlate('粤L・12345')).toBe('粤L12345');
    expect(normalizePlate('粤L.12345')).toBe('粤L12345');
    expect(normalizePlate('粤L_12345')).toBe('粤L12345');
  });

  it('accepts regular, new-energy and special plates', () => {
    expect(validatePlate('粤L12345')).toEqual({ ok: true, kind: 'regular' });
    expect(validatePlate('粤LA3K59')).toEqual({ ok: true, kind: 'regular' });
    expect(validatePlate('京A·88888')).toEqual({ ok: true, kind: 'regular' });
    expect(validatePlate('粤BD12345')).toEqual({ ok: true, kind: 'new_energy' });
    expect(validatePlate('粤BFA1234')).toEqual({ ok: true, kind: 'new_energy' });
    expect(validatePlate('粤B12345D')).toEqual({ ok: true, kind: 'new_energy' });
    expect(validatePlate('粤L1234学')).toEqual({ ok: true, kind: 'special' });
    expect(validatePlate('粤L1234警')).toEqual({ ok: true, kind: 'special' });
    expect(validatePlate('粤L1234挂')).toEqual({ ok: true, kind: 'special' });
    expect(validatePlate('粤l 12345').ok).toBe(true);
  });

  it('rejects invalid plates with a reason', () => {
    expect(validatePlate('粤L1234')).toMatchObject({ ok: false });
    expect(validatePlate('粤L123456')).toMatchObject({ ok: false });
    expect(validatePlate('AL12345')).toEqual({ ok: false, reason: '第一位应为省份简称，如 粤' });
    expect(validatePlate('港L12345')).toMatchObject({ ok: false });
    expect(validatePlate('粤LI2345')).toEqual({ ok: false, reason: '不能包含字母 I、O' });
    expect(validatePlate('粤LO2345')).toEqual({ ok: false, reason: '不能包含字母 I、O' });
    expect(validatePlate('粤1L2345')).toMatchObject({ ok: false });
    // An 8-character plate without D/F in the new-energy positions.
    expect(validatePlate('粤BA12345')).toMatchObject({ ok: false });
    expect(validatePlate('')).toMatchObject({ ok: false });
  });

  it('formats for display and reads the province', () => {
    expect(formatPlate('粤L12345')).toBe('粤L·12345');
    expect(formatPlate('粤l-d12345')).toBe('粤L·D12345');
    expect(formatPlate('abc')).toBe('ABC');
    expect(provinceOfPlate('粤L12345')).toBe('粤');
    expect(provinceOfPlate('蒙A12345')).toBe('蒙');
    expect(provinceOfPlate('L12345')).toBeNull();
  });
});

/** The check character computed straight from GB 11643, independently of the code under test. */
function specCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  return '10X98765432'[sum % 11]!;
}

describe('resident ID numbers (GB 11643)', () => {
  const first17 = '44130219900101123';
  const valid = first17 + specCheckChar(first17);

  it('accepts the public sample and a number built from the spec', () => {
    expect(validateIdNumber('11010519491231002X')).toEqual({ ok: true });
    expect(idNumberCheckChar(first17)).toBe(specCheckChar(first17));
    expect(validateIdNumber(valid)).toEqual({ ok: true });
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
    expect(isValidIdNumber('１１０１０５１９４９１２３１００２Ｘ')).toBe(true);
  });

  it('rejects a wrong check character, impossible dates and bad shapes', () => {
    const wrong = first17 + (specCheckChar(first17) === '0' ? '1' : '0');
    expect(validateIdNumber(wrong)).toEqual({
      ok: false,
      reason: `校验位错误，应为 ${specCheckChar(first17)}`,
    });
    const feb30 = '44130219900230123';
    expect(validateIdNumber(feb30 + specCheckChar(feb30))).toEqual({ ok: false, reason: '出生日期不正确' });
    const nonLeap = '44130219000229123';
    expect(validateIdNumber(nonLeap + specCheckChar(nonLeap))).toEqual({
      ok: false,
      reason: '出生日期不正确',
    });
    const leap = '44130220000229123';
    expect(validateIdNumber(leap + specCheckChar(leap))).toEqual({ ok: true });
    expect(validateIdNumber('1101051949123100')).toEqual({ ok: false, reason: '长度应为18位' });
    expect(validateIdNumber('1101051949123100XX').ok).toBe(false);
    const badRegion = '00130219900101123';
    expect(validateIdNumber(badRegion + specCheckChar(badRegion))).toEqual({
      ok: false,
      reason: '地区码不正确',
    });
  });

  it('reads birthday and gender, and masks', () => {
    expect(idNumberBirthday('11010519491231002X')).toBe('1949-12-31');
    // 17th digit 2: even, a woman.
    expect(idNumberGender('11010519491231002X')).toBe('female');
    expect(idNumberGender(valid)).toBe('male');
    expect(idNumberBirthday('110105194912310021')).toBeNull();
    // The masks of electron/common/personal-mask.ts: region of issue and the last four, never the birthday.
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskIdNumber('110105194912310')).toBe('1101*******2310');
    expect(maskIdNumber('１１０１０５１９４９１２３１００２x')).toBe('1101**********002X');
  });
});

describe('mobile numbers', () => {
  it('normalises and validates mainland mobiles', () => {
    expect(normalizeMobile('+86 138-0013-8000')).toBe('13800138000');
    expect(normalizeMobile('１３９ ００１３ ８０００')).toBe('13900138000');
    expect(isValidMobile('18612345678')).toBe(true);
    expect(isValidMobile('12812345678')).toBe(false);
    expect(isValidMobile('1381234567')).toBe(false);
  });
});
