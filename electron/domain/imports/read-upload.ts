import { AppError } from '../../contract/errors';
import type { ImportHeaderGuess, ImportKind } from '../../contract/imports';
import type { ImportMapping } from './header-row';
import { guessHeaderRow, locateHeader } from './header-row';
import type { HeaderLocation } from './header-row';
import { readCsv } from './read-csv';
import { readSheetJs } from './read-sheetjs';
import { readXlsx } from './read-xlsx';
import type { SheetGrid } from './sheet-grid';

export const maxImportRows = 200_000;

export interface ReadUpload {
  grid: SheetGrid;
  header: HeaderLocation;
}

const isZip = (b: Buffer) => b.length > 4 && b.readUInt32LE(0) === 0x04034b50;
const isLegacyExcel = (b: Buffer) => b.length > 8 && b.readUInt32BE(0) === 0xd0cf11e0;

/**
 * The upload as a grid with its header row found. Every way a file can be unreadable ends in a validation
 * error that tells staff what to do, never an internal error.
 */
export function readUpload(
  fileName: string,
  contentBase64: string,
  mapping: ImportMapping,
  kind: ImportKind = 'customers',
): ReadUpload {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length === 0) throw new AppError('validation', '文件是空的');
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  let grids: (() => SheetGrid)[];
  if (isLegacyExcel(bytes)) grids = readOtherWorkbook(bytes, 'xls');
  else if (isZip(bytes) && ext === 'ods') grids = readOtherWorkbook(bytes, 'ods');
  else if (isZip(bytes)) grids = readWorkbook(bytes);
  else if (['xlsx', 'xlsm', 'xls', 'ods'].includes(ext))
    throw new AppError('validation', `文件不是有效的 Excel（.${ext}）文件，可能已损坏`);
  else if (bytes.subarray(0, 4096).includes(0) && !(bytes[0] === 0xff && bytes[1] === 0xfe)) {
    throw new AppError('validation', '无法识别的文件格式：请上传 Excel（.xlsx、.xls）或 CSV 文件');
  } else grids = [() => readCsv(bytes)];

  // The first sheet with a recognisable header row is the one imported.
  let guess: ImportHeaderGuess | null = null;
  for (const read of grids) {
    const grid = read();
    const header = locateHeader(grid.rows, mapping, kind);
    if (!header) {
      const row: ReturnType<typeof guessHeaderRow> = guess ? null : guessHeaderRow(grid.rows);
      if (row) guess = { sheetName: grid.sheetName, ...row };
      continue;
    }
    if (grid.rows.length - header.index - 1 > maxImportRows) {
      throw new AppError(
        'validation',
        `文件超过 ${maxImportRows.toLocaleString('en-US')} 行，请拆分后分批导入`,
      );
    }
    return { grid, header };
  }
  throw new AppError(
    'validation',
    guess
      ? `没有认出表头：第 ${guess.rowNumber} 行像是列名，但其中不到两列是常见字段，请为这些列指定对应字段`
      : kind === 'repair_orders'
        ? '没有找到表头行：请确认表格前几行中有一行列名（如“工单号”“车架号”“进厂日期”“结算金额”）'
        : '没有找到表头行：请确认表格前几行中有一行列名（如“客户姓名”“手机号码”“车架号”）',
    guess ? { headerGuess: guess } : undefined,
  );
}

const unreadableWorkbook = () =>
  new AppError(
    'validation',
    '无法读取该 Excel 文件：文件已损坏或格式不对，请用 Excel 或 WPS 打开后另存为 .xlsx 再导入',
  );

/**
 * .xls (Excel 97–2003, from older DMS and WPS) and .ods through SheetJS. .xlsx keeps its own reader: on the
 * 50,000-row file SheetJS took several times as long (see test/bench/import-bench.ts), which the import's 20 s
 * budget cannot spare.
 */
function readOtherWorkbook(bytes: Buffer, format: 'xls' | 'ods'): (() => SheetGrid)[] {
  let sheets: ReturnType<typeof readSheetJs>;
  try {
    sheets = readSheetJs(bytes, { maxRows: maxImportRows + 100 });
  } catch {
    throw unreadableWorkbook();
  }
  if (!sheets.length) throw unreadableWorkbook();
  return sheets.map((s) => () => {
    try {
      return { format, encoding: null, sheetName: s.name, rows: s.rows() };
    } catch {
      throw unreadableWorkbook();
    }
  });
}

function readWorkbook(bytes: Buffer): (() => SheetGrid)[] {
  try {
    const sheets = readXlsx(bytes, { maxRows: maxImportRows + 100 });
    if (!sheets.length) throw unreadableWorkbook();
    return sheets.map((s) => () => {
      try {
        return { format: 'xlsx', encoding: null, sheetName: s.name, rows: s.rows() };
      } catch {
        throw unreadableWorkbook();
      }
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreadableWorkbook();
  }
}
