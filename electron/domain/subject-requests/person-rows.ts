import type Database from 'better-sqlite3';
import { quoteId } from '../duplicates/schema-info';
import type { CustomerReference } from './customer-references';
import { customerReferences } from './customer-references';
import { childRules, ownCardsKey, referenceRules } from './person-data-rules';

export type StoredRow = Record<string, unknown>;

/** One kind of the person's data: every row of one table that is theirs, whichever column says so. */
export interface PersonTable {
  label: string;
  table: string;
  /** The references (table.column) its rows were found through. */
  keys: string[];
  columns: string[];
  rows: StoredRow[];
}

const idList = (ids: readonly number[]) => JSON.stringify(ids);

function columnsOf(sqlite: Database.Database, table: string): string[] {
  return (
    sqlite.prepare('select name from pragma_table_xinfo(?) where hidden = 0 order by cid').all(table) as {
      name: string;
    }[]
  ).map((c) => c.name);
}

export function tableExists(sqlite: Database.Database, table: string): boolean {
  return sqlite.prepare('select 1 from pragma_table_list where name = ?').get(table) !== undefined;
}

/** Of `wanted`, the columns the table has (a rule may name a column a later migration adds). */
export function existingColumns(
  sqlite: Database.Database,
  table: string,
  wanted: readonly string[],
): string[] {
  const have = new Set(columnsOf(sqlite, table));
  return wanted.filter((c) => have.has(c));
}

/**
 * The references the package covers, in the rules' order (the card first). A reference no rule names yet (a
 * table added since) is included under its table name: the right of access is better served by too much.
 */
export function packageReferences(sqlite: Database.Database): CustomerReference[] {
  const own: CustomerReference = { key: ownCardsKey, table: 'customers', column: 'id', byForeignKey: false };
  const all = [own, ...customerReferences(sqlite)];
  const order = Object.keys(referenceRules);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return all
    .filter((r) => referenceRules[r.key]?.package.include ?? true)
    .sort((a, b) => rank(a.key) - rank(b.key));
}

/**
 * Every row of the person's in the tables the package covers, grouped by table (a row found through two
 * columns — a merge between two of the person's cards — counts once), plus the rows reached through them
 * (a request's history). Read in one transaction so the sheets agree with each other.
 */
export function readPersonTables(sqlite: Database.Database, cardIds: readonly number[]): PersonTable[] {
  return sqlite.transaction(() => {
    const byTable = new Map<string, PersonTable & { seen: Set<unknown> }>();
    const add = (label: string, table: string, key: string, rows: StoredRow[]) => {
      let entry = byTable.get(table);
      if (!entry) {
        entry = { label, table, keys: [], columns: columnsOf(sqlite, table), rows: [], seen: new Set() };
        byTable.set(table, entry);
      }
      entry.keys.push(key);
      for (const r of rows) {
        const rowid = r.__rowid;
        if (entry.seen.has(rowid)) continue;
        entry.seen.add(rowid);
        entry.rows.push(r);
      }
    };
    const select = (table: string, column: string, ids: readonly number[], filter?: string) =>
      sqlite
        .prepare(
          `select rowid as __rowid, * from ${quoteId(table)}
           where ${quoteId(column)} in (select value from json_each(?))${filter ? ` and (${filter})` : ''}
           order by rowid`,
        )
        .all(idList(ids)) as StoredRow[];
    const refs = packageReferences(sqlite);
    for (const ref of refs) {
      add(
        referenceRules[ref.key]?.label ?? ref.table,
        ref.table,
        ref.key,
        select(ref.table, ref.column, cardIds),
      );
    }
    for (const child of childRules) {
      const parent = byTable.get(refs.find((r) => r.key === child.parentKey)?.table ?? '');
      if (!parent || child.inPackage === false || !tableExists(sqlite, child.table)) continue;
      const ids = parent.rows.map((r) => Number(r.id));
      add(
        child.label,
        child.table,
        `${child.table}.${child.column}`,
        select(child.table, child.column, ids, child.filter),
      );
    }
    return [...byTable.values()].map(({ seen: _seen, ...t }) => ({
      ...t,
      rows: t.rows.map(({ __rowid: _rowid, ...r }) => r),
    }));
  })();
}
