import type { CapturedRow } from './change-capture';
import type { RecordedShape } from './row-images';

/**
 * What customer_merges.snapshot holds: every row the merge changed, inserted or deleted — anywhere, including
 * whatever regenerating call-backs did — with its image before the merge and right after it.
 * Before-images put the database back; after-images show whether anything was edited since.
 */
export interface MergeSnapshot {
  format: 1;
  survivorId: number;
  mergedId: number;
  takenOver: string[];
  /** Column layout of each table at merge time. */
  tables: Record<string, RecordedShape>;
  rows: CapturedRow[];
  /** Set when the person was anonymised: the rows are gone with their identity, and the merge cannot be undone. */
  erasedAt?: string;
}

export function parseSnapshot(text: string): MergeSnapshot {
  const s = JSON.parse(text) as Partial<MergeSnapshot>;
  if (s.format !== 1 || !Array.isArray(s.rows) || !s.tables) throw new Error('unknown merge snapshot format');
  return s as MergeSnapshot;
}
