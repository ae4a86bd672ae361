import type Database from 'better-sqlite3';
import { quoteId } from '../duplicates/schema-info';
import { scrubColumns } from './scrub-text';

/**
 * Columns that hold a value as data, not text about someone: another customer's own mobile (a couple often
 * share one phone — their card keeps it), the undo images of merges and imports (rewritten structurally), key
 * material. The scan of free text leaves them alone.
 */
const structuredColumns = new Set([
  'mobile',
  'mobile2',
  'mobile_tail',
  'id_number',
  'wechat',
  'snapshot',
  'undo',
  'token_hash',
  'password_hash',
  'hash',
  'prev_hash',
]);

/**
 * Columns that hold codes, dates and keys rather than words (状态, 类型, 日期…): nobody types a phone number into
 * them, and skipping them keeps the scan of a large store to the columns that matter. Anything else — every
 * free-text column a later table adds included — is scanned.
 */
const codeColumn =
  /(^|_)(at|on|date|until|hash|code|type|kind|state|status|stage|grade|channel|purpose|source|outcome|role|priority|direction|gender|energy|finance|birthday|vin|vin_reversed|plate|ticket_no|sha256|mime_type|stored_path|thumb_path|thumb_mime|timer|token_hash)$/;

/** Tables derived by triggers from others (search keys, report facts); they follow their source. */
const derivedTables = new Set([
  'customer_name_grams',
  'search_seq',
  // Report facts summed from the visits (db/schema/visit-facts.ts): codes, months and counts.
  'customer_visit_months',
  'visit_month_pairs',
  'visit_month_totals',
  'visit_structure_months',
  'maintenance_visit_facts',
  'report_fact_changes',
  'report_month_cache',
]);

/** Tables whose triggers refuse UPDATE: ledgers that can only grow (audit log, consent history). */
export function appendOnlyTables(sqlite: Database.Database): Set<string> {
  const rows = sqlite
    .prepare(`select tbl_name as t, sql from sqlite_master where type = 'trigger' and sql is not null`)
    .all() as { t: string; sql: string }[];
  return new Set(
    rows
      .filter((r) => /\bBEFORE\s+UPDATE\b/i.test(r.sql) && /RAISE\s*\(\s*ABORT/i.test(r.sql))
      .map((r) => r.t),
  );
}

/** Every ordinary table's text columns (declared TEXT or untyped), virtual and shadow tables aside. */
export function textColumns(sqlite: Database.Database): Map<string, string[]> {
  const tables = sqlite
    .prepare(
      `select name from pragma_table_list where schema = 'main' and type = 'table'
       and name not like 'sqlite\\_%' escape '\\' order by name`,
    )
    .pluck()
    .all() as string[];
  const out = new Map<string, string[]>();
  for (const t of tables) {
    const cols = (
      sqlite.prepare('select name, type from pragma_table_xinfo(?) where hidden = 0').all(t) as {
        name: string;
        type: string;
      }[]
    )
      .filter((c) => c.type === '' || /TEXT|CHAR|CLOB/i.test(c.type))
      .map((c) => c.name);
    if (cols.length) out.set(t, cols);
  }
  return out;
}

/** The free-text columns the erasure may rewrite, per table. */
function scannable(sqlite: Database.Database): Map<string, string[]> {
  const frozen = appendOnlyTables(sqlite);
  const out = new Map<string, string[]>();
  for (const [t, cols] of textColumns(sqlite)) {
    if (frozen.has(t) || derivedTables.has(t)) continue;
    const free = cols.filter((c) => !structuredColumns.has(c) && !codeColumn.test(c));
    if (free.length) out.set(t, free);
  }
  return out;
}

/** A row whose free text mentions one of the terms. */
export interface TextMention {
  table: string;
  rowid: number;
}

/** The free-text columns the erasure may rewrite, per table, with whether the table has rowids. */
function scannableTables(sqlite: Database.Database): { table: string; columns: string[] }[] {
  const withRowid = new Set(
    sqlite
      .prepare(`select name from pragma_table_list where schema = 'main' and wr = 0`)
      .pluck()
      .all() as string[],
  );
  return [...scannable(sqlite)]
    .filter(([t]) => withRowid.has(t))
    .map(([table, columns]) => ({ table, columns }));
}

/**
 * Every row whose free text mentions one of the terms (the person's phone, ID number). A read of the large
 * tables (about a second per million rows): run it outside the write transaction, which then rewrites only
 * these rows, so no other workstation waits on the scan.
 */
export function findTextMentions(sqlite: Database.Database, terms: readonly string[]): TextMention[] {
  if (!terms.length) return [];
  const out: TextMention[] = [];
  for (const { table, columns } of scannableTables(sqlite)) {
    // One string per row, searched once per term: far cheaper than a search per column and term.
    const text = columns.map((c) => `coalesce(${quoteId(c)}, '')`).join(` || char(10) || `);
    const rowids = sqlite
      .prepare(
        `select rowid from ${quoteId(table)} where ${terms.map(() => `instr(${text}, ?) > 0`).join(' or ')}`,
      )
      .pluck()
      .all(...terms) as number[];
    for (const rowid of rowids) out.push({ table, rowid });
  }
  return out;
}

export function countTextMentions(sqlite: Database.Database, terms: readonly string[]): Map<string, number> {
  const found = new Map<string, number>();
  for (const m of findTextMentions(sqlite, terms)) found.set(m.table, (found.get(m.table) ?? 0) + 1);
  return found;
}

/**
 * Replaces the terms in the free text of the rows found (read again, inside the caller's transaction: a row
 * edited since the scan is rewritten as it is now). Returns how many rows changed.
 */
export function scrubMentions(
  sqlite: Database.Database,
  mentions: readonly TextMention[],
  terms: readonly string[],
): number {
  const columnsOf = new Map(scannableTables(sqlite).map((t) => [t.table, t.columns]));
  let changed = 0;
  for (const m of mentions) {
    const columns = columnsOf.get(m.table);
    if (!columns) continue;
    changed += scrubColumns(sqlite, m.table, columns, 'rowid = ?', [m.rowid], terms);
  }
  return changed;
}
