import { ReloadOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Alert, Button, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicatePair, DuplicateScanReason } from '../../../../../electron/contract/duplicates';
import { duplicateScanReasons } from '../../../../../electron/contract/duplicates';
import { api } from '../../../api';
import { formatDateTime } from '../../../format/date';
import { errorMessage } from '../../../forms/apply-server-errors';
import { dataCareKeys } from '../data-care-keys';
import { MergeModal } from './merge-modal';
import { PairCustomer } from './pair-customer';

const pageSize = 50;
const reasonColors: Record<DuplicateScanReason, string> = {
  same_id_number: 'red',
  same_mobile: 'volcano',
  same_plate: 'orange',
  similar_name_phone: 'gold',
  same_name_birthday: 'blue',
};

const pairKey = (p: DuplicatePair) => `${p.a.id}:${p.b.id}`;

/** The whole-base scan, strongest evidence first; main keeps the result a few minutes for paging. */
export function DuplicatePairs() {
  const { t } = useTranslation();
  const [reasons, setReasons] = useState<DuplicateScanReason[]>([]);
  const [merging, setMerging] = useState<DuplicatePair | null>(null);
  const queryClient = useQueryClient();
  // Main keeps a scan for a few minutes for paging; opening the page or 重新扫描 asks for a fresh one, so cards
  // entered just now are in it. Only the next first page asks: later pages page that same scan.
  const rescanNext = useRef(true);

  const scan = useInfiniteQuery({
    queryKey: dataCareKeys.scan(reasons),
    queryFn: ({ pageParam }) => {
      const refresh = pageParam === null && rescanNext.current;
      if (refresh) rescanNext.current = false;
      return api.call('customers.duplicateScan', {
        limit: pageSize,
        cursor: pageParam,
        reasons: reasons.length ? reasons : null,
        refresh,
      });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 0,
  });
  const pairs = useMemo(() => scan.data?.pages.flatMap((p) => p.pairs) ?? [], [scan.data]);
  const first = scan.data?.pages[0];

  const rescan = () => {
    rescanNext.current = true;
    void queryClient.resetQueries({ queryKey: dataCareKeys.scan(reasons) });
  };

  const columns: TableColumnsType<DuplicatePair> = [
    {
      key: 'a',
      title: t('dataCare.duplicates.customerA'),
      width: '28%',
      render: (_, p) => <PairCustomer customer={p.a} />,
    },
    {
      key: 'b',
      title: t('dataCare.duplicates.customerB'),
      width: '28%',
      render: (_, p) => <PairCustomer customer={p.b} />,
    },
    {
      key: 'why',
      title: t('dataCare.duplicates.why'),
      render: (_, p) => (
        <ul className="pair-reasons">
          {p.reasons.map((r) => (
            <li key={`${r.reason}-${r.message}`}>
              <Tag color={reasonColors[r.reason]} className="pair-reason-tag">
                {t(`dataCare.duplicates.reason.${r.reason}`)}
              </Tag>
              <span className="pair-reason-text">{r.message}</span>
            </li>
          ))}
        </ul>
      ),
    },
    {
      key: 'actions',
      title: t('dataCare.duplicates.actions'),
      width: 88,
      render: (_, p) => (
        <Button size="small" onClick={() => setMerging(p)}>
          {t('dataCare.duplicates.merge')}
        </Button>
      ),
    },
  ];

  return (
    <div className="data-care-tab-body">
      <div className="pairs-toolbar">
        <Select<DuplicateScanReason[]>
          mode="multiple"
          allowClear
          className="pairs-reasons-select"
          aria-label={t('dataCare.duplicates.reasonsFilter')}
          placeholder={t('dataCare.duplicates.reasonsFilter')}
          value={reasons}
          onChange={setReasons}
          options={duplicateScanReasons.map((r) => ({
            value: r,
            label: t(`dataCare.duplicates.reason.${r}`),
          }))}
          maxTagCount="responsive"
        />
        <Typography.Text type="secondary" className="pairs-summary">
          {scan.isFetching && !scan.isFetchingNextPage
            ? t('dataCare.duplicates.scanning')
            : first
              ? t('dataCare.duplicates.scanned', { count: first.total, at: formatDateTime(first.scannedAt) })
              : null}
        </Typography.Text>
        <Button
          icon={<ReloadOutlined />}
          onClick={rescan}
          loading={scan.isFetching && !scan.isFetchingNextPage}
        >
          {t('dataCare.duplicates.rescan')}
        </Button>
      </div>
      {scan.isError && <Alert type="error" showIcon title={errorMessage(scan.error)} className="tab-alert" />}
      <Table<DuplicatePair>
        rowKey={pairKey}
        size="middle"
        columns={columns}
        dataSource={pairs}
        loading={scan.isPending}
        pagination={false}
        locale={{
          emptyText: reasons.length ? t('dataCare.duplicates.emptyFiltered') : t('dataCare.duplicates.empty'),
        }}
        className="pairs-table"
      />
      {scan.hasNextPage && (
        <div className="load-more">
          <Button onClick={() => void scan.fetchNextPage()} loading={scan.isFetchingNextPage}>
            {t('dataCare.duplicates.loadMore', { shown: pairs.length, total: first?.total ?? 0 })}
          </Button>
        </div>
      )}
      {merging && <MergeModal key={pairKey(merging)} pair={merging} onClose={() => setMerging(null)} />}
    </div>
  );
}
