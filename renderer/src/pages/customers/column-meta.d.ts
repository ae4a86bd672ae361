import '@tanstack/react-table';
import type { RowData } from '@tanstack/react-table';
import type { CustomerSort } from './customer-sort';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** CSS grid track: every column shrinks together so the list never scrolls sideways. */
    track: string;
    /** The server-side sort this column's header asks for. */
    sortKey?: CustomerSort;
    align?: 'start' | 'end';
  }
}
