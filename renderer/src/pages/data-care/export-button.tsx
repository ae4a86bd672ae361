import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App as AntApp, Button, Tooltip } from 'antd';
import type { CSSProperties } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../../../electron/contract';
import { api } from '../../api';
import { useAuth } from '../../auth/use-auth';
import { errorMessage } from '../../forms/apply-server-errors';
import { downloadBase64 } from './download-base64';
import type { ExportChoice } from './export-dialog';
import { ExportDialog } from './export-dialog';

export type CustomerExportQuery = ChannelInput<'customers.export'>;

interface ExportButtonProps {
  /** The list's current sort and filters: the file holds exactly what the list shows, in its order. */
  query: CustomerExportQuery;
  style?: CSSProperties;
}

/**
 * 导出: the customer list as XLSX with Chinese headers. Exporting is personal data leaving the system (PIPL),
 * so the button is not shown without `customers.export`; main checks, masks and audits it regardless. The
 * dialog says so, and offers an unmasked file (with a reason) to those allowed one.
 */
export function ExportButton({ query, style }: ExportButtonProps) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const [choosing, setChoosing] = useState(false);
  const exporting = useMutation({
    mutationFn: (choice: ExportChoice) => api.call('customers.export', { ...query, ...choice }),
    onSuccess: (file) => {
      setChoosing(false);
      downloadBase64(file.fileName, file.contentBase64);
      if (file.truncated) void message.warning(t('dataCare.export.truncated', { count: file.rowCount }), 8);
      else
        void message.success(
          t(file.masked ? 'personalData.export.doneMasked' : 'personalData.export.doneUnmasked', {
            count: file.rowCount,
          }),
        );
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  if (!can('customers.export')) return null;
  return (
    <>
      <Tooltip title={t('dataCare.export.tooltip')} placement="bottom">
        <Button
          icon={<DownloadOutlined />}
          style={style}
          loading={exporting.isPending}
          onClick={() => setChoosing(true)}
        >
          {exporting.isPending ? t('dataCare.export.working') : t('dataCare.export.button')}
        </Button>
      </Tooltip>
      {choosing && (
        <ExportDialog
          pending={exporting.isPending}
          onOk={(choice) => exporting.mutate(choice)}
          onCancel={() => setChoosing(false)}
        />
      )}
    </>
  );
}
