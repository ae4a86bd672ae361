import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PostingRow } from '../../../../electron/contract/loyalty';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { formatDate } from '../../format/date';
import { formatPointsChange, loyaltyKeys } from '../loyalty/loyalty-keys';

const pageSize = 20;

/**
 * The ledger, newest first, a page at a time. The channel pages by cursor (the last id seen), so the table keeps
 * the cursors it has passed to step back; a posting made meanwhile shows on the first page.
 */
export function LedgerTable({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const [cursors, setCursors] = useState<(number | null)[]>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const page = useQuery({
    queryKey: loyaltyKeys.ledger(customerId, cursor),
    queryFn: () => api.call('loyalty.ledger', { customerId, cursor, limit: pageSize }),
    placeholderData: keepPreviousData,
  });
  const columns = useMemo<ColumnsType<PostingRow>>(
    () => [
      {
        title: t('loyalty.ledger.date'),
        dataIndex: 'postedOn',
        width: 104,
        render: (v: string) => <span className="cell-mono">{formatDate(v)}</span>,
      },
      {
        title: t('loyalty.ledger.kind'),
        dataIndex: 'kind',
        width: 64,
        render: (v: PostingRow['kind']) => t(`loyalty.kinds.${v}`),
      },
      {
        title: t('loyalty.ledger.source'),
        dataIndex: 'source',
        width: 92,
        render: (v: PostingRow['source']) => t(`loyalty.sources.${v}`),
      },
      {
        title: t('loyalty.ledger.points'),
        dataIndex: 'points',
        width: 84,
        align: 'right',
        render: (v: number) => (
          <span className={v > 0 ? 'points-change is-plus' : 'points-change is-minus'}>
            {formatPointsChange(v)}
          </span>
        ),
      },
      {
        title: t('loyalty.ledger.who'),
        key: 'who',
        width: 112,
        ellipsis: true,
        render: (_, r) => (
          <span>
            {r.createdBy?.name ?? t('loyalty.ledger.system')}
            {r.approvedBy && (
              <span className="member-sub">
                {' '}
                · {t('loyalty.ledger.approvedBy', { name: r.approvedBy.name })}
              </span>
            )}
          </span>
        ),
      },
      {
        title: t('loyalty.ledger.reason'),
        key: 'reason',
        ellipsis: true,
        render: (_, r) => {
          const note = [r.reason, r.expiresOn ? t('loyalty.ledger.expires', { date: r.expiresOn }) : null]
            .filter(Boolean)
            .join(' · ');
          return <span title={note}>{note || '—'}</span>;
        },
      },
    ],
    [t],
  );
  if (page.isError) return <Typography.Text type="danger">{errorMessage(page.error)}</Typography.Text>;
  const next = page.data?.nextCursor ?? null;
  return (
    <div className="member-ledger">
      <Table<PostingRow>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={page.data?.rows ?? []}
        loading={page.isFetching}
        pagination={false}
        tableLayout="fixed"
        locale={{ emptyText: t('loyalty.ledger.empty') }}
        aria-label={t('loyalty.member.tabs.ledger')}
      />
      {(cursors.length > 1 || next !== null) && (
        <div className="member-pager">
          <Button
            size="small"
            disabled={cursors.length <= 1}
            onClick={() => setCursors((c) => c.slice(0, -1))}
          >
            {t('loyalty.ledger.prev')}
          </Button>
          <span>{t('loyalty.ledger.page', { page: cursors.length })}</span>
          <Button size="small" disabled={next === null} onClick={() => setCursors((c) => [...c, next])}>
            {t('loyalty.ledger.next')}
          </Button>
        </div>
      )}
    </div>
  );
}
