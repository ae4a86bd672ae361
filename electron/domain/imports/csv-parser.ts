/**
 * RFC 4180 CSV: quoted fields may hold the delimiter, `""` for a quote, and line breaks; records end at CRLF, LF
 * or CR. Lenient where Excel is: a quote inside an unquoted field is kept as text, and text after a closing
 * quote is appended. A hand-written state machine because the rules are short and no CSV library is installed.
 */
export function parseCsv(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  let fieldStarted = false;
  const endField = () => {
    record.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text.charAt(i);
    if (inQuotes) {
      if (ch === '"') {
        if (text.charAt(i + 1) === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      inQuotes = true;
      fieldStarted = true;
    } else if (ch === delimiter) {
      endField();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text.charAt(i + 1) === '\n') i++;
      endRecord();
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  // A last record without a final line break; an empty remainder after one is not a record.
  if (fieldStarted || field !== '' || record.length > 0) endRecord();
  return records;
}

/** Comma, tab (Excel's "Unicode text") or semicolon (European Excel): the one seen most outside quotes. */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  const counts = new Map<string, number>([
    [',', 0],
    ['\t', 0],
    [';', 0],
  ]);
  let inQuotes = false;
  for (let i = 0; i < sample.length; i++) {
    const ch = sample.charAt(i);
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [d, c] of counts) if (c > (counts.get(best) ?? 0)) best = d;
  return best;
}
