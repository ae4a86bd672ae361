import type { Row } from '@tanstack/react-table';
import { flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Spin } from 'antd';
import type { CSSProperties, KeyboardEvent, ReactNode, Ref } from 'react';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketRow } from '../../../../electron/contract/complaints';
import { ticketColumns } from './ticket-columns';

/** Fixed height: the virtualizer knows every row's place without measuring. */
const rowHeight = 40;
const prefetchRows = 30;

interface TicketGridProps {
  rows: TicketRow[];
  total: number | null;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  onOpen: (ticketId: number) => void;
  stale: boolean;
  empty: ReactNode;
  gridRef?: Ref<HTMLDivElement>;
}

/**
 * The ticket list: only the rows in view exist in the DOM. Keyboard first: j/k or the arrows move the marked
 * row, Enter opens it, Home/End and PageUp/PageDown jump.
 */
export function TicketGrid(props: TicketGridProps) {
  const { rows, hasNextPage, isFetchingNextPage, fetchNextPage, onOpen } = props;
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const columns = useMemo(() => ticketColumns(t), [t]);
  const template = useMemo(
    () => columns.map((c) => `minmax(${c.meta?.minWidth ?? 80}px, ${c.meta?.grow ?? 1}fr)`).join(' '),
    [columns],
  );
  const minWidth = useMemo(() => columns.reduce((sum, c) => sum + (c.meta?.minWidth ?? 80), 0), [columns]);
  const [activeIndex, setActiveIndex] = useState<number | null>(null);

  // eslint-disable-next-line react-hooks/incompatible-library -- read afresh each render, no compiler here
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    getRowId: (r) => String(r.id),
  });
  const tableRows = table.getRowModel().rows;

  const virtualizer = useVirtualizer({
    count: hasNextPage ? tableRows.length + 1 : tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1]!.index : -1;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= tableRows.length - prefetchRows)
      void fetchNextPage();
  }, [lastIndex, tableRows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(index, tableRows.length - 1));
    setActiveIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 2);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || tableRows.length === 0 || e.ctrlKey || e.metaKey || e.altKey) return;
    const current = activeIndex ?? -1;
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      j: current + 1,
      ArrowUp: Math.max(current - 1, 0),
      k: Math.max(current - 1, 0),
      PageDown: current + pageRows,
      PageUp: Math.max(current - pageRows, 0),
      Home: 0,
      End: tableRows.length - 1,
    };
    if (e.key in moves) {
      e.preventDefault();
      moveTo(moves[e.key]!);
    } else if ((e.key === 'Enter' || e.key === 'o') && activeIndex !== null) {
      const row = tableRows[activeIndex];
      if (row) {
        e.preventDefault();
        onOpen(row.original.id);
      }
    }
  };

  const gridStyle: CSSProperties = { gridTemplateColumns: template };
  const headers = table.getHeaderGroups()[0]?.headers ?? [];

  return (
    <div
      ref={(el) => {
        scrollRef.current = el;
        if (typeof props.gridRef === 'function') props.gridRef(el);
        else if (props.gridRef) props.gridRef.current = el;
      }}
      className={`cp-grid${props.stale ? ' is-stale' : ''}`}
      role="table"
      aria-label={t('complaints.list.gridLabel')}
      aria-rowcount={props.total === null ? -1 : props.total + 1}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (activeIndex === null && tableRows.length > 0) setActiveIndex(0);
      }}
      aria-busy={props.stale || undefined}
    >
      <div role="rowgroup" className="cp-grid-head" style={{ minWidth }}>
        <div role="row" aria-rowindex={1} className="cp-grid-row cp-grid-header-row" style={gridStyle}>
          {headers.map((h) => (
            <div key={h.id} role="columnheader" className="cp-grid-cell cp-grid-th">
              <span className="cell-text">{flexRender(h.column.columnDef.header, h.getContext())}</span>
            </div>
          ))}
        </div>
      </div>
      {tableRows.length === 0 && !hasNextPage ? (
        <div className="cp-grid-empty">{props.empty}</div>
      ) : (
        <div
          role="rowgroup"
          className="cp-grid-body"
          style={{ height: virtualizer.getTotalSize(), minWidth }}
        >
          {items.map((item) => {
            const row = tableRows[item.index];
            if (!row) {
              return (
                <div
                  key="loader"
                  role="row"
                  className="cp-grid-row cp-grid-loader"
                  style={{ ...gridStyle, transform: `translateY(${item.start}px)` }}
                >
                  <div role="cell">
                    <Spin size="small" />{' '}
                    <span className="cp-grid-loader-text">{t('complaints.list.loadMore')}</span>
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
                active={item.index === activeIndex}
                onOpen={onOpen}
              />
            );
          })}
        </div>
      )}
    </div>
  );
}

interface BodyRowProps {
  row: Row<TicketRow>;
  index: number;
  start: number;
  template: string;
  active: boolean;
  onOpen: (id: number) => void;
}

const BodyRow = memo(function BodyRow({ row, index, start, template, active, onOpen }: BodyRowProps) {
  const r = row.original;
  // Only open work gets the warning edge; a closed ticket's chip still says how it did.
  const classes = ['cp-grid-row', 'cp-grid-body-row', r.closedAt ? 'is-closed' : `is-sla-${r.sla.state}`];
  if (index % 2) classes.push('is-odd');
  if (active) classes.push('is-active');
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={active || undefined}
      className={classes.join(' ')}
      style={{ gridTemplateColumns: template, transform: `translateY(${start}px)` }}
      data-ticket-id={r.id}
      onClick={() => onOpen(r.id)}
    >
      {row.getVisibleCells().map((cell) => (
        <div key={cell.id} role="cell" className="cp-grid-cell">
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </div>
      ))}
    </div>
  );
});
