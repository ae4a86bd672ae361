import '@tanstack/react-table';
import type { RowData } from '@tanstack/react-table';
import type { CustomerSort } from './customer-sort';

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Narrowest useful width in px; below the sum of these the list scrolls sideways instead of clipping. */
    minWidth: number;
    /** Share of the remaining width: every column grows together, so 1280 px needs no sideways scrolling. */
    grow: number;
    /** The server-side sort this column's header asks for. */
    sortKey?: CustomerSort;
    align?: 'start' | 'end';
  }
}
