import type Database from 'better-sqlite3';
import { quoteId } from '../duplicates/schema-info';
import { scrubMark } from './scrub-text';

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

/** Tables derived by triggers from others (search keys); they follow their source. */
const derivedTables = new Set(['customer_name_grams', 'search_seq']);

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
    const free = cols.filter((c) => !structuredColumns.has(c));
    if (free.length) out.set(t, free);
  }
  return out;
}

const anyColumnHas = (cols: string[], n: number) =>
  cols.flatMap((c) => Array.from({ length: n }, () => `instr(${quoteId(c)}, ?) > 0`)).join(' or ');

/** Rows per table whose free text contains one of the terms (the person's phone, ID number). */
export function countTextMentions(sqlite: Database.Database, terms: readonly string[]): Map<string, number> {
  const found = new Map<string, number>();
  if (!terms.length) return found;
  for (const [t, cols] of scannable(sqlite)) {
    const params = cols.flatMap(() => terms);
    const n = sqlite
      .prepare(`select count(*) from ${quoteId(t)} where ${anyColumnHas(cols, terms.length)}`)
      .pluck()
      .get(...params) as number;
    if (n) found.set(t, n);
  }
  return found;
}

/** Replaces the terms in every free-text column of every table; returns the rows changed per table. */
export function scrubTextEverywhere(
  sqlite: Database.Database,
  terms: readonly string[],
): Map<string, number> {
  const changed = new Map<string, number>();
  if (!terms.length) return changed;
  for (const [t, cols] of scannable(sqlite)) {
    const replaced = (c: string) => terms.reduce((expr) => `replace(${expr}, ?, '${scrubMark}')`, quoteId(c));
    const setParams = cols.flatMap(() => terms);
    const whereParams = cols.flatMap(() => terms);
    const r = sqlite
      .prepare(
        `update ${quoteId(t)} set ${cols.map((c) => `${quoteId(c)} = ${replaced(c)}`).join(', ')}
         where ${anyColumnHas(cols, terms.length)}`,
      )
      .run(...setParams, ...whereParams);
    if (r.changes) changed.set(t, r.changes);
  }
  return changed;
}
