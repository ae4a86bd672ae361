import { Alert, Button, Empty, Pagination, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueRow } from '../../../../electron/contract/callbacks';
import { useAuth } from '../../auth/use-auth';
import { errorMessage } from '../../forms/apply-server-errors';
import { AssignBar } from './assign-bar';
import { QueueFilters } from './queue-filters';
import { QueueTable } from './queue-table';
import type { QueueFilter, QueueScope } from './use-callback-queue';
import { queuePageSize, tasksInBucket, useCallbackQueue } from './use-callback-queue';

interface QueueViewProps {
  scope: QueueScope;
  filter: QueueFilter;
  onFilterChange: (next: QueueFilter) => void;
  onCall: (customerId: number) => void;
  calling: boolean;
}

/** A queue tab: due range and filters, the calls, and for managers on the team tab the assigning tools. */
export function QueueView({ scope, filter, onFilterChange, onCall, calling }: QueueViewProps) {
  const { t } = useTranslation();
  const { user, can } = useAuth();
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<Map<number, number[]>>(new Map());
  const queue = useCallbackQueue(scope, filter, page);
  const managing = scope === 'team' && can('callbacks.manage');

  const changeFilter = (next: QueueFilter) => {
    setPage(0);
    setSelected(new Map());
    onFilterChange(next);
  };

  const onSelect = (keys: number[], rows: QueueRow[]) => {
    // Rows ticked on other pages are not in `rows`; keep what was known about them.
    const byId = new Map(rows.filter(Boolean).map((r) => [r.customerId, r.tasks.map((task) => task.taskId)]));
    setSelected(new Map(keys.map((k) => [k, byId.get(k) ?? selected.get(k) ?? []])));
  };

  // The empty view names what is empty: this tab, when the other tabs hold tasks; else the whole queue.
  const elsewhere = queue.counts && filter.bucket !== 'all' ? tasksInBucket(queue.counts, 'all') : 0;
  const emptyTitle =
    elsewhere > 0
      ? t('callbacks.queue.emptyBucket', { bucket: t(`callbacks.buckets.${filter.bucket}`) })
      : t(scope === 'mine' ? 'callbacks.queue.emptyMine' : 'callbacks.queue.emptyTeam');
  const emptyHint =
    elsewhere > 0
      ? t('callbacks.queue.emptyBucketHint', { count: elsewhere })
      : t(scope === 'mine' ? 'callbacks.queue.emptyMineHint' : 'callbacks.queue.emptyTeamHint');
  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <div className="cb-empty-title">{emptyTitle}</div>
          <Typography.Text type="secondary">{emptyHint}</Typography.Text>
          {elsewhere > 0 && (
            <div>
              <Button type="link" onClick={() => changeFilter({ ...filter, bucket: 'all' })}>
                {t('callbacks.queue.showAll')}
              </Button>
            </div>
          )}
        </>
      }
    />
  );

  return (
    <div className="cb-queue">
      <div className="cb-queue-toolbar">
        <QueueFilters filter={filter} onChange={changeFilter} counts={queue.counts} />
      </div>
      {managing && <AssignBar selected={selected} filter={filter} onDone={() => setSelected(new Map())} />}
      {queue.error && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(queue.error)}
          action={<Button onClick={queue.refetch}>{t('common.retry')}</Button>}
          className="cb-alert"
        />
      )}
      <QueueTable
        rows={queue.rows}
        today={queue.today}
        loading={queue.isPending || (queue.isFetching && queue.rows.length === 0)}
        selectable={managing}
        selectedKeys={[...selected.keys()]}
        onSelect={onSelect}
        onCall={onCall}
        calling={calling}
        myName={user.displayName}
        empty={empty}
      />
      <div className="cb-queue-footer">
        <Typography.Text type="secondary" title={t('callbacks.queue.totalHint')}>
          {queue.total !== null && queue.counts
            ? t('callbacks.queue.total', {
                count: queue.total,
                tasks: tasksInBucket(queue.counts, filter.bucket),
              })
            : ''}
        </Typography.Text>
        <Pagination
          size="small"
          current={page + 1}
          pageSize={queuePageSize}
          total={queue.total ?? 0}
          onChange={(p) => setPage(p - 1)}
          showSizeChanger={false}
          hideOnSinglePage
        />
      </div>
    </div>
  );
}
