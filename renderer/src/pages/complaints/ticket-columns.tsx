import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { TicketRow } from '../../../../electron/contract/complaints';
import { SlaChip } from './sla-chip';
import { StoreTime } from './store-time';
import { GradeBadge, StateTag, TicketFlags } from './ticket-tags';

const text = (value: string | null | undefined, className = 'cell-text') => (
  <span className={className} title={value ?? undefined}>
    {value || '—'}
  </span>
);

/**
 * The ticket list's columns: the deadline first (what to do next), then who and what. Widths are minimums that
 * grow together, so 1280 px needs no sideways scrolling (column-meta.d.ts).
 */
export function ticketColumns(t: TFunction): ColumnDef<TicketRow>[] {
  return [
    {
      id: 'sla',
      header: t('complaints.columns.sla'),
      cell: ({ row }) => <SlaChip row={row.original} />,
      meta: { minWidth: 140, grow: 0.5 },
    },
    {
      id: 'ticketNo',
      header: t('complaints.columns.ticketNo'),
      cell: ({ row }) => text(row.original.ticketNo, 'cell-text cell-mono'),
      meta: { minWidth: 128, grow: 0.2 },
    },
    {
      id: 'grade',
      header: t('complaints.columns.grade'),
      cell: ({ row }) => <GradeBadge grade={row.original.grade} />,
      meta: { minWidth: 48, grow: 0 },
    },
    {
      id: 'state',
      header: t('complaints.columns.state'),
      cell: ({ row }) => <StateTag state={row.original.state} />,
      meta: { minWidth: 88, grow: 0.2 },
    },
    {
      id: 'customer',
      header: t('complaints.columns.customer'),
      cell: ({ row }) => {
        const r = row.original;
        return (
          <span className="cp-customer-cell">
            <span className="cell-text cell-strong" title={r.customer.name}>
              {r.customer.name}
            </span>
            <TicketFlags
              repeat={r.isRepeat}
              manufacturer={r.manufacturerCaseNo !== null}
              vip={r.customer.vip}
            />
          </span>
        );
      },
      meta: { minWidth: 124, grow: 0.7 },
    },
    {
      id: 'mobile',
      header: t('complaints.columns.mobile'),
      // As main sent it: masked for whoever may not see it; the ticket page offers 查看.
      cell: ({ row }) => text(row.original.customer.mobile, 'cell-text cell-mono'),
      meta: { minWidth: 100, grow: 0.1 },
    },
    {
      id: 'category',
      header: t('complaints.columns.category'),
      cell: ({ row }) => text(t(`complaints.categories.${row.original.category}`)),
      meta: { minWidth: 88, grow: 0.3 },
    },
    {
      id: 'summary',
      header: t('complaints.columns.summary'),
      cell: ({ row }) => text(row.original.summary),
      meta: { minWidth: 120, grow: 2 },
    },
    {
      id: 'owner',
      header: t('complaints.columns.owner'),
      cell: ({ row }) => {
        const r = row.original;
        const dept = r.department?.name;
        const owner = r.owner?.name;
        if (!dept && !owner)
          return <span className="cell-text cp-unrouted">{t('complaints.list.unrouted')}</span>;
        return text([dept, owner].filter(Boolean).join(' · '));
      },
      meta: { minWidth: 104, grow: 0.6 },
    },
    {
      id: 'receivedAt',
      header: t('complaints.columns.receivedAt'),
      cell: ({ row }) => <StoreTime iso={row.original.receivedAt} className="cell-text cell-mono" short />,
      meta: { minWidth: 92, grow: 0.1 },
    },
  ];
}
