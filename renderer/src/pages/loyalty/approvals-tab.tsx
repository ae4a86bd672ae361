import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Segmented, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { contract } from '../../../../electron/contract';
import type { ChannelOutput } from '../../../../electron/contract';
import type { AdjustmentState } from '../../../../electron/contract/loyalty-terms';
import { adjustmentStates } from '../../../../electron/contract/loyalty-terms';
import { api } from '../../api';
import { useAuth } from '../../auth/use-auth';
import { errorMessage } from '../../forms/apply-server-errors';
import { formatDateTime } from '../../format/date';
import { FormModal } from '../events/form-modal';
import { formatPoints, formatPointsChange, loyaltyKeys } from './loyalty-keys';

type Adjustment = ChannelOutput<'loyalty.adjustments'>[number];

function DecideModal({
  adjustment: a,
  approve,
  onClose,
}: {
  adjustment: Adjustment;
  approve: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const args = { name: a.customerName, points: formatPointsChange(a.points) };
  return (
    <FormModal
      spec={{
        title: approve ? t('loyalty.approvals.approveTitle', args) : t('loyalty.approvals.rejectTitle', args),
        intro: `${t('loyalty.approvals.reason')}：${a.reason}`,
        schema: contract['loyalty.approveAdjustment'].input,
        defaults: { adjustmentId: a.id, approve, note: '' },
        okText: approve ? t('loyalty.approvals.approve') : t('loyalty.approvals.reject'),
        danger: !approve,
        invalidate: loyaltyKeys.all,
        fields: () => [
          {
            name: 'note',
            label: t('loyalty.approvals.note'),
            widget: {
              kind: 'textarea',
              rows: 2,
              maxLength: 200,
              placeholder: t('loyalty.approvals.notePlaceholder'),
            },
          },
        ],
        run: (v) => api.call('loyalty.approveAdjustment', v),
        done: (result) => {
          const r = result as ChannelOutput<'loyalty.approveAdjustment'>;
          return r.adjustment.state === 'approved'
            ? t('loyalty.approvals.approved', { name: a.customerName, balance: formatPoints(r.balance) })
            : t('loyalty.approvals.rejected');
        },
      }}
      onClose={onClose}
    />
  );
}

/**
 * 积分调整审批: adjustments above the store's size wait here. Main refuses the requester deciding their own,
 * so both buttons are off on one's own request (its title says why).
 */
export function ApprovalsTab() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [state, setState] = useState<AdjustmentState>('pending');
  const [deciding, setDeciding] = useState<{ a: Adjustment; approve: boolean } | null>(null);
  const list = useQuery({
    queryKey: loyaltyKeys.adjustments(state),
    queryFn: () => api.call('loyalty.adjustments', { state }),
    placeholderData: keepPreviousData,
  });
  const columns = useMemo<ColumnsType<Adjustment>>(
    () => [
      {
        title: t('loyalty.approvals.customer'),
        dataIndex: 'customerName',
        width: 140,
        ellipsis: true,
        render: (v: string, r) => <Link to={`/customers/${r.customerId}`}>{v}</Link>,
      },
      {
        title: t('loyalty.approvals.points'),
        dataIndex: 'points',
        width: 100,
        align: 'right',
        render: (v: number) => (
          <span className={v > 0 ? 'points-change is-plus' : 'points-change is-minus'}>
            {formatPointsChange(v)}
          </span>
        ),
      },
      { title: t('loyalty.approvals.reason'), dataIndex: 'reason', ellipsis: true },
      {
        title: t('loyalty.approvals.requestedBy'),
        key: 'requestedBy',
        width: 110,
        render: (_, r) => r.requestedBy?.name ?? '—',
      },
      {
        title: t('loyalty.approvals.requestedAt'),
        dataIndex: 'requestedAt',
        width: 140,
        render: (v: string) => <span className="cell-mono">{formatDateTime(v)}</span>,
      },
      state === 'pending'
        ? {
            title: '',
            key: 'actions',
            width: 150,
            render: (_, r) => (
              <span
                className="member-row-actions"
                title={r.requestedBy?.id === user.id ? t('loyalty.approvals.ownRequest') : undefined}
              >
                <Button
                  size="small"
                  type="link"
                  icon={<CheckOutlined />}
                  disabled={r.requestedBy?.id === user.id}
                  onClick={() => setDeciding({ a: r, approve: true })}
                >
                  {t('loyalty.approvals.approve')}
                </Button>
                <Button
                  size="small"
                  type="link"
                  danger
                  icon={<CloseOutlined />}
                  disabled={r.requestedBy?.id === user.id}
                  onClick={() => setDeciding({ a: r, approve: false })}
                >
                  {t('loyalty.approvals.reject')}
                </Button>
              </span>
            ),
          }
        : {
            title: t('loyalty.approvals.decidedBy'),
            key: 'decided',
            width: 200,
            ellipsis: true,
            render: (_, r) =>
              [r.decidedBy?.name, formatDateTime(r.decidedAt), r.decisionNote].filter(Boolean).join(' · '),
          },
    ],
    [t, state, user.id],
  );
  return (
    <div className="loyalty-tab">
      <div className="loyalty-tab-bar">
        <Segmented<AdjustmentState>
          value={state}
          onChange={setState}
          options={adjustmentStates.map((s) => ({ value: s, label: t(`loyalty.adjustmentStates.${s}`) }))}
          aria-label={t('loyalty.approvals.stateFilter')}
        />
      </div>
      {list.isError && <Typography.Text type="danger">{errorMessage(list.error)}</Typography.Text>}
      <Table<Adjustment>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        tableLayout="fixed"
        locale={{ emptyText: t('loyalty.approvals.empty') }}
        aria-label={t('loyalty.page.tabs.approvals')}
      />
      {deciding && (
        <DecideModal adjustment={deciding.a} approve={deciding.approve} onClose={() => setDeciding(null)} />
      )}
    </div>
  );
}
