import type Database from 'better-sqlite3';
import { parseIndexSql, plainColumn } from './index-keys';

/** A table as the merge sees it: its stored columns and how one row is addressed. */
export interface TableShape {
  name: string;
  /** Stored (not generated) columns in table order. */
  columns: string[];
  /** `['rowid']`, or the primary key columns of a WITHOUT ROWID table. */
  keyColumns: string[];
  /** The INTEGER PRIMARY KEY column that is the rowid, if any. */
  rowidAlias: string | null;
}

export interface ForeignKey {
  table: string;
  column: string;
  targetTable: string;
  /** null: the target's primary key. */
  targetColumn: string | null;
}

export interface UniqueKey {
  index: string;
  /** SQL expressions (quoted column names for plain columns). */
  keys: string[];
  /** Plain column name per key, null for expressions. */
  columns: (string | null)[];
  where: string | null;
}

export const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Reads the schema from SQLite itself (table_list, table_xinfo, foreign_key_list, index_list), so tables
 * added by later migrations — complaints, events — are handled without touching the merge.
 */
export class SchemaInfo {
  private shapes: Map<string, TableShape> | null = null;
  private fks: ForeignKey[] | null = null;
  private readonly uniques = new Map<string, UniqueKey[]>();

  constructor(private readonly db: Database.Database) {}

  tables(): TableShape[] {
    if (!this.shapes) {
      this.shapes = new Map();
      const list = this.db
        .prepare(
          `select name, wr from pragma_table_list where schema = 'main' and type = 'table' and name not like 'sqlite\\_%' escape '\\'
           order by name`,
        )
        .all() as { name: string; wr: number }[];
      for (const t of list) this.shapes.set(t.name, this.readShape(t.name, t.wr === 1));
    }
    return [...this.shapes.values()];
  }

  table(name: string): TableShape {
    this.tables();
    const shape = this.shapes!.get(name);
    if (!shape) throw new Error(`no table ${name}`);
    return shape;
  }

  private readShape(name: string, withoutRowid: boolean): TableShape {
    const cols = this.db
      .prepare('select name, type, pk, hidden from pragma_table_xinfo(?) order by cid')
      .all(name) as {
      name: string;
      type: string;
      pk: number;
      hidden: number;
    }[];
    const stored = cols.filter((c) => c.hidden === 0);
    const pk = stored.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    const alias =
      !withoutRowid && pk.length === 1 && pk[0]!.type.toUpperCase() === 'INTEGER' ? pk[0]!.name : null;
    return {
      name,
      columns: stored.map((c) => c.name),
      keyColumns: withoutRowid ? pk.map((c) => c.name) : ['rowid'],
      rowidAlias: alias,
    };
  }

  foreignKeys(): ForeignKey[] {
    if (!this.fks) {
      const out: ForeignKey[] = [];
      for (const t of this.tables()) {
        const rows = this.db
          .prepare(
            'select id, "table" as target, "from" as col, "to" as tcol from pragma_foreign_key_list(?)',
          )
          .all(t.name) as {
          id: number;
          target: string;
          col: string;
          tcol: string | null;
        }[];
        // Composite foreign keys cannot be re-pointed one column at a time; none reference customers.
        const sizes = new Map<number, number>();
        for (const r of rows) sizes.set(r.id, (sizes.get(r.id) ?? 0) + 1);
        for (const r of rows) {
          if (sizes.get(r.id) === 1)
            out.push({ table: t.name, column: r.col, targetTable: r.target, targetColumn: r.tcol });
        }
      }
      this.fks = out;
    }
    return this.fks;
  }

  foreignKeysTo(target: string): ForeignKey[] {
    return this.foreignKeys().filter((f) => f.targetTable === target);
  }

  uniqueKeys(table: string): UniqueKey[] {
    let keys = this.uniques.get(table);
    if (!keys) {
      keys = [];
      const list = this.db
        .prepare('select name, partial from pragma_index_list(?) where "unique" = 1')
        .all(table) as {
        name: string;
        partial: number;
      }[];
      for (const ix of list) {
        const cols = this.db
          .prepare('select cid, name from pragma_index_xinfo(?) where key = 1 order by seqno')
          .all(ix.name) as {
          cid: number;
          name: string | null;
        }[];
        const sql = (
          this.db.prepare('select sql from sqlite_master where name = ?').get(ix.name) as
            { sql: string | null } | undefined
        )?.sql;
        if (cols.every((c) => c.name !== null) && !ix.partial) {
          const names = cols.map((c) => c.name!);
          keys.push({ index: ix.name, keys: names.map(quoteId), columns: names, where: null });
        } else if (sql) {
          const parsed = parseIndexSql(sql);
          keys.push({
            index: ix.name,
            keys: parsed.keys,
            columns: parsed.keys.map(plainColumn),
            where: parsed.where,
          });
        }
      }
      this.uniques.set(table, keys);
    }
    return keys;
  }

  /** The column other tables' foreign keys mean when they name no target column. */
  primaryKeyColumn(table: string): string | null {
    const shape = this.table(table);
    if (shape.rowidAlias) return shape.rowidAlias;
    return shape.keyColumns.length === 1 && shape.keyColumns[0] !== 'rowid' ? shape.keyColumns[0]! : null;
  }
}
