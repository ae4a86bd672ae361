import { CaretDownFilled, CaretUpFilled } from '@ant-design/icons';
import type { Header, Row, VisibilityState } from '@tanstack/react-table';
import { flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Spin } from 'antd';
import type { CSSProperties, KeyboardEvent } from 'react';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../../electron/contract/customers';
import { customerColumns } from './customer-columns';
import type { SortState } from './customer-sort';
import { firstDirection } from './customer-sort';

/** Fixed height: the virtualizer then knows every row's position without measuring. */
export const customerRowHeight = 40;
/** Ask for the next page this many rows before the end, so a steady scroll never hits the bottom. */
const prefetchRows = 40;

interface CustomerGridProps {
  rows: CustomerRow[];
  total: number | null;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  sort: SortState;
  onSortChange: (next: SortState) => void;
  /** A just-created customer, briefly marked so the eye finds it. */
  highlightId?: number | null;
  columnVisibility: VisibilityState;
  /** Click or Enter on a row. */
  onOpen: (customerId: number) => void;
  /** Old rows shown while a new filter loads. */
  stale?: boolean;
  /** Where to scroll once the rows are there (returning to the list); 0 for the top. */
  initialScrollTop?: number;
  /** The scroll position as the user moves, to be restored on return. */
  onScrollTop?: (top: number) => void;
}

/** Only the rows in view exist in the DOM, so 200,000 customers scroll like 50. */
export function CustomerGrid(props: CustomerGridProps) {
  const { rows, hasNextPage, isFetchingNextPage, fetchNextPage, sort, onSortChange } = props;
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const { columnVisibility, onOpen } = props;
  const allColumns = useMemo(() => customerColumns(t), [t]);
  const columns = useMemo(
    () => allColumns.filter((c) => columnVisibility[c.id ?? ''] !== false),
    [allColumns, columnVisibility],
  );
  const template = useMemo(
    () => columns.map((c) => `minmax(${c.meta?.minWidth ?? 80}px, ${c.meta?.grow ?? 1}fr)`).join(' '),
    [columns],
  );
  const minWidth = useMemo(() => columns.reduce((sum, c) => sum + (c.meta?.minWidth ?? 80), 0), [columns]);
  // The keyboard's row: arrows move it, Enter opens it. Null until the user starts using the keys.
  const [activeIndex, setActiveIndex] = useState<number | null>(null);

  // The build does not run the React Compiler, and the table object is read afresh on every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    // Sorting happens in main over the whole table, never over the pages loaded so far.
    manualSorting: true,
    getRowId: (r) => String(r.id),
  });
  const tableRows = table.getRowModel().rows;

  const virtualizer = useVirtualizer({
    count: hasNextPage ? tableRows.length + 1 : tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => customerRowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1]!.index : -1;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= tableRows.length - prefetchRows)
      void fetchNextPage();
  }, [lastIndex, tableRows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  // Returning to the list: scroll back to where it was, loading more pages until the rows reach that far.
  const pendingScroll = useRef(props.initialScrollTop ?? 0);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const target = pendingScroll.current;
    if (!el || !target) return;
    el.scrollTop = target;
    if (el.scrollTop >= target - 1 || !hasNextPage) pendingScroll.current = 0;
  }, [tableRows.length, hasNextPage]);

  const gridStyle: CSSProperties = { gridTemplateColumns: template };
  const headerGroup = table.getHeaderGroups()[0];

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(index, tableRows.length - 1));
    setActiveIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / customerRowHeight) - 2);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || tableRows.length === 0) return;
    const current = activeIndex ?? -1;
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: Math.max(current - 1, 0),
      PageDown: current + pageRows,
      PageUp: Math.max(current - pageRows, 0),
      Home: 0,
      End: tableRows.length - 1,
    };
    if (e.key in moves) {
      e.preventDefault();
      moveTo(moves[e.key]!);
    } else if (e.key === 'Enter' && activeIndex !== null) {
      const row = tableRows[activeIndex];
      if (row) {
        e.preventDefault();
        onOpen(row.original.id);
      }
    }
  };

  return (
    <div
      ref={scrollRef}
      className={`customer-grid${props.stale ? ' is-stale' : ''}`}
      role="table"
      aria-label={t('customers.gridLabel')}
      aria-rowcount={props.total === null ? -1 : props.total + 1}
      // Focusable so arrow keys move through the rows and Enter opens one, without a mouse.
      tabIndex={0}
      onKeyDown={onKeyDown}
      onScroll={(e) => {
        if (!pendingScroll.current) props.onScrollTop?.(e.currentTarget.scrollTop);
      }}
      aria-busy={props.stale || undefined}
    >
      <div role="rowgroup" className="customer-grid-head" style={{ minWidth }}>
        <div
          role="row"
          aria-rowindex={1}
          className="customer-grid-row customer-grid-header-row"
          style={gridStyle}
        >
          {headerGroup?.headers.map((h) => (
            <HeaderCell key={h.id} header={h} sort={sort} onSortChange={onSortChange} />
          ))}
        </div>
      </div>
      <div
        role="rowgroup"
        className="customer-grid-body"
        style={{ height: virtualizer.getTotalSize(), minWidth }}
      >
        {items.map((item) => {
          const row = tableRows[item.index];
          if (!row) {
            const style: CSSProperties = { ...gridStyle, transform: `translateY(${item.start}px)` };
            return (
              <div key="loader" role="row" className="customer-grid-row customer-grid-loader" style={style}>
                <div role="cell">
                  <Spin size="small" />{' '}
                  <span className="customer-grid-loader-text">{t('customers.loadMore')}</span>
                </div>
              </div>
            );
          }
          return (
            <BodyRow
              key={row.id}
              row={row}
              index={item.index}
              start={item.start}
              template={template}
              highlighted={row.original.id === props.highlightId}
              active={item.index === activeIndex}
              onOpen={onOpen}
            />
          );
        })}
      </div>
    </div>
  );
}

interface HeaderCellProps {
  header: Header<CustomerRow, unknown>;
  sort: SortState;
  onSortChange: (next: SortState) => void;
}

function HeaderCell({ header, sort, onSortChange }: HeaderCellProps) {
  const label = flexRender(header.column.columnDef.header, header.getContext());
  const title =
    typeof header.column.columnDef.header === 'string' ? header.column.columnDef.header : undefined;
  const sortKey = header.column.columnDef.meta?.sortKey;
  if (!sortKey) {
    return (
      <div role="columnheader" className="customer-grid-cell customer-grid-th">
        <span className="cell-text" title={title}>
          {label}
        </span>
      </div>
    );
  }
  const active = sort.sort === sortKey;
  const next: SortState = active
    ? { sort: sortKey, direction: sort.direction === 'asc' ? 'desc' : 'asc' }
    : { sort: sortKey, direction: firstDirection[sortKey] };
  return (
    <div
      role="columnheader"
      aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
      className="customer-grid-cell customer-grid-th"
    >
      <button
        type="button"
        className={`customer-grid-sort${active ? ' is-active' : ''}`}
        onClick={() => onSortChange(next)}
        title={title}
      >
        <span className="cell-text">{label}</span>
        <span className="customer-grid-sort-icons" aria-hidden="true">
          <CaretUpFilled className={active && sort.direction === 'asc' ? 'is-on' : undefined} />
          <CaretDownFilled className={active && sort.direction === 'desc' ? 'is-on' : undefined} />
        </span>
      </button>
    </div>
  );
}

interface BodyRowProps {
  row: Row<CustomerRow>;
  index: number;
  start: number;
  template: string;
  highlighted: boolean;
  active: boolean;
  onOpen: (customerId: number) => void;
}

/** Memoised on plain props: while scrolling only the rows entering the view render, not all thirty. */
const BodyRow = memo(function BodyRow(props: BodyRowProps) {
  const { row, index, start, template, highlighted, active, onOpen } = props;
  const style: CSSProperties = { gridTemplateColumns: template, transform: `translateY(${start}px)` };
  const classes = ['customer-grid-row', 'customer-grid-body-row'];
  if (index % 2) classes.push('is-odd');
  if (highlighted) classes.push('is-new');
  if (active) classes.push('is-active');
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={active || undefined}
      className={classes.join(' ')}
      style={style}
      data-customer-id={row.original.id}
      onClick={() => onOpen(row.original.id)}
    >
      {row.getVisibleCells().map((cell) => (
        <div key={cell.id} role="cell" className="customer-grid-cell">
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </div>
      ))}
    </div>
  );
});
