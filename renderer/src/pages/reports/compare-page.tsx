import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Collapse, Space, Spin, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { useStoreDateTime } from '../settings/use-store-date-time';
import type { PackDifference } from './pack-diff';
import { DiffProvider } from './pack-diff';
import { PackView } from './pack-view';
import { reportKeys } from './report-keys';
import { useReportMonth } from './report-month';
import { noDataText } from './report-text';

const leafText = (v: PackDifference['live']) => (v === null ? noDataText : String(v));

/**
 * The live pack with every figure that differs from the frozen month-end marked (the frozen value beside it),
 * and main's list of differences by path below.
 */
export function ComparePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const storeTime = useStoreDateTime();
  const { month } = useReportMonth();
  const compare = useQuery({
    queryKey: reportKeys.compare(month ?? ''),
    queryFn: () => api.call('reports.compare', { month: month ?? '' }),
    enabled: month !== null,
  });
  const d = compare.data;
  return (
    <div className="rp-page">
      <div className="rp-toolbar">
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/reports/close')}>
            {t('reports.compare.back')}
          </Button>
          <strong>{t('reports.compare.title', { month })}</strong>
        </Space>
      </div>
      {compare.isPending && <Spin />}
      {compare.error && <Alert type="error" showIcon title={errorMessage(compare.error)} />}
      {d && (
        <>
          <Alert
            className="rp-source-note"
            type={d.differences.length === 0 ? 'success' : 'warning'}
            showIcon
            title={
              d.differences.length === 0
                ? t('reports.compare.none')
                : t('reports.compare.count', { count: d.differences.length })
            }
            description={t('reports.frozenNote', {
              revision: d.meta.revision,
              who: d.meta.closedBy.displayName ?? '—',
              time: storeTime(d.meta.closedAt),
            })}
          />
          {d.differences.length > 0 && (
            <Collapse
              className="rp-diff-list"
              size="small"
              items={[
                {
                  key: 'list',
                  label: t('reports.compare.list', { count: d.differences.length }),
                  children: (
                    <Table<PackDifference>
                      size="small"
                      rowKey="path"
                      pagination={{ pageSize: 10, hideOnSinglePage: true }}
                      dataSource={d.differences}
                      columns={[
                        { key: 'path', title: t('reports.compare.columns.path'), dataIndex: 'path' },
                        {
                          key: 'frozen',
                          title: t('reports.compare.columns.frozen'),
                          render: (_, r) => leafText(r.frozen),
                        },
                        {
                          key: 'live',
                          title: t('reports.compare.columns.live'),
                          render: (_, r) => leafText(r.live),
                        },
                      ]}
                    />
                  ),
                },
              ]}
            />
          )}
          <div className="rp-sheet">
            <DiffProvider differences={d.differences}>
              <PackView pack={d.live} />
            </DiffProvider>
          </div>
        </>
      )}
    </div>
  );
}
