import type Database from 'better-sqlite3';
import type { RecordedShape, RowImage, RowKey } from './row-images';
import { imageSql, keySelectSql, readImage } from './row-images';
import type { SchemaInfo, TableShape } from './schema-info';
import { quoteId } from './schema-info';

/** One row the merge touched: how it was before (null: it did not exist) and right after. */
export interface CapturedRow {
  table: string;
  key: RowKey;
  before: RowImage | null;
  after: RowImage | null;
}

const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Records the first image of every row changed while it runs, through temporary triggers on every table.
 * The merge's own statements, cascades, the name-gram triggers and whatever regenerating call-backs does are
 * all seen, so the undo can be exact without the merge knowing about every table. Temporary triggers live on
 * this connection only and inside the merge's transaction, so no other request ever runs with them.
 */
export class ChangeCapture {
  private readonly watched: TableShape[];
  private active = false;

  constructor(
    private readonly db: Database.Database,
    schema: SchemaInfo,
    /** Tables not to watch: the merge log itself, and tables derived by triggers from watched ones. */
    skip: ReadonlySet<string>,
  ) {
    this.watched = schema.tables().filter((t) => !skip.has(t.name));
  }

  start(): void {
    const statements = [
      'create temp table merge_capture (seq integer primary key, tbl text not null, k text not null, img text)',
    ];
    this.watched.forEach((t, i) => {
      const on = `main.${quoteId(t.name)}`;
      const name = sqlText(t.name);
      const oldKey = `json_array(${keySelectSql(t, 'old.')})`;
      const newKey = `json_array(${keySelectSql(t, 'new.')})`;
      const put = 'insert into temp.merge_capture (tbl, k, img)';
      statements.push(
        `create temp trigger merge_capture_${i}_i after insert on ${on} begin
           ${put} values (${name}, ${newKey}, null);
         end`,
        // A key that changes leaves the old key gone and a new key that did not exist before.
        `create temp trigger merge_capture_${i}_u after update on ${on} begin
           ${put} values (${name}, ${oldKey}, ${imageSql(t.columns, 'old.')});
           ${put} select ${name}, ${newKey}, null where ${newKey} <> ${oldKey};
         end`,
        `create temp trigger merge_capture_${i}_d after delete on ${on} begin
           ${put} values (${name}, ${oldKey}, ${imageSql(t.columns, 'old.')});
         end`,
      );
    });
    this.active = true;
    for (const sql of statements) this.db.prepare(sql).run();
  }

  /** The touched rows, each with its first (pre-merge) image and its image now; unchanged rows are left out. */
  finish(): { rows: CapturedRow[]; shapes: Record<string, RecordedShape> } {
    const first = this.db
      .prepare(
        `select tbl, k, img from temp.merge_capture
         where seq in (select min(seq) from temp.merge_capture group by tbl, k) order by seq`,
      )
      .all() as { tbl: string; k: string; img: string | null }[];
    const byName = new Map(this.watched.map((t) => [t.name, t]));
    const rows: CapturedRow[] = [];
    const shapes: Record<string, RecordedShape> = {};
    for (const r of first) {
      const shape = byName.get(r.tbl)!;
      const key = JSON.parse(r.k) as RowKey;
      const after = readImage(this.db, r.tbl, shape, key);
      if (after === r.img) continue;
      shapes[r.tbl] ??= {
        columns: shape.columns,
        keyColumns: shape.keyColumns,
        rowidAlias: shape.rowidAlias,
      };
      rows.push({
        table: r.tbl,
        key,
        before: r.img === null ? null : (JSON.parse(r.img) as RowImage),
        after: after === null ? null : (JSON.parse(after) as RowImage),
      });
    }
    return { rows, shapes };
  }

  stop(): void {
    if (!this.active) return;
    this.active = false;
    this.watched.forEach((_, i) => {
      for (const op of ['i', 'u', 'd'])
        this.db.prepare(`drop trigger if exists temp.merge_capture_${i}_${op}`).run();
    });
    this.db.prepare('drop table if exists temp.merge_capture').run();
  }
}
