import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { downloadBase64 } from '../data-care/download-base64';
import type { AuditFilterValues } from './use-audit-log';
import { auditKeys } from './use-audit-log';

/** 导出 Excel of exactly what the filters show; main logs the export (export.audit) with the filter. */
export function AuditExportButton({ filters }: { filters: AuditFilterValues }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const exporting = useMutation({
    mutationFn: () => api.call('audit.export', { filters }),
    onSuccess: (file) => {
      downloadBase64(file.fileName, file.contentBase64);
      if (file.truncated) void message.warning(t('auditLog.exportTruncated', { count: file.rowCount }), 8);
      else void message.success(t('auditLog.exported', { count: file.rowCount }));
      void client.invalidateQueries({ queryKey: auditKeys.all });
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  return (
    <Button icon={<DownloadOutlined />} loading={exporting.isPending} onClick={() => exporting.mutate()}>
      {exporting.isPending ? t('auditLog.exporting') : t('auditLog.export')}
    </Button>
  );
}
