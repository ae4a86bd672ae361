import { PrinterOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Popconfirm, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Voucher } from '../../../../electron/contract/loyalty';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { formatDate, formatDateTime } from '../../format/date';
import { CancelVoucherModal } from '../loyalty/cancel-voucher-modal';
import { formatPoints, loyaltyKeys } from '../loyalty/loyalty-keys';
import { openVoucherPrint } from '../loyalty/voucher-view';

const stateColors: Record<Voucher['state'], string> = { issued: 'blue', used: 'green', cancelled: 'default' };

/** The member's vouchers with what can still be done to each: 核销 once, or 作废 with the points returned. */
export function MemberVouchers({ customerId, canWrite }: { customerId: number; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [cancelling, setCancelling] = useState<Voucher | null>(null);
  const list = useQuery({
    queryKey: loyaltyKeys.vouchers(customerId),
    queryFn: () => api.call('loyalty.vouchers', { customerId }),
  });
  const columns = useMemo<ColumnsType<Voucher>>(() => {
    const use = async (v: Voucher) => {
      try {
        await api.call('loyalty.useVoucher', { redemptionId: v.redemptionId });
        void message.success(t('loyalty.vouchers.used', { no: v.voucherNo }));
      } catch (error) {
        void message.error(errorMessage(error));
      }
      await queryClient.invalidateQueries({ queryKey: loyaltyKeys.all });
    };
    return [
      {
        title: t('loyalty.vouchers.no'),
        dataIndex: 'voucherNo',
        width: 136,
        render: (v: string) => <span className="cell-mono">{v}</span>,
      },
      {
        title: t('loyalty.vouchers.reward'),
        key: 'reward',
        ellipsis: true,
        render: (_, r) => `${r.reward.name} × ${r.quantity}`,
      },
      {
        title: t('loyalty.vouchers.points'),
        dataIndex: 'points',
        width: 72,
        align: 'right',
        render: (v: number) => formatPoints(v),
      },
      {
        title: t('loyalty.vouchers.date'),
        dataIndex: 'redeemedOn',
        width: 100,
        render: (v: string) => <span className="cell-mono">{formatDate(v)}</span>,
      },
      {
        title: t('loyalty.vouchers.state'),
        key: 'state',
        width: 88,
        render: (_, r) => (
          <Tag
            color={stateColors[r.state]}
            title={
              r.closedBy
                ? t('loyalty.vouchers.closed', { name: r.closedBy.name, time: formatDateTime(r.closedAt) })
                : undefined
            }
          >
            {t(`loyalty.voucherStates.${r.state}`)}
          </Tag>
        ),
      },
      {
        title: '',
        key: 'actions',
        width: 164,
        render: (_, r) => (
          <span className="member-row-actions">
            <Button
              size="small"
              type="link"
              icon={<PrinterOutlined />}
              onClick={() => openVoucherPrint(r.redemptionId)}
              aria-label={`${t('loyalty.vouchers.print')} ${r.voucherNo}`}
            >
              {t('loyalty.vouchers.print')}
            </Button>
            {canWrite && r.state === 'issued' && (
              <>
                <Popconfirm
                  title={t('loyalty.vouchers.useConfirm', { no: r.voucherNo })}
                  description={t('loyalty.vouchers.useHint')}
                  okText={t('loyalty.vouchers.use')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => use(r)}
                >
                  <Button size="small" type="link">
                    {t('loyalty.vouchers.use')}
                  </Button>
                </Popconfirm>
                <Button size="small" type="link" danger onClick={() => setCancelling(r)}>
                  {t('loyalty.vouchers.cancel')}
                </Button>
              </>
            )}
          </span>
        ),
      },
    ];
  }, [t, canWrite, message, queryClient]);
  if (list.isError) return <Typography.Text type="danger">{errorMessage(list.error)}</Typography.Text>;
  return (
    <>
      <Table<Voucher>
        size="small"
        rowKey="redemptionId"
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.isPending}
        pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
        tableLayout="fixed"
        locale={{ emptyText: t('loyalty.vouchers.empty') }}
        aria-label={t('loyalty.member.tabs.vouchers')}
      />
      {cancelling && <CancelVoucherModal voucher={cancelling} onClose={() => setCancelling(null)} />}
    </>
  );
}
