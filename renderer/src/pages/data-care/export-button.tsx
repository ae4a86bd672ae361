import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App as AntApp, Button, Tooltip } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../../../electron/contract';
import { api } from '../../api';
import { useAuth } from '../../auth/use-auth';
import { errorMessage } from '../../forms/apply-server-errors';
import { downloadBase64 } from './download-base64';

export type CustomerExportQuery = ChannelInput<'customers.export'>;

interface ExportButtonProps {
  /** The list's current sort and filters: the file holds exactly what the list shows, in its order. */
  query: CustomerExportQuery;
  style?: CSSProperties;
}

/**
 * 导出: the customer list as XLSX with Chinese headers. Exporting is personal data leaving the system (PIPL),
 * so the button is not shown without `customers.export`; main checks and audits it regardless.
 */
export function ExportButton({ query, style }: ExportButtonProps) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const exporting = useMutation({
    mutationFn: () => api.call('customers.export', query),
    onSuccess: (file) => {
      downloadBase64(file.fileName, file.contentBase64);
      if (file.truncated) void message.warning(t('dataCare.export.truncated', { count: file.rowCount }), 8);
      else void message.success(t('dataCare.export.done', { count: file.rowCount }));
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  if (!can('customers.export')) return null;
  return (
    <Tooltip title={t('dataCare.export.tooltip')} placement="bottom">
      <Button
        icon={<DownloadOutlined />}
        style={style}
        loading={exporting.isPending}
        onClick={() => exporting.mutate()}
      >
        {exporting.isPending ? t('dataCare.export.working') : t('dataCare.export.button')}
      </Button>
    </Tooltip>
  );
}
