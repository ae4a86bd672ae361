import { parseCsv, detectDelimiter } from './csv-parser';
import { decodeText } from './decode-text';
import type { SheetGrid } from './sheet-grid';

export function readCsv(bytes: Uint8Array): SheetGrid {
  const { text, encoding } = decodeText(bytes);
  const records = parseCsv(text, detectDelimiter(text));
  return {
    format: 'csv',
    encoding,
    sheetName: null,
    rows: records.map((cells, i) => ({ rowNumber: i + 1, cells })),
  };
}
