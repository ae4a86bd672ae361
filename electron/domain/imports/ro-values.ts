import type { RepairSystem } from '../../contract/three-guarantee';
import { repairSystemLabels, repairSystems } from '../../contract/three-guarantee';
import type { VisitType } from '../../contract/vehicles';
import { cellCode } from './cell-text';
import type { CellValue } from './sheet-grid';
import type { Parsed } from './value-parsers';

/**
 * An amount in fen: `1,234.50`, `¥1234.5`, `1234.5元`, `1.2万`. Zero is an amount (a free first service); a
 * negative one (a DMS's credit note, or a typo) is refused, as is more than a cent's precision would keep.
 */
export function parseAmountFen(value: CellValue): Parsed<number> {
  let text = cellCode(value)
    .replace(/[,\s¥￥]/g, '')
    .replace(/元$/, '');
  let factor = 1;
  if (text.endsWith('万')) {
    factor = 10_000;
    text = text.slice(0, -1);
  }
  // Accountants write a credit in brackets: (120.00).
  if (/^\(.*\)$/.test(text)) text = `-${text.slice(1, -1)}`;
  const n = Number(text);
  if (text === '' || !Number.isFinite(n)) return { ok: false, problem: `无法识别的金额“${cellCode(value)}”` };
  if (n < 0) return { ok: false, problem: `金额“${cellCode(value)}”为负数`, impossible: true };
  const fen = Math.round(n * factor * 100);
  if (fen > 10_000_000_00) return { ok: false, problem: `金额“${cellCode(value)}”不合理`, impossible: true };
  return { ok: true, value: fen };
}

// Checked in order: the first keyword found in the cell decides (首保 before 保养, 召回 before 维修).
const typeKeywords: [RegExp, VisitType][] = [
  [/首保|首次保养|首次维护|强保|免费保养/, 'first_maintenance'],
  [/召回|服务活动|技术升级/, 'recall'],
  [/钣|喷|事故|保险|理赔|碰撞|车身修复/, 'body_insurance'],
  [/美容|装潢|精品|洗车|贴膜|镀晶|打蜡/, 'detailing'],
  [/保养|定保|维护|常规|更换机油|机油/, 'maintenance'],
  [/维修|机修|电修|修理|保修|索赔|返修|故障|一般/, 'repair'],
];

/** 维修类型 as DMSs write it (首保, 定期保养, 一般维修, 索赔, 钣喷, 事故车, 美容, 召回…). */
export function parseServiceType(value: CellValue): Parsed<VisitType> {
  const text = cellCode(value);
  for (const [re, type] of typeKeywords) if (re.test(text)) return { ok: true, value: type };
  return { ok: false, problem: `无法识别的维修类型“${text}”` };
}

const systemAliases: [RegExp, RepairSystem][] = [
  [/动力(蓄)?电池|电池包|高压电池/, 'traction_battery'],
  [/驱动电机|电机/, 'drive_motor'],
  [/发动机|引擎/, 'engine'],
  [/变速(器|箱)|波箱/, 'transmission'],
  [/转向/, 'steering'],
  [/制动|刹车/, 'brakes'],
  [/悬(架|挂)|避震|减震/, 'suspension'],
  [/传动|差速|半轴/, 'drivetrain'],
  [/排放|尾气|三元催化|污染/, 'emission_control'],
  [/车身/, 'body'],
  [/电气|电器|线路/, 'electrical'],
  [/其他|其它/, 'other'],
];

/** The system a quality repair concerned, in the watch's own words or a DMS's (刹车 for 制动系统). */
export function parseRepairSystem(value: CellValue): Parsed<RepairSystem> {
  const text = cellCode(value);
  const exact = repairSystems.find((s) => repairSystemLabels[s] === text || s === text.toLowerCase());
  if (exact) return { ok: true, value: exact };
  for (const [re, system] of systemAliases) if (re.test(text)) return { ok: true, value: system };
  return { ok: false, problem: `无法识别的涉及系统“${text}”` };
}
