import { useQuery } from '@tanstack/react-query';
import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ChannelOutput } from '../../../../electron/contract';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { formatDate } from '../../format/date';
import { formatPoints, loyaltyKeys } from '../loyalty/loyalty-keys';

type ReferralRow = ChannelOutput<'loyalty.referrals'>['referred'][number];

/** Who brought this customer, and whom they brought with how each ended (delivered and rewarded, or open). */
export function MemberReferrals({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const view = useQuery({
    queryKey: loyaltyKeys.referrals(customerId),
    queryFn: () => api.call('loyalty.referrals', { customerId }),
  });
  const columns = useMemo<ColumnsType<ReferralRow>>(
    () => [
      {
        title: t('loyalty.referrals.name'),
        dataIndex: 'name',
        ellipsis: true,
        render: (v: string, r) => <Link to={`/customers/${r.customerId}`}>{v}</Link>,
      },
      {
        title: t('loyalty.referrals.stage'),
        dataIndex: 'stage',
        width: 96,
        render: (v: ReferralRow['stage']) => t(`labels.stage.${v}`),
      },
      {
        title: t('loyalty.referrals.delivered'),
        dataIndex: 'deliveredOn',
        width: 104,
        render: (v: string | null) => <span className="cell-mono">{formatDate(v)}</span>,
      },
      {
        title: t('loyalty.referrals.outcome'),
        key: 'outcome',
        render: (_, r) =>
          r.referrerPoints === null ? (
            <Tag>{t('loyalty.referrals.open')}</Tag>
          ) : (
            <span className="points-change is-plus">
              {t('loyalty.referrals.rewarded', {
                referrer: formatPoints(r.referrerPoints),
                referee: formatPoints(r.refereePoints ?? 0),
              })}
            </span>
          ),
      },
    ],
    [t],
  );
  if (view.isError) return <Typography.Text type="danger">{errorMessage(view.error)}</Typography.Text>;
  const by = view.data?.referredBy ?? null;
  return (
    <div className="member-referrals">
      <div className="member-referred-by">
        <span className="member-label">{t('loyalty.referrals.referredBy')}：</span>
        {by ? (
          <Link to={`/customers/${by.customerId}`}>{by.name}</Link>
        ) : (
          <span className="cell-empty">{t('loyalty.referrals.none')}</span>
        )}
      </div>
      <div className="member-label">{t('loyalty.referrals.referred')}</div>
      <Table<ReferralRow>
        size="small"
        rowKey="customerId"
        columns={columns}
        dataSource={view.data?.referred ?? []}
        loading={view.isPending}
        pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
        tableLayout="fixed"
        locale={{ emptyText: t('loyalty.referrals.empty') }}
        aria-label={t('loyalty.referrals.referred')}
      />
    </div>
  );
}
