import { useQuery } from '@tanstack/react-query';
import { Alert, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { BackupSettingsForm } from './backup-settings-form';
import { backupKeys } from './backups-keys';
import { BackupsList } from './backups-list';
import './backups.css';

/** 设置 → 数据备份 (administrators): the copies (back up now, check, restore) first, then where and when they go. */
export function BackupsTab() {
  const { t } = useTranslation();
  const settings = useQuery({
    queryKey: backupKeys.settings,
    queryFn: () => api.call('backups.settings', {}),
  });
  if (settings.isError) return <Alert type="error" showIcon title={errorMessage(settings.error)} />;
  if (!settings.data) return <Skeleton active />;
  return (
    <div className="backups-tab">
      <Typography.Paragraph type="secondary" className="backups-intro">
        {t('backups.intro')}
      </Typography.Paragraph>
      <section className="backups-section">
        <Typography.Title level={5}>{t('backups.listTitle')}</Typography.Title>
        <BackupsList passphraseSaved={settings.data.passphraseSaved} />
      </section>
      <section className="backups-section">
        <Typography.Title level={5}>{t('backups.settingsTitle')}</Typography.Title>
        <BackupSettingsForm current={settings.data} />
      </section>
    </div>
  );
}
