import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Alert, Button, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  SubjectRequestKind,
  SubjectRequestRow,
  SubjectRequestState,
} from '../../../../electron/contract/subject-requests';
import { subjectRequestKinds } from '../../../../electron/contract/subject-requests';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { DeadlineCell } from './deadline-cell';
import { NewRequestDrawer } from './new-request-drawer';
import { RequestDetailDrawer } from './request-detail-drawer';
import { requestListKey } from './requests-keys';
import { StateTag } from './state-tag';
import './requests.css';

type Scope = 'active' | 'overdue' | 'closed' | 'all';
const scopeStates: Record<Scope, SubjectRequestState[] | undefined> = {
  active: ['open', 'in_progress'],
  overdue: ['open', 'in_progress'],
  closed: ['done', 'refused'],
  all: undefined,
};

function Count({ label, value, tone }: { label: string; value: number; tone?: 'danger' | 'warning' }) {
  return (
    <div className={`request-count${tone && value > 0 ? ` request-count-${tone}` : ''}`}>
      <span className="request-count-value">{value}</span>
      <span className="request-count-label">{label}</span>
    </div>
  );
}

/**
 * 权利请求台: the data-subject requests of the store, open work first by deadline, overdue ones marked red.
 * Each opens in a drawer with the actions its kind needs (data package, anonymisation, refusal with reason).
 */
export function RequestsTab() {
  const { t } = useTranslation();
  const [scope, setScope] = useState<Scope>('active');
  const [kind, setKind] = useState<SubjectRequestKind | undefined>();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const filter = { states: scopeStates[scope], kind, overdueOnly: scope === 'overdue' || undefined };
  const list = useQuery({
    queryKey: requestListKey(filter),
    queryFn: () => api.call('subjectRequests.list', filter),
  });
  const counts = list.data?.counts;

  const columns: TableColumnsType<SubjectRequestRow> = [
    {
      key: 'id',
      title: t('subjectRequests.columns.id'),
      width: 80,
      // A real button, so the keyboard reaches the request too (the whole row also opens it on click).
      render: (_, r) => (
        <Button
          type="link"
          size="small"
          className="request-open"
          onClick={(e) => {
            e.stopPropagation();
            setOpenId(r.id);
          }}
        >
          #{r.id}
        </Button>
      ),
    },
    {
      key: 'customer',
      title: t('subjectRequests.columns.customer'),
      render: (_, r) => (
        <Space size={6}>
          <span className="request-customer">{r.customerName}</span>
          {r.customerErased && <Tag>{t('subjectRequests.erased')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'kind',
      title: t('subjectRequests.columns.kind'),
      width: 110,
      render: (_, r) => t(`subjectRequests.kinds.${r.kind}`),
    },
    {
      key: 'channel',
      title: t('subjectRequests.columns.channel'),
      width: 100,
      responsive: ['xl'],
      render: (_, r) => t(`subjectRequests.channels.${r.channel}`),
    },
    {
      key: 'receivedOn',
      title: t('subjectRequests.columns.receivedOn'),
      width: 116,
      dataIndex: 'receivedOn',
    },
    {
      key: 'deadline',
      title: t('subjectRequests.columns.deadline'),
      width: 210,
      render: (_, r) => <DeadlineCell row={r} />,
    },
    {
      key: 'state',
      title: t('subjectRequests.columns.state'),
      width: 96,
      render: (_, r) => <StateTag state={r.state} />,
    },
    {
      key: 'handler',
      title: t('subjectRequests.columns.handler'),
      width: 120,
      render: (_, r) =>
        r.handler?.name ?? (
          <Typography.Text type="secondary">{t('subjectRequests.unassigned')}</Typography.Text>
        ),
    },
  ];

  return (
    <div className="requests-desk">
      <Typography.Paragraph type="secondary" className="requests-intro">
        {t('subjectRequests.intro')}
      </Typography.Paragraph>
      <div className="request-counts" aria-live="polite">
        <Count label={t('subjectRequests.counts.open')} value={counts?.open ?? 0} />
        <Count label={t('subjectRequests.counts.inProgress')} value={counts?.inProgress ?? 0} />
        <Count label={t('subjectRequests.counts.overdue')} value={counts?.overdue ?? 0} tone="danger" />
        <Count label={t('subjectRequests.counts.dueSoon')} value={counts?.dueSoon ?? 0} tone="warning" />
      </div>
      <div className="tab-toolbar requests-toolbar">
        <Space wrap>
          <Segmented<Scope>
            aria-label={t('subjectRequests.filters.label')}
            value={scope}
            onChange={setScope}
            options={(['active', 'overdue', 'closed', 'all'] as const).map((s) => ({
              value: s,
              label: t(`subjectRequests.filters.${s}`),
            }))}
          />
          <Select<SubjectRequestKind>
            aria-label={t('subjectRequests.filters.kind')}
            allowClear
            placeholder={t('subjectRequests.filters.allKinds')}
            value={kind}
            onChange={setKind}
            className="requests-kind-filter"
            options={subjectRequestKinds.map((k) => ({ value: k, label: t(`subjectRequests.kinds.${k}`) }))}
          />
        </Space>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()}>
            {t('subjectRequests.refresh')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('subjectRequests.create')}
          </Button>
        </Space>
      </div>
      {list.isError && <Alert type="error" showIcon title={errorMessage(list.error)} className="tab-alert" />}
      <Table<SubjectRequestRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.rows ?? []}
        loading={list.isPending}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('subjectRequests.empty') }}
        rowClassName={(r) =>
          `request-row${r.overdue ? ' request-row-overdue' : r.dueSoon ? ' request-row-due-soon' : ''}`
        }
        onRow={(r) => ({ onClick: () => setOpenId(r.id) })}
      />
      <NewRequestDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(r) => setOpenId(r.id)}
      />
      <RequestDetailDrawer requestId={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
