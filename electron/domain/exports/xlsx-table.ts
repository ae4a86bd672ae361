import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

export interface XlsxColumn<R> {
  header: string;
  width: number;
  value: (row: R) => string | number;
  /** Long text (the audit log's changes) wraps instead of running across the sheet. */
  wrap?: boolean;
}

export interface XlsxTableOptions<R> {
  sheetName: string;
  columns: XlsxColumn<R>[];
  /** Pages of rows; a generator keeps memory flat for long lists. */
  pages: Iterable<R[]>;
  /** Lines under the table (who exported it and when): the file says where it came from. */
  footer?: string[];
}

/**
 * One sheet as an XLSX workbook, the way the customer export writes it: Chinese headers in a bold shaded
 * frozen row with filters, exceljs's streaming writer (no shared strings) so a large table does not pile up.
 */
export async function writeXlsxTable<R>(
  opts: XlsxTableOptions<R>,
): Promise<{ base64: string; rows: number }> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useSharedStrings: false,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet(opts.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = opts.columns.map((c) => ({
    header: c.header,
    width: c.width,
    ...(c.wrap ? { style: { alignment: { wrapText: true, vertical: 'top' } } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  header.commit();
  let rows = 0;
  for (const page of opts.pages) {
    for (const r of page) sheet.addRow(opts.columns.map((c) => c.value(r))).commit();
    rows += page.length;
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: opts.columns.length } };
  if (opts.footer?.length) {
    sheet.addRow([]).commit();
    for (const line of opts.footer) {
      const row = sheet.addRow([line]);
      row.font = { italic: true, color: { argb: 'FF666666' } };
      row.commit();
    }
  }
  sheet.commit();
  await workbook.commit();
  return { base64: Buffer.concat(chunks).toString('base64'), rows };
}
