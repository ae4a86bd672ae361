import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { importKinds } from '../../electron/contract/import-kinds';
import { customers } from './customers';
import { users } from './users';

/**
 * A merge keeps a full snapshot of every row it changed or removed, so unmerge can put the database back
 * exactly as it was. Snapshots are JSON: { table: rows[] } before the merge.
 */
export const customerMerges = sqliteTable(
  'customer_merges',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    survivorId: integer('survivor_id')
      .notNull()
      .references(() => customers.id),
    mergedId: integer('merged_id')
      .notNull()
      .references(() => customers.id),
    reason: text('reason'),
    snapshot: text('snapshot').notNull(),
    mergedAt: text('merged_at').notNull(),
    mergedBy: integer('merged_by').references(() => users.id),
    undoneAt: text('undone_at'),
    undoneBy: integer('undone_by').references(() => users.id),
  },
  (t) => [
    index('customer_merges_survivor_idx').on(t.survivorId),
    index('customer_merges_merged_idx').on(t.mergedId),
  ],
);

/** Every import is recorded with what it created and what it overwrote, so it can be reverted. */
export const importBatches = sqliteTable('import_batches', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  fileName: text('file_name').notNull(),
  /** What the file held: customer cards with their cars, or the DMS's repair orders (service visits). */
  kind: text('kind', { enum: importKinds }).notNull().default('customers'),
  status: text('status', { enum: ['applied', 'reverted'] }).notNull(),
  rowCount: integer('row_count').notNull(),
  createdCount: integer('created_count').notNull(),
  updatedCount: integer('updated_count').notNull(),
  skippedCount: integer('skipped_count').notNull(),
  /** JSON: { created: { customers: id[], vehicles: id[], ... }, updated: { customers: row[], vehicles: row[] } } */
  undo: text('undo').notNull(),
  importedAt: text('imported_at').notNull(),
  importedBy: integer('imported_by').references(() => users.id),
  revertedAt: text('reverted_at'),
  revertedBy: integer('reverted_by').references(() => users.id),
});
