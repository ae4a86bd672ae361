import { Button, Empty, Space, Spin, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { SnapshotMeta } from '../../../../electron/contract/reports';
import { useStoreDateTime } from '../settings/use-store-date-time';
import { useClosedMonths } from './use-report-data';

type Row = SnapshotMeta & { closings: number };

/** 月结: the months closed so far, newest first, each with its latest closing; open one or compare it. */
export function ClosingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const storeTime = useStoreDateTime();
  const closed = useClosedMonths();
  const col = (k: string) => t(`reports.closings.columns.${k}` as 'reports.closings.columns.month');
  if (closed.isPending) return <Spin />;
  return (
    <div className="rp-page">
      <Table<Row>
        size="middle"
        rowKey="month"
        pagination={false}
        dataSource={closed.data?.rows ?? []}
        locale={{ emptyText: <Empty description={t('reports.closings.empty')} /> }}
        columns={[
          { key: 'month', title: col('month'), dataIndex: 'month' },
          { key: 'revision', title: col('revision'), dataIndex: 'revision', align: 'right' },
          { key: 'closedAt', title: col('closedAt'), render: (_, r) => storeTime(r.closedAt) },
          { key: 'closedBy', title: col('closedBy'), render: (_, r) => r.closedBy.displayName ?? '—' },
          { key: 'reason', title: col('reason'), render: (_, r) => r.reason ?? '—' },
          { key: 'closings', title: col('closings'), dataIndex: 'closings', align: 'right' },
          {
            key: 'actions',
            title: col('actions'),
            render: (_, r) => (
              <Space>
                <Button size="small" onClick={() => void navigate(`/reports/pack?month=${r.month}`)}>
                  {t('reports.closings.open')}
                </Button>
                <Button size="small" onClick={() => void navigate(`/reports/close/compare?month=${r.month}`)}>
                  {t('reports.closings.compare')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
