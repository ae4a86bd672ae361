import { FileExcelOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { downloadBase64 } from '../data-care/download-base64';

/** The pack as an XLSX workbook from main (one sheet per table), saved as a download; main logs the export. */
export function ExportXlsxButton({ month, frozen }: { month: string; frozen: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const exportFile = useMutation({
    mutationFn: () => api.call('reports.exportXlsx', { month, frozen }),
    onSuccess: (file) => {
      downloadBase64(file.fileName, file.contentBase64);
      void message.success(t('reports.exported', { fileName: file.fileName, count: file.sheets.length }));
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  return (
    <Button icon={<FileExcelOutlined />} loading={exportFile.isPending} onClick={() => exportFile.mutate()}>
      {t('reports.actions.exportXlsx')}
    </Button>
  );
}
