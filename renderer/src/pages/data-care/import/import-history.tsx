import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Alert, App as AntApp, Button, Popconfirm, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../../electron/contract';
import { api } from '../../../api';
import { formatDateTime } from '../../../format/date';
import { errorMessage } from '../../../forms/apply-server-errors';
import { customerKeys } from '../../customers/customer-keys';
import { dataCareKeys } from '../data-care-keys';

type Batch = ChannelOutput<'imports.list'>['rows'][number];

/** Every import, newest first; an applied one can be reverted as long as nothing has built on it since. */
export function ImportHistory() {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const queryClient = useQueryClient();
  const batches = useQuery({
    queryKey: dataCareKeys.imports,
    queryFn: () => api.call('imports.list', { limit: 200 }),
  });
  const revert = useMutation({
    mutationFn: (batchId: number) => api.call('imports.revert', { batchId }),
    onSuccess: (r) => {
      void message.success(
        r.removed.visits !== undefined
          ? t('dataCare.import.history.revertDoneRo', {
              visits: r.removed.visits,
              tasks: r.removed.callbackTasks,
            })
          : t('dataCare.import.history.revertDone', {
              customers: r.removed.customers,
              vehicles: r.removed.vehicles,
              restoredCustomers: r.restored.customers,
              restoredVehicles: r.restored.vehicles,
            }),
      );
      void queryClient.invalidateQueries({ queryKey: customerKeys.all });
    },
    // The conflict message lists what blocks the revert; it needs reading, not a toast that fades.
    onError: (error) =>
      void modal.error({
        title: t('dataCare.import.history.revertFailedTitle'),
        content: errorMessage(error),
      }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: dataCareKeys.imports }),
  });

  const count = (value: number) => value.toLocaleString('zh-CN');
  const columns: TableColumnsType<Batch> = [
    {
      key: 'fileName',
      title: t('dataCare.import.history.fileName'),
      dataIndex: 'fileName',
      ellipsis: { showTitle: true },
    },
    {
      key: 'kind',
      title: t('dataCare.import.history.kind'),
      width: 96,
      render: (_, b) => (
        <Tag color={b.kind === 'repair_orders' ? 'geekblue' : 'default'}>
          {t(`dataCare.import.kind.${b.kind}`)}
        </Tag>
      ),
    },
    {
      key: 'importedAt',
      title: t('dataCare.import.history.importedAt'),
      width: 150,
      render: (_, b) => formatDateTime(b.importedAt),
    },
    {
      key: 'importedBy',
      title: t('dataCare.import.history.importedBy'),
      width: 110,
      ellipsis: true,
      render: (_, b) => b.importedBy ?? t('common.none'),
    },
    {
      key: 'rows',
      title: t('dataCare.import.history.rowCount'),
      width: 76,
      align: 'right',
      render: (_, b) => count(b.rowCount),
    },
    {
      key: 'created',
      title: t('dataCare.import.history.created'),
      width: 64,
      align: 'right',
      render: (_, b) => count(b.createdCount),
    },
    {
      key: 'updated',
      title: t('dataCare.import.history.updated'),
      width: 64,
      align: 'right',
      render: (_, b) => count(b.updatedCount),
    },
    {
      key: 'skipped',
      title: t('dataCare.import.history.skipped'),
      width: 64,
      align: 'right',
      render: (_, b) => count(b.skippedCount),
    },
    {
      key: 'status',
      title: t('dataCare.import.history.status'),
      width: 250,
      render: (_, b) =>
        b.status === 'applied' ? (
          <Tag color="success">{t('dataCare.import.history.applied')}</Tag>
        ) : (
          <div className="status-with-note">
            <Tag>{t('dataCare.import.history.reverted')}</Tag>
            <Typography.Text type="secondary" className="status-note">
              {t('dataCare.import.history.revertedInfo', {
                by: b.revertedBy ?? t('common.none'),
                at: formatDateTime(b.revertedAt),
              })}
            </Typography.Text>
          </div>
        ),
    },
    {
      key: 'actions',
      title: t('dataCare.import.history.actions'),
      width: 104,
      render: (_, b) =>
        b.status === 'applied' ? (
          <Popconfirm
            title={t('dataCare.import.history.revertConfirmTitle')}
            description={
              <div className="confirm-text">
                {t(
                  b.kind === 'repair_orders'
                    ? 'dataCare.import.history.revertConfirmRo'
                    : 'dataCare.import.history.revertConfirm',
                )}
              </div>
            }
            okText={t('dataCare.import.history.revert')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => revert.mutateAsync(b.id).catch(() => undefined)}
          >
            <Button type="link" size="small" danger loading={revert.isPending && revert.variables === b.id}>
              {t('dataCare.import.history.revert')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <div className="data-care-tab-body">
      {batches.isError && (
        <Alert type="error" showIcon title={errorMessage(batches.error)} className="tab-alert" />
      )}
      <Table<Batch>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={batches.data?.rows ?? []}
        loading={batches.isPending}
        locale={{ emptyText: t('dataCare.import.history.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        rowClassName={(b) => (b.status === 'reverted' ? 'row-disabled' : '')}
      />
    </div>
  );
}
