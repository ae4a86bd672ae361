import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../electron/contract';
import type { RewardRow } from '../../../../electron/contract/loyalty';
import { rewardKinds } from '../../../../electron/contract/loyalty-terms';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { FormModal } from '../events/form-modal';
import { integerWidget } from '../events/integer-widget';
import { formatPoints, loyaltyKeys } from './loyalty-keys';

const schema = contract['loyalty.saveReward'].input;

/** The form of a reward, new (no row) or a copy of one at its version. */
function RewardModal({ reward, onClose }: { reward: RewardRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const defaults = reward
    ? {
        id: reward.id,
        version: reward.version,
        name: reward.name,
        kind: reward.kind,
        pointsPrice: reward.pointsPrice,
        stock: reward.stock,
        active: reward.active,
        description: reward.description ?? '',
      }
    : {
        name: '',
        kind: 'gift' as const,
        pointsPrice: undefined as unknown as number,
        stock: null,
        active: true,
        description: '',
      };
  return (
    <FormModal
      spec={{
        title: reward ? t('loyalty.rewards.edit') : t('loyalty.rewards.add'),
        schema,
        defaults,
        okText: t('common.save'),
        invalidate: loyaltyKeys.all,
        fields: () => [
          {
            name: 'name',
            label: t('loyalty.rewards.name'),
            required: true,
            span: 16,
            widget: { kind: 'text', maxLength: 60 },
          },
          {
            name: 'kind',
            label: t('loyalty.rewards.kind'),
            required: true,
            span: 8,
            widget: {
              kind: 'select',
              options: rewardKinds.map((k) => ({ value: k, label: t(`loyalty.rewardKinds.${k}`) })),
            },
          },
          {
            name: 'pointsPrice',
            label: t('loyalty.rewards.price'),
            required: true,
            span: 8,
            widget: integerWidget(1, 10_000_000),
          },
          {
            name: 'stock',
            label: t('loyalty.rewards.stock'),
            span: 8,
            extra: t('loyalty.rewards.stockHint'),
            widget: integerWidget(0, 1_000_000, t('loyalty.rewards.unlimited')),
          },
          {
            name: 'active',
            label: t('loyalty.rewards.active'),
            span: 8,
            widget: { kind: 'yesNo', yes: t('loyalty.rewards.activeOn'), no: t('loyalty.rewards.activeOff') },
          },
          {
            name: 'description',
            label: t('loyalty.rewards.description'),
            widget: { kind: 'textarea', rows: 2, maxLength: 500 },
          },
        ],
        run: (v) => api.call('loyalty.saveReward', v),
        done: t('loyalty.rewards.saved'),
      }}
      onClose={onClose}
    />
  );
}

/** 礼品目录: what members can redeem and for how many points; withdrawn ones stay listed for old vouchers. */
export function RewardsTab() {
  const { t } = useTranslation();
  const [includeInactive, setIncludeInactive] = useState(true);
  const [editing, setEditing] = useState<RewardRow | 'new' | null>(null);
  const list = useQuery({
    queryKey: loyaltyKeys.rewards(includeInactive),
    queryFn: () => api.call('loyalty.rewards', { includeInactive }),
    placeholderData: keepPreviousData,
  });
  const columns = useMemo<ColumnsType<RewardRow>>(
    () => [
      { title: t('loyalty.rewards.name'), dataIndex: 'name', ellipsis: true, width: 220 },
      {
        title: t('loyalty.rewards.kind'),
        dataIndex: 'kind',
        width: 100,
        render: (v: RewardRow['kind']) => t(`loyalty.rewardKinds.${v}`),
      },
      {
        title: t('loyalty.rewards.price'),
        dataIndex: 'pointsPrice',
        width: 100,
        align: 'right',
        render: (v: number) => formatPoints(v),
      },
      {
        title: t('loyalty.rewards.stock'),
        dataIndex: 'stock',
        width: 90,
        align: 'right',
        render: (v: number | null) => (v === null ? t('loyalty.rewards.unlimited') : formatPoints(v)),
      },
      {
        title: t('loyalty.rewards.active'),
        dataIndex: 'active',
        width: 90,
        render: (v: boolean) =>
          v ? (
            <Tag color="green">{t('loyalty.rewards.activeOn')}</Tag>
          ) : (
            <Tag>{t('loyalty.rewards.activeOff')}</Tag>
          ),
      },
      {
        title: t('loyalty.rewards.description'),
        dataIndex: 'description',
        ellipsis: true,
        render: (v: string | null) => v ?? '—',
      },
      {
        title: t('loyalty.rewards.actions'),
        key: 'actions',
        width: 90,
        render: (_, r) => (
          <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(r)}>
            {t('loyalty.rewards.edit')}
          </Button>
        ),
      },
    ],
    [t],
  );
  return (
    <div className="loyalty-tab">
      <div className="loyalty-tab-bar">
        <label className="loyalty-switch">
          <Switch size="small" checked={includeInactive} onChange={setIncludeInactive} />
          {t('loyalty.rewards.showInactive')}
        </label>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('loyalty.rewards.add')}
        </Button>
      </div>
      {list.isError && <Typography.Text type="danger">{errorMessage(list.error)}</Typography.Text>}
      <Table<RewardRow>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        tableLayout="fixed"
        locale={{ emptyText: t('loyalty.rewards.empty') }}
        aria-label={t('loyalty.page.tabs.rewards')}
      />
      {editing && (
        <RewardModal reward={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </div>
  );
}
