import { InboxOutlined } from '@ant-design/icons';
import { Alert, Spin, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';

interface FileStepProps {
  busy: boolean;
  /** Why the last file could not be previewed, in main's words. */
  error: { fileName: string; message: string } | null;
  onFile: (file: File) => void;
}

/** Step 1: the file is only read here; main sees it first in the dry run. */
export function FileStep({ busy, error, onFile }: FileStepProps) {
  const { t } = useTranslation();
  return (
    <div className="import-file-step">
      <Spin spinning={busy} tip={t('dataCare.import.reading')}>
        <Upload.Dragger
          accept=".xlsx,.xls,.ods,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            onFile(file);
            // Never upload on its own: the bytes go to main through the typed API.
            return false;
          }}
          className="import-dragger"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('dataCare.import.dropTitle')}</p>
          <p className="ant-upload-hint">{t('dataCare.import.dropHint')}</p>
        </Upload.Dragger>
      </Spin>
      <Typography.Paragraph type="secondary" className="import-file-detail">
        {t('dataCare.import.dropDetail')}
      </Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          title={`${t('dataCare.import.previewFailed')}：${error.fileName}`}
          description={error.message}
        />
      )}
    </div>
  );
}
