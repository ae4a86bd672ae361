import type { ChannelOutput } from '../../contract';
import type { ServiceContext } from '../context';

export function listImports(ctx: ServiceContext, limit: number): ChannelOutput<'imports.list'> {
  const rows = ctx.db.$client
    .prepare(
      `select b.id, b.kind, b.file_name as fileName, b.status, b.row_count as rowCount, b.created_count as createdCount,
         b.updated_count as updatedCount, b.skipped_count as skippedCount, b.imported_at as importedAt,
         i.display_name as importedBy, b.reverted_at as revertedAt, r.display_name as revertedBy
       from import_batches b
       left join users i on i.id = b.imported_by
       left join users r on r.id = b.reverted_by
       order by b.id desc limit ?`,
    )
    .all(limit) as ChannelOutput<'imports.list'>['rows'];
  return { rows };
}
