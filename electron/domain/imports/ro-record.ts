import { normalizePlate } from '../../common/plate';
import { normalizeVin, validateVin } from '../../common/vin';
import type { RoImportField } from '../../contract/imports';
import { roImportFieldLabels } from '../../contract/imports';
import type { RepairSystem } from '../../contract/three-guarantee';
import type { VisitType } from '../../contract/vehicles';
import { cellCode, cellText, halfWidthAlnum } from './cell-text';
import type { ColumnBinding } from './header-row';
import { parseAmountFen, parseRepairSystem, parseServiceType } from './ro-values';
import type { SheetRow } from './sheet-grid';
import { isBlankCell } from './sheet-grid';
import { parseDate, parseMileage } from './value-parsers';
import { roYuan } from './ro-yuan';

/** One repair order as read from its row; what the row says, checked on its own (no database). */
export interface RoValues {
  roNumber?: string;
  vin?: string;
  plate?: string;
  inDate?: string;
  outDate?: string;
  mileageKm?: number;
  type?: VisitType;
  laborFen?: number;
  partsFen?: number;
  totalFen?: number;
  advisor?: string;
  faultText?: string;
  repairItems?: string;
  repairSystem?: RepairSystem;
}

export interface RoRecord {
  rowNumber: number;
  values: RoValues;
  errors: string[];
  warnings: string[];
}

const label = (f: RoImportField) => roImportFieldLabels[f];
// A visit's notes hold at most 500 characters (the visit form's limit), the order number and amounts included.
const limits = { roNumber: 40, advisor: 30, faultText: 300, repairItems: 300 } as const;

/**
 * Reads one data row of a repair-order file. Errors (the row is not imported): no order number, an unreadable
 * or impossible date, a date after today, out before in, a negative amount, no vehicle key, a broken VIN, no
 * mileage. Warnings: what is imported with a guess or left out.
 */
export function readRoRecord(row: SheetRow, columns: ColumnBinding[], today: string): RoRecord {
  const record: RoRecord = { rowNumber: row.rowNumber, values: {}, errors: [], warnings: [] };
  const { values: v, errors, warnings } = record;
  const text = (field: keyof typeof limits, raw: string): string => {
    const s = halfWidthAlnum(raw).replace(
      field === 'repairItems' || field === 'faultText' ? /[^\S\n]+/g : /\s+/g,
      ' ',
    );
    if (s.length <= limits[field]) return s;
    warnings.push(`${label(field)}超过 ${limits[field]} 个字，已截断`);
    return s.slice(0, limits[field]);
  };

  for (const col of columns) {
    const field = col.field as RoImportField | null;
    if (!field) continue;
    const value = row.cells[col.index] ?? null;
    if (isBlankCell(value)) continue;
    switch (field) {
      case 'roNumber':
        // Codes compare as staff read them: full-width forms folded, case and inner spaces ignored.
        v.roNumber = text('roNumber', cellCode(value)).replace(/\s+/g, '').toUpperCase();
        break;
      case 'vin': {
        const vin = normalizeVin(cellText(value));
        const check = validateVin(vin);
        if (check.ok) v.vin = vin;
        else errors.push(`车架号（VIN）“${cellText(value)}”无效：${check.reason}`);
        break;
      }
      case 'plate':
        v.plate = normalizePlate(cellText(value));
        break;
      case 'inDate':
      case 'outDate': {
        const d = parseDate(value);
        if (!d.ok) errors.push(`${label(field)}${d.problem}`);
        else if (d.value > today) errors.push(`${label(field)} ${d.value} 晚于今天（${today}）`);
        else v[field] = d.value;
        break;
      }
      case 'inMileage': {
        const m = parseMileage(value, col.tenThousands);
        if (m.ok) v.mileageKm = m.value;
        else errors.push(m.problem);
        break;
      }
      case 'serviceType': {
        const t = parseServiceType(value);
        if (t.ok) v.type = t.value;
        else warnings.push(`${t.problem}，按“维修”记录`);
        break;
      }
      case 'laborAmount':
      case 'partsAmount':
      case 'totalAmount': {
        const a = parseAmountFen(value);
        const key = field === 'laborAmount' ? 'laborFen' : field === 'partsAmount' ? 'partsFen' : 'totalFen';
        if (a.ok) v[key] = a.value;
        else errors.push(`${label(field)}${a.problem.replace(/^金额/, '')}`);
        break;
      }
      case 'advisor':
        v.advisor = text('advisor', cellText(value));
        break;
      case 'faultText':
      case 'repairItems':
        v[field] = text(field, cellText(value).replace(/\r\n?/g, '\n'));
        break;
      case 'repairSystem': {
        const s = parseRepairSystem(value);
        if (s.ok) v.repairSystem = s.value;
        else warnings.push(`${s.problem}，未计入三包`);
        break;
      }
    }
  }

  if (!v.roNumber) errors.push('缺少工单号');
  if (!v.inDate && !errors.some((e) => e.startsWith(label('inDate')))) errors.push('缺少进厂日期');
  if (v.inDate && v.outDate && v.outDate < v.inDate)
    errors.push(`出厂日期 ${v.outDate} 早于进厂日期 ${v.inDate}`);
  if (v.mileageKm === undefined && !errors.some((e) => e.includes('里程'))) errors.push('缺少进厂里程');
  if (!v.vin && !v.plate && !errors.some((e) => e.startsWith('车架号')))
    errors.push('缺少车架号和车牌号，无法找到车辆');
  if (!v.type) {
    if (!warnings.some((w) => w.includes('维修类型'))) warnings.push('未填写维修类型，按“维修”记录');
    v.type = 'repair';
  }
  // The settled amount is what the visit earned; labour and parts are its parts, kept in the notes.
  if (v.totalFen === undefined && (v.laborFen !== undefined || v.partsFen !== undefined)) {
    v.totalFen = (v.laborFen ?? 0) + (v.partsFen ?? 0);
  } else if (
    v.totalFen !== undefined &&
    v.laborFen !== undefined &&
    v.partsFen !== undefined &&
    v.laborFen + v.partsFen !== v.totalFen
  ) {
    warnings.push(
      `结算金额 ${roYuan(v.totalFen)} 与工时费 + 材料费（${roYuan(v.laborFen + v.partsFen)}）不一致（可能含优惠），按结算金额记录`,
    );
  }
  return record;
}

/** The visit's notes: what the order said beyond the columns service_visits has. */
export function roNotes(v: RoValues, repairFacts: boolean): string | null {
  const parts: string[] = [`工单号 ${v.roNumber ?? ''}`];
  if (v.laborFen !== undefined) parts.push(`工时费 ${roYuan(v.laborFen)}`);
  if (v.partsFen !== undefined) parts.push(`材料费 ${roYuan(v.partsFen)}`);
  const lines = [parts.join('，')];
  if (v.faultText && !repairFacts) lines.push(`故障描述：${v.faultText}`);
  if (v.repairItems) lines.push(`维修项目：${v.repairItems}`);
  return lines.join('\n').slice(0, 500);
}
