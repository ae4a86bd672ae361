import { Alert, App as AntApp, Checkbox, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../../electron/contract/backups';
import { backupTableLabels } from '../../../../electron/contract/backups';
import { api, ApiCallError } from '../../api';
import { formatBytes } from '../../format/bytes';
import { errorMessage } from '../../forms/apply-server-errors';

interface CountRow {
  table: string;
  label: string;
  rows: number;
}

/** The tables staff know first, in the contract's order; every other table after them under its own name. */
function countRows(counts: Record<string, number> | null, other: string): CountRow[] {
  if (!counts) return [];
  const known = Object.entries(backupTableLabels).map(([table, label]) => ({
    table,
    label,
    rows: counts[table] ?? 0,
  }));
  const rest = Object.entries(counts)
    .filter(([t]) => !(t in backupTableLabels) && !t.startsWith('__'))
    .reduce((n, [, rows]) => n + rows, 0);
  return [...known, { table: '_other', label: other, rows: rest }];
}

/**
 * 恢复备份: the backup's date and table counts, the passphrase when encrypted, an explicit confirmation.
 * Main reads and checks the whole file before switching; a damaged file or a wrong passphrase is shown here
 * and nothing changes.
 */
export function RestoreBackupModal(props: {
  entry: BackupEntry | null;
  passphraseSaved: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { modal } = AntApp.useApp();
  const [passphrase, setPassphrase] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<{ message: string; passphrase: boolean } | null>(null);
  const entry = props.entry;

  const close = () => {
    setPassphrase('');
    setConfirmed(false);
    setError(null);
    props.onClose();
  };

  const restore = useMutation({
    mutationFn: (name: string) =>
      api.call('backups.restore', { name, passphrase: passphrase || undefined, confirm: true }),
    onSuccess: (result) => {
      close();
      // Everyone signs in again on the restored data: reloading lands on the sign-in page.
      modal.success({
        title: t('backups.restoredTitle'),
        width: 560,
        content: (
          <>
            <Typography.Paragraph>
              {t('backups.restoredBody', { at: entry?.label ?? '' })}
            </Typography.Paragraph>
            <Typography.Text code copyable className="restore-safety-path">
              {result.safetyCopy}
            </Typography.Text>
            {result.files.missing > 0 && (
              <Alert
                type="warning"
                showIcon
                className="tab-alert"
                title={t('backups.restoredFilesMissing', { count: result.files.missing })}
              />
            )}
          </>
        ),
        okText: t('backups.relogin'),
        onOk: () => window.location.reload(),
      });
    },
    onError: (e) =>
      setError({
        message: errorMessage(e),
        passphrase: e instanceof ApiCallError && 'passphrase' in e.fieldErrors,
      }),
  });

  if (!entry) return null;
  const needsPassphrase = entry.encrypted && !props.passphraseSaved;
  return (
    <Modal
      open
      title={t('backups.restoreTitle')}
      width={620}
      onCancel={close}
      okText={restore.isPending ? t('backups.restoring') : t('backups.restoreOk')}
      okButtonProps={{
        danger: true,
        disabled: !confirmed || (needsPassphrase && passphrase.length === 0),
        loading: restore.isPending,
      }}
      cancelButtonProps={{ disabled: restore.isPending }}
      onOk={() => restore.mutate(entry.name)}
      maskClosable={false}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('backups.restoreWarning')} className="tab-alert" />
      <Descriptions size="small" column={2} className="restore-facts">
        <Descriptions.Item label={t('backups.backupTime')}>{entry.label}</Descriptions.Item>
        <Descriptions.Item label={t('backups.columns.trigger')}>
          {t(`backups.trigger.${entry.trigger}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('backups.columns.size')}>
          {formatBytes(entry.sizeBytes)}
        </Descriptions.Item>
        <Descriptions.Item label={t('backups.columns.encrypted')}>
          {entry.encrypted ? t('backups.yes') : t('backups.no')}
        </Descriptions.Item>
      </Descriptions>
      {entry.counts ? (
        <Descriptions
          size="small"
          bordered
          column={2}
          title={t('backups.tableCounts')}
          className="restore-counts"
          items={countRows(entry.counts, t('backups.otherTables')).map((r) => ({
            key: r.table,
            label: r.label,
            children: r.rows.toLocaleString('zh-CN'),
          }))}
        />
      ) : (
        <Alert type="info" showIcon title={t('backups.uncheckedHint')} className="tab-alert" />
      )}
      {entry.encrypted && (
        <Form layout="vertical" component={false}>
          <Form.Item
            label={t('backups.restorePassphrase')}
            htmlFor="restore-passphrase"
            required={needsPassphrase}
            validateStatus={error?.passphrase ? 'error' : undefined}
            help={error?.passphrase ? error.message : undefined}
            extra={
              props.passphraseSaved
                ? t('backups.restorePassphraseSaved')
                : t('backups.restorePassphraseNeeded')
            }
          >
            <Input.Password
              id="restore-passphrase"
              autoComplete="off"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
            />
          </Form.Item>
        </Form>
      )}
      {error && !error.passphrase && (
        <Alert type="error" showIcon title={error.message} className="tab-alert" />
      )}
      <Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)}>
        {t('backups.restoreConfirm')}
      </Checkbox>
    </Modal>
  );
}
