import { CloudUploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Alert, App as AntApp, Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry, BackupResult } from '../../../../electron/contract/backups';
import { hmOfMinute, wallClockAt } from '../../../../electron/common/store-time';
import { api } from '../../api';
import { formatBytes } from '../../format/bytes';
import { errorMessage } from '../../forms/apply-server-errors';
import { useStoreSettings } from '../../settings/use-store-settings';
import { backupKeys } from './backups-keys';
import { RestoreBackupModal } from './restore-backup-modal';

const resultColor: Record<BackupResult, string> = { ok: 'success', failed: 'error', unchecked: 'default' };

/** The backups in the folder, newest first, with 立即备份, 校验 and 恢复. */
export function BackupsList({ passphraseSaved }: { passphraseSaved: boolean }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const zone = useStoreSettings()?.storeTimeZone;
  const list = useQuery({ queryKey: backupKeys.list, queryFn: () => api.call('backups.list', {}) });
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);

  const run = useMutation({
    mutationFn: () => api.call('backups.run', {}),
    onSuccess: (entry) => void message.success(t('backups.runDone', { name: entry.name })),
    onError: (e) => void message.error(errorMessage(e)),
    // The attempt is listed whether it worked or not.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: backupKeys.list }),
  });
  const verify = useMutation({
    mutationFn: (name: string) => api.call('backups.verify', { name }),
    onSuccess: (r) => {
      const counts = {
        customers: (r.counts.customers ?? 0).toLocaleString('zh-CN'),
        vehicles: (r.counts.vehicles ?? 0).toLocaleString('zh-CN'),
      };
      if (r.missingFiles > 0)
        void message.warning(t('backups.verifyFilesMissing', { ...counts, count: r.missingFiles }));
      else void message.success(t('backups.verifyOk', counts));
    },
    onError: (e) => void message.error(errorMessage(e)),
  });

  const count = (table: string) => (e: BackupEntry) =>
    e.counts ? (e.counts[table] ?? 0).toLocaleString('zh-CN') : t('common.none');
  const columns: TableColumnsType<BackupEntry> = [
    { key: 'createdAt', title: t('backups.columns.createdAt'), width: 140, render: (_, e) => e.label },
    {
      key: 'trigger',
      title: t('backups.columns.trigger'),
      width: 88,
      render: (_, e) => t(`backups.trigger.${e.trigger}`),
    },
    {
      key: 'result',
      title: t('backups.columns.result'),
      width: 140,
      render: (_, e) => {
        const tag = <Tag color={resultColor[e.result]}>{t(`backups.result.${e.result}`)}</Tag>;
        if (e.result === 'failed')
          return (
            <Space size={4} className="backup-error">
              {tag}
              <Typography.Text type="danger" ellipsis={{ tooltip: e.error }}>
                {e.error}
              </Typography.Text>
            </Space>
          );
        return e.result === 'unchecked' ? <Tooltip title={t('backups.uncheckedHint')}>{tag}</Tooltip> : tag;
      },
    },
    {
      key: 'size',
      title: t('backups.columns.size'),
      width: 88,
      align: 'right',
      render: (_, e) => formatBytes(e.sizeBytes),
    },
    {
      key: 'encrypted',
      title: t('backups.columns.encrypted'),
      width: 60,
      render: (_, e) => (e.encrypted ? t('backups.yes') : t('backups.no')),
    },
    {
      key: 'customers',
      title: t('backups.columns.customers'),
      width: 80,
      align: 'right',
      render: (_, e) => count('customers')(e),
    },
    {
      key: 'vehicles',
      title: t('backups.columns.vehicles'),
      width: 80,
      align: 'right',
      render: (_, e) => count('vehicles')(e),
    },
    {
      key: 'visits',
      title: t('backups.columns.visits'),
      width: 88,
      align: 'right',
      render: (_, e) => count('service_visits')(e),
    },
    {
      key: 'duration',
      title: t('backups.columns.duration'),
      width: 72,
      align: 'right',
      render: (_, e) =>
        e.durationMs === null
          ? t('common.none')
          : t('backups.seconds', { value: (e.durationMs / 1000).toFixed(1) }),
    },
    {
      key: 'actions',
      title: t('backups.columns.actions'),
      width: 112,
      render: (_, e) =>
        e.result === 'failed' ? null : (
          <Space size={0} className="table-actions">
            <Button
              type="link"
              size="small"
              loading={verify.isPending && verify.variables === e.name}
              onClick={() => verify.mutate(e.name)}
            >
              {t('backups.verify')}
            </Button>
            <Button type="link" size="small" danger onClick={() => setRestoring(e)}>
              {t('backups.restore')}
            </Button>
          </Space>
        ),
    },
  ];

  const data = list.data;
  const next = (() => {
    if (!data?.folder) return t('backups.noFolder');
    if (!data.nextAt || !zone) return t('backups.nextOff');
    const wall = wallClockAt(Date.parse(data.nextAt), zone);
    return t('backups.nextAt', { at: `${wall.date} ${hmOfMinute(wall.minute)}` });
  })();

  return (
    <>
      <div className="backup-list-toolbar">
        <Typography.Text type="secondary">{next}</Typography.Text>
        <Button
          type="primary"
          icon={<CloudUploadOutlined />}
          loading={run.isPending || data?.running}
          disabled={!data?.folder}
          onClick={() => run.mutate()}
        >
          {run.isPending ? t('backups.running') : t('backups.runNow')}
        </Button>
      </div>
      {list.isError && <Alert type="error" showIcon title={errorMessage(list.error)} className="tab-alert" />}
      <Table<BackupEntry>
        className="backup-list"
        rowKey="name"
        size="middle"
        columns={columns}
        dataSource={data?.entries ?? []}
        loading={list.isPending}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 948 }}
        locale={{ emptyText: data?.folder ? t('backups.empty') : t('backups.noFolder') }}
      />
      <RestoreBackupModal
        entry={restoring}
        passphraseSaved={passphraseSaved}
        onClose={() => setRestoring(null)}
      />
    </>
  );
}
