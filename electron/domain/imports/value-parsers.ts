import type { sourceChannels } from '../../contract/customers';
import { cellCode, isoOfDateCell } from './cell-text';
import type { CellValue } from './sheet-grid';

/** `impossible`: the cell is written as a date but no such day exists (2026-02-30), which is an error, not a guess. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string; impossible?: boolean };

const dateHint = '应为 2023-05-01、2023/5/1、2023.5.1 或 2023年5月1日';

function realDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return isoOfDateCell(dt);
}

/** Excel's serial day number (1900 date system) to YYYY-MM-DD; 25569 is 1970-01-01. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 61 || serial > 73050) return null;
  const dt = new Date(Math.round((Math.floor(serial) - 25569) * 86400) * 1000);
  return realDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/**
 * Dates as dealers' sheets hold them: real date cells, Excel serial numbers (a date column formatted as
 * General), 2023-05-01, 2023/5/1, 2023.5.1, 2023年5月1日, 20230501, with or without a time after it.
 */
export function parseDate(value: CellValue): Parsed<string> {
  if (value instanceof Date) {
    const iso = Number.isNaN(value.getTime()) ? null : isoOfDateCell(value);
    return iso && iso >= '1900-01-01' && iso <= '2100-12-31'
      ? { ok: true, value: iso }
      : { ok: false, problem: '日期超出范围' };
  }
  const text = cellCode(value)
    .replace(/\s+/g, ' ')
    .replace(/[ T]\d{1,2}[:：]\d{2}([:：]\d{2}(\.\d+)?)?$/, '')
    .trim();
  let iso: string | null = null;
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) {
    iso = realDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (!iso) return { ok: false, problem: `“${cellCode(value)}”不是真实存在的日期`, impossible: true };
  } else if (/^\d{5}(\.\d+)?$/.test(text)) iso = excelSerialToIso(Number(text));
  return iso
    ? { ok: true, value: iso }
    : { ok: false, problem: `无法识别的日期“${cellCode(value)}”（${dateHint}）` };
}

/** `12,345`, `12345 km`, `1.2万`, `1.2` under a heading in 万公里. */
export function parseMileage(value: CellValue, tenThousands: boolean): Parsed<number> {
  let text = cellCode(value)
    .replace(/[,\s]/g, '')
    .replace(/(公里|千米|km)$/i, '');
  let factor = tenThousands ? 10_000 : 1;
  if (text.endsWith('万')) {
    factor = 10_000;
    text = text.slice(0, -1);
  }
  const n = Number(text);
  if (text === '' || !Number.isFinite(n) || n < 0)
    return { ok: false, problem: `无法识别的里程“${cellCode(value)}”` };
  const km = Math.round(n * factor);
  if (km > 2_000_000) return { ok: false, problem: `里程 ${km} 公里不合理` };
  return { ok: true, value: km };
}

/** Price in fen. `25.98万`, `259,800元`, `¥259800`; a bare number under 1,000 can only be 万元. */
export function parsePriceFen(
  value: CellValue,
  tenThousands: boolean,
): Parsed<{ fen: number; assumedWan: boolean }> {
  let text = cellCode(value)
    .replace(/[,\s¥]/g, '')
    .replace(/元$/, '');
  let wan = tenThousands;
  if (text.endsWith('万')) {
    wan = true;
    text = text.slice(0, -1);
  }
  const n = Number(text);
  if (text === '' || !Number.isFinite(n) || n <= 0)
    return { ok: false, problem: `无法识别的价格“${cellCode(value)}”` };
  const assumedWan = !wan && n < 1000;
  const yuan = wan || assumedWan ? n * 10_000 : n;
  if (yuan > 100_000_000) return { ok: false, problem: `价格“${cellCode(value)}”不合理` };
  return { ok: true, value: { fen: Math.round(yuan * 100), assumedWan } };
}

export function parseGender(value: CellValue): Parsed<'male' | 'female'> {
  const text = cellCode(value).toLowerCase();
  if (['男', '男性', '先生', 'm', 'male', '男士'].includes(text)) return { ok: true, value: 'male' };
  if (['女', '女性', '女士', 'f', 'female', '小姐'].includes(text)) return { ok: true, value: 'female' };
  return { ok: false, problem: `无法识别的性别“${cellCode(value)}”（应为 男 或 女）` };
}

type SourceChannel = (typeof sourceChannels)[number];

// Checked in order: the first keyword found in the cell decides.
const sourceKeywords: [RegExp, SourceChannel][] = [
  [/推荐|转介绍|介绍/, 'referral'],
  [/汽车之家|懂车帝|易车|太平洋|爱卡|垂直|平台/, 'vertical_platform'],
  [/抖音|快手|微信|微博|小红书|社交|视频号|直播/, 'social_media'],
  [/官网|网站|网络|线上|400/, 'website'],
  [/活动|车展|试驾会/, 'event'],
  [/展厅|到店|进店|自然|walk/i, 'walk_in'],
  [/电话|来电|呼入/, 'phone'],
  [/其他|其它/, 'other'],
];

export function parseSourceChannel(value: CellValue): Parsed<SourceChannel> {
  const text = cellCode(value);
  for (const [re, channel] of sourceKeywords) if (re.test(text)) return { ok: true, value: channel };
  return { ok: false, problem: `无法识别的来源渠道“${text}”，记为“其他”` };
}
