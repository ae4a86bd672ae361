import type { CellValue, SheetRow } from './sheet-grid';
import { isDateFormat } from './xlsx-date-formats';
import { attributes, decodeXmlText, stringItemText, withoutElementPrefixes } from './xlsx-xml';
import { readZipEntries, ZipFormatError } from './zip-entries';

export interface XlsxSheet {
  name: string;
  /** Parsed on demand: most workbooks are read no further than their first sheet. */
  rows(): SheetRow[];
}

/**
 * Reads cell values from an XLSX workbook. A purpose-built reader rather than exceljs: only values are needed,
 * and exceljs builds a styled object per cell, which made a 50,000-row customer file take several times longer
 * to read than to import (see test/bench/import-bench.ts). exceljs still writes the exports and the fixtures.
 */
export function readXlsx(buf: Buffer, opts: { maxRows: number }): XlsxSheet[] {
  const zip = readZipEntries(buf);
  const text = (path: string): string | null => {
    const entry = zip.get(path);
    return entry ? withoutElementPrefixes(entry().toString('utf8')) : null;
  };
  const workbookPath = officeDocumentPath(text('_rels/.rels'));
  const workbookXml = text(workbookPath);
  if (!workbookXml) throw new ZipFormatError('no workbook part');
  const baseDir = workbookPath.includes('/') ? workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1) : '';
  const rels = relationships(text(`${baseDir}_rels/${workbookPath.slice(baseDir.length)}.rels`), baseDir);
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbookXml);

  let sharedStrings: string[] | null = null;
  const strings = () =>
    (sharedStrings ??= readSharedStrings(
      text(rels.byType('sharedStrings') ?? `${baseDir}sharedStrings.xml`),
    ));
  let dateStyles: boolean[] | null = null;
  const styles = () => (dateStyles ??= readDateStyles(text(rels.byType('styles') ?? `${baseDir}styles.xml`)));

  const sheets: XlsxSheet[] = [];
  const sheetRe = /<sheet\b([^>]*?)\/?>/g;
  for (let m = sheetRe.exec(workbookXml); m; m = sheetRe.exec(workbookXml)) {
    const a = attributes(m[1]!);
    if (a.state === 'hidden' || a.state === 'veryHidden') continue;
    const path = rels.byId(a['r:id'] ?? '');
    if (!path || !zip.has(path)) continue;
    sheets.push({
      name: a.name ?? '',
      rows: () => readSheetRows(text(path) ?? '', strings(), styles(), date1904, opts.maxRows),
    });
  }
  return sheets;
}

function officeDocumentPath(relsXml: string | null): string {
  const m = relsXml?.match(/<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/);
  const target = m ? attributes(m[0]).Target : undefined;
  return target ? target.replace(/^\/+/, '') : 'xl/workbook.xml';
}

function relationships(xml: string | null, baseDir: string) {
  const list: { id: string; type: string; path: string }[] = [];
  const re = /<Relationship\b([^>]*?)\/?>/g;
  for (let m = xml ? re.exec(xml) : null; m && xml; m = re.exec(xml)) {
    const a = attributes(m[1]!);
    if (!a.Id || !a.Target) continue;
    const path = a.Target.startsWith('/') ? a.Target.slice(1) : baseDir + a.Target;
    list.push({ id: a.Id, type: a.Type ?? '', path });
  }
  return {
    byId: (id: string) => list.find((r) => r.id === id)?.path,
    byType: (suffix: string) => list.find((r) => r.type.endsWith(`/${suffix}`))?.path,
  };
}

function readSharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const re = /<si>([\s\S]*?)<\/si>|<si\/>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(m[1] === undefined ? '' : stringItemText(m[1]));
  return out;
}

/** For each cell style index, whether its number format shows a date. */
function readDateStyles(xml: string | null): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  const fmtRe = /<numFmt\b([^>]*?)\/?>/g;
  for (let m = fmtRe.exec(xml); m; m = fmtRe.exec(xml)) {
    const a = attributes(m[1]!);
    if (a.numFmtId) custom.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const xfs = xml.match(/<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/)?.[1] ?? '';
  const out: boolean[] = [];
  const xfRe = /<xf\b([^>]*?)\/?>/g;
  for (let m = xfRe.exec(xfs); m; m = xfRe.exec(xfs)) {
    const id = Number(attributes(m[1]!).numFmtId ?? 0);
    out.push(isDateFormat(id, custom.get(id)));
  }
  return out;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

function serialToDate(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + 1462 : serial;
  // Excel's day 1 is 1900-01-01 and it counts a 29 February 1900 that never was; 25569 is 1970-01-01.
  return new Date(Math.round((days - 25569) * 86400) * 1000);
}

function readSheetRows(
  xml: string,
  strings: string[],
  dateStyles: boolean[],
  date1904: boolean,
  maxRows: number,
): SheetRow[] {
  const rows: SheetRow[] = [];
  const start = xml.indexOf('<sheetData');
  if (start < 0) return rows;
  const rowRe = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
  rowRe.lastIndex = start;
  let nextRowNumber = 1;
  for (let m = rowRe.exec(xml); m; m = rowRe.exec(xml)) {
    const rAttr = /\br="(\d+)"/.exec(m[1]!);
    const rowNumber = rAttr ? Number(rAttr[1]) : nextRowNumber;
    nextRowNumber = rowNumber + 1;
    const body = m[2];
    if (!body) continue;
    const cells: CellValue[] = [];
    const cellRe = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
    for (let c = cellRe.exec(body); c; c = cellRe.exec(body)) {
      const attrs = c[1]!;
      const ref = /\br="([A-Z]+)\d*"/.exec(attrs);
      const col = ref ? columnIndex(ref[1]!) : cells.length;
      const value = cellValue(attrs, c[2], strings, dateStyles, date1904);
      if (value !== null) {
        while (cells.length < col) cells.push(null);
        cells[col] = value;
      }
    }
    rows.push({ rowNumber, cells });
    if (rows.length > maxRows) break;
  }
  return rows;
}

function cellValue(
  attrs: string,
  inner: string | undefined,
  strings: string[],
  dateStyles: boolean[],
  date1904: boolean,
): CellValue {
  if (!inner) return null;
  const type = /\bt="(\w+)"/.exec(attrs)?.[1] ?? 'n';
  if (type === 'inlineStr') {
    const is = /<is>([\s\S]*?)<\/is>/.exec(inner);
    return is ? stringItemText(is[1]!) : null;
  }
  const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
  if (v === undefined) return null;
  switch (type) {
    case 's':
      return strings[Number(v)] ?? null;
    case 'str':
      return decodeXmlText(v);
    case 'b':
      return v === '1' || v === 'true';
    case 'e':
      return null;
    case 'd': {
      const d = new Date(decodeXmlText(v));
      return Number.isNaN(d.getTime()) ? decodeXmlText(v) : d;
    }
    default: {
      const n = Number(v);
      if (Number.isNaN(n)) return decodeXmlText(v);
      const style = /\bs="(\d+)"/.exec(attrs);
      if (style && dateStyles[Number(style[1])]) return serialToDate(n, date1904);
      return n;
    }
  }
}
