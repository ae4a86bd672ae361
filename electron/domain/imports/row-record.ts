import {
  idNumberBirthday,
  idNumberGender,
  normalizeIdNumber,
  validateIdNumber,
} from '../../common/id-number';
import { isValidMobile, maskMobile, normalizeMobile } from '../../common/mobile';
import { hasVisibleNameChar, normalizePersonName } from '../../common/normalize-text';
import { normalizePlate, validatePlate } from '../../common/plate';
import { normalizeVin, validateVin } from '../../common/vin';
import type { sourceChannels } from '../../contract/customers';
import type { ImportField } from '../../contract/imports';
import { cellCode, cellText, halfWidthAlnum } from './cell-text';
import type { ColumnBinding } from './header-row';
import type { CellValue, SheetRow } from './sheet-grid';
import { isBlankCell } from './sheet-grid';
import { parseDate, parseGender, parseMileage, parsePriceFen, parseSourceChannel } from './value-parsers';

export interface CustomerValues {
  name?: string;
  gender?: 'male' | 'female';
  birthday?: string;
  mobile?: string;
  mobile2?: string;
  wechat?: string;
  address?: string;
  district?: string;
  idNumber?: string;
  occupation?: string;
  industry?: string;
  employer?: string;
  contactPerson?: string;
  contactTitle?: string;
  sourceChannel?: (typeof sourceChannels)[number];
  notes?: string;
}

export interface VehicleValues {
  vin?: string;
  plate?: string;
  brand?: string;
  series?: string;
  model?: string;
  color?: string;
  deliveryDate?: string;
  mileageKm?: number;
  priceFen?: number;
  insuranceExpiry?: string;
  energy?: 'fuel' | 'electric' | 'hybrid';
}

/** One spreadsheet row read into card fields, with what was wrong with it. Errors skip the row. */
export interface RowRecord {
  rowNumber: number;
  customer: CustomerValues;
  vehicle: VehicleValues;
  errors: string[];
  warnings: string[];
}

const textLimits = {
  name: 50,
  wechat: 50,
  address: 200,
  district: 30,
  occupation: 50,
  industry: 50,
  employer: 100,
  contactPerson: 30,
  contactTitle: 20,
  notes: 2000,
  brand: 30,
  series: 50,
  model: 100,
  color: 20,
} as const;
type TextField = keyof typeof textLimits;

export const fieldLabels: Record<ImportField, string> = {
  name: '姓名',
  gender: '性别',
  birthday: '生日',
  mobile: '手机',
  mobile2: '备用手机',
  wechat: '微信',
  address: '地址',
  district: '区县',
  idNumber: '身份证号',
  occupation: '职业',
  industry: '行业',
  employer: '工作单位',
  contactPerson: '联系人',
  contactTitle: '联系人职务',
  sourceChannel: '来源渠道',
  notes: '备注',
  vin: '车架号',
  plate: '车牌号',
  brand: '品牌',
  series: '车系',
  model: '车型',
  color: '颜色',
  deliveryDate: '交车日期',
  mileage: '行驶里程',
  price: '购车价格',
  insuranceExpiry: '保险到期日',
};

export function isBlankRow(row: SheetRow): boolean {
  return row.cells.every(isBlankCell);
}

const totalsLabel = /^(合\s*计|总\s*计|小\s*计|共\s*计|总数|合计人数)\s*[:：]?/;

/** A sum line under the table (合计 / 总计 / 小计 …, in its first filled cell): part of the sheet, not a customer. */
export function isTotalsRow(row: SheetRow): boolean {
  const first = row.cells.find((c) => !isBlankCell(c));
  return first !== undefined && totalsLabel.test(cellText(first ?? null));
}

/** Reads one data row through the column bindings; every problem is reported in Chinese against the field. */
export function readRowRecord(row: SheetRow, columns: ColumnBinding[], today: string): RowRecord {
  const record: RowRecord = { rowNumber: row.rowNumber, customer: {}, vehicle: {}, errors: [], warnings: [] };
  const { customer, vehicle, errors, warnings } = record;

  const text = (field: TextField, value: CellValue): string | undefined => {
    // Runs of spaces fold to one; notes keep their line breaks (a CSV written on Windows quotes them as CRLF).
    const raw = halfWidthAlnum(cellText(value));
    const v = (raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw).replace(
      field === 'notes' ? /[^\S\n]+/g : /\s+/g,
      ' ',
    );
    const limit = textLimits[field];
    if (v.length <= limit) return v;
    warnings.push(`${fieldLabels[field]}超过 ${limit} 个字，已截断`);
    return v.slice(0, limit);
  };
  const date = (
    field: 'birthday' | 'deliveryDate' | 'insuranceExpiry',
    value: CellValue,
  ): string | undefined => {
    const parsed = parseDate(value);
    if (parsed.ok) return parsed.value;
    if (parsed.impossible) errors.push(`${fieldLabels[field]}${parsed.problem}`);
    else warnings.push(`${fieldLabels[field]}${parsed.problem}，未导入该项`);
    return undefined;
  };

  for (const col of columns) {
    // A customer file's bindings only ever name customer fields (header-row checks mapped fields per kind).
    const field = col.field as ImportField | null;
    if (!field) continue;
    const value = row.cells[col.index] ?? null;
    if (isBlankCell(value)) continue;
    switch (field) {
      case 'name':
        // The same normalizer as the card's name field: invisible characters out, a visible one required.
        customer.name = normalizePersonName(halfWidthAlnum(cellText(value)));
        if (customer.name.length > textLimits.name) errors.push(`姓名超过 ${textLimits.name} 个字`);
        else if (customer.name && !hasVisibleNameChar(customer.name))
          errors.push(`姓名“${customer.name}”没有看得见的文字`);
        break;
      case 'mobile': {
        const raw = cellText(value);
        const m = normalizeMobile(raw);
        if (isValidMobile(m)) customer.mobile = m;
        else if (/e\+?\d+$/i.test(raw))
          errors.push(`手机号码“${raw}”被 Excel 显示成了科学计数法，请把该列设为文本后重新导出`);
        else errors.push(`手机号码无效：“${raw}”（应为 11 位大陆手机号，以 1 开头）`);
        break;
      }
      case 'mobile2': {
        const m = normalizeMobile(cellText(value));
        if (isValidMobile(m)) customer.mobile2 = m;
        else warnings.push(`备用手机“${cellText(value)}”无效，未导入该项`);
        break;
      }
      case 'vin': {
        const v = normalizeVin(cellText(value));
        const check = validateVin(v);
        if (check.ok) vehicle.vin = v;
        else errors.push(`车架号（VIN）“${cellText(value)}”无效：${check.reason}`);
        break;
      }
      case 'plate': {
        const p = normalizePlate(cellText(value));
        const check = validatePlate(p);
        vehicle.plate = p;
        if (!check.ok)
          warnings.push(`车牌号“${cellText(value)}”格式可能不正确（${check.reason}），按原样导入`);
        // New-energy plates say D for battery-electric (after the city letter, or last on large plates), F otherwise.
        else if (check.kind === 'new_energy')
          vehicle.energy = p.charAt(2) === 'D' || p.endsWith('D') ? 'electric' : 'hybrid';
        break;
      }
      case 'idNumber': {
        const id = normalizeIdNumber(cellText(value));
        const check = validateIdNumber(id);
        if (check.ok) customer.idNumber = id;
        else warnings.push(`身份证号无效（${check.reason}），未导入该项`);
        break;
      }
      case 'gender': {
        const g = parseGender(value);
        if (g.ok) customer.gender = g.value;
        else warnings.push(`${g.problem}，未导入该项`);
        break;
      }
      case 'sourceChannel': {
        const s = parseSourceChannel(value);
        customer.sourceChannel = s.ok ? s.value : 'other';
        if (!s.ok) warnings.push(s.problem);
        break;
      }
      case 'birthday':
      case 'deliveryDate':
      case 'insuranceExpiry': {
        const d = date(field, value);
        if (d === undefined) break;
        // A birthday or a delivery (purchase) after today is a typing slip or a wrong column: the row waits
        // for a fixed file. An insurance expiry is in the future by nature.
        if (field !== 'insuranceExpiry' && d > today)
          errors.push(`${fieldLabels[field]} ${d} 晚于今天（${today}）`);
        if (field === 'birthday') customer.birthday = d;
        else vehicle[field] = d;
        break;
      }
      case 'mileage': {
        const m = parseMileage(value, col.tenThousands);
        if (m.ok) vehicle.mileageKm = m.value;
        else warnings.push(`${m.problem}，未导入该项`);
        break;
      }
      case 'price': {
        const p = parsePriceFen(value, col.tenThousands);
        if (!p.ok) warnings.push(`${p.problem}，未导入该项`);
        else {
          vehicle.priceFen = p.value.fen;
          if (p.value.assumedWan) warnings.push(`价格“${cellCode(value)}”按万元计算`);
        }
        break;
      }
      case 'wechat':
        customer.wechat = cellCode(value).replace(/\s+/g, '').slice(0, textLimits.wechat);
        break;
      case 'brand':
      case 'series':
      case 'model':
      case 'color':
        vehicle[field] = text(field, value);
        break;
      default:
        customer[field] = text(field, value);
    }
  }

  if (customer.idNumber) {
    // The ID number carries the birth date and sex; use them when the sheet has no such columns.
    customer.birthday ??= idNumberBirthday(customer.idNumber) ?? undefined;
    customer.gender ??= idNumberGender(customer.idNumber) ?? undefined;
  }
  if (customer.mobile2 && customer.mobile2 === customer.mobile) delete customer.mobile2;
  if (!vehicle.series && vehicle.model) vehicle.series = vehicle.model.split(/\s+/)[0];
  const hasVehicleData = Object.keys(vehicle).some((k) => k !== 'vin');
  if (!vehicle.vin && hasVehicleData && !errors.some((e) => e.startsWith('车架号'))) {
    warnings.push('没有车架号，车辆信息（车牌、车型等）未导入');
  }
  if (!vehicle.vin) record.vehicle = {};
  return record;
}

export function describeMobile(m: string | null | undefined): string {
  return m ? maskMobile(m) : '';
}
