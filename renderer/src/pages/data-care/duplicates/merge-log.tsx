import { useInfiniteQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Alert, Button, Popconfirm, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../../electron/contract';
import { api } from '../../../api';
import { formatDateTime } from '../../../format/date';
import { errorMessage } from '../../../forms/apply-server-errors';
import { dataCareKeys } from '../data-care-keys';
import { CustomerLink } from './customer-link';
import { useUnmerge } from './use-unmerge';

type MergeRow = ChannelOutput<'customers.merges'>['rows'][number];

const pageSize = 50;

/** 合并记录: who merged whom and why; a merge still in force can be undone from here. */
export function MergeLog() {
  const { t } = useTranslation();
  const unmerge = useUnmerge();
  const log = useInfiniteQuery({
    queryKey: dataCareKeys.merges,
    queryFn: ({ pageParam }) => api.call('customers.merges', { limit: pageSize, cursor: pageParam }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const rows = useMemo(() => log.data?.pages.flatMap((p) => p.rows) ?? [], [log.data]);

  const person = (id: number, name: string) => (
    <span className="log-customer">
      <CustomerLink id={id} name={name} />
      <span className="pair-customer-id">{t('dataCare.customerId', { id })}</span>
    </span>
  );

  const columns: TableColumnsType<MergeRow> = [
    {
      key: 'mergedAt',
      title: t('dataCare.duplicates.log.mergedAt'),
      width: 150,
      render: (_, m) => formatDateTime(m.mergedAt),
    },
    {
      key: 'survivor',
      title: t('dataCare.duplicates.log.survivor'),
      render: (_, m) => person(m.survivorId, m.survivorName),
    },
    {
      key: 'merged',
      title: t('dataCare.duplicates.log.merged'),
      render: (_, m) => person(m.mergedId, m.mergedName),
    },
    {
      key: 'reason',
      title: t('dataCare.duplicates.log.reason'),
      ellipsis: { showTitle: true },
      render: (_, m) => m.reason ?? <span className="cell-empty">{t('common.none')}</span>,
    },
    {
      key: 'mergedBy',
      title: t('dataCare.duplicates.log.mergedBy'),
      width: 110,
      ellipsis: true,
      render: (_, m) => m.mergedBy ?? t('common.none'),
    },
    {
      key: 'status',
      title: t('dataCare.duplicates.log.status'),
      width: 250,
      render: (_, m) =>
        m.undoneAt ? (
          <div className="status-with-note">
            <Tag>{t('dataCare.duplicates.log.undone')}</Tag>
            <Typography.Text type="secondary" className="status-note">
              {t('dataCare.duplicates.log.undoneInfo', {
                by: m.undoneBy ?? t('common.none'),
                at: formatDateTime(m.undoneAt),
              })}
            </Typography.Text>
          </div>
        ) : (
          <Tag color="processing">{t('dataCare.duplicates.log.active')}</Tag>
        ),
    },
    {
      key: 'actions',
      title: t('dataCare.duplicates.log.actions'),
      width: 104,
      render: (_, m) =>
        m.undoneAt ? null : (
          <Popconfirm
            title={t('dataCare.duplicates.log.unmergeConfirmTitle')}
            description={<div className="confirm-text">{t('dataCare.duplicates.log.unmergeConfirm')}</div>}
            okText={t('dataCare.duplicates.log.unmerge')}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              unmerge
                .mutateAsync({
                  mergeId: m.id,
                  survivorName: m.survivorName,
                  mergedName: m.mergedName,
                  force: false,
                })
                .catch(() => undefined)
            }
          >
            <Button
              type="link"
              size="small"
              loading={unmerge.isPending && unmerge.variables?.mergeId === m.id}
            >
              {t('dataCare.duplicates.log.unmerge')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <div className="data-care-tab-body">
      {log.isError && <Alert type="error" showIcon title={errorMessage(log.error)} className="tab-alert" />}
      <Table<MergeRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={log.isPending}
        pagination={false}
        locale={{ emptyText: t('dataCare.duplicates.log.empty') }}
        rowClassName={(m) => (m.undoneAt ? 'row-disabled' : '')}
      />
      {log.hasNextPage && (
        <div className="load-more">
          <Button onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
            {t('dataCare.duplicates.log.loadMore')}
          </Button>
        </div>
      )}
    </div>
  );
}
