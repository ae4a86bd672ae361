import { InboxOutlined } from '@ant-design/icons';
import { Alert, Segmented, Spin, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportKind } from '../../../../../electron/contract/imports';
import { importKinds } from '../../../../../electron/contract/imports';

interface FileStepProps {
  kind: ImportKind;
  onKind: (kind: ImportKind) => void;
  busy: boolean;
  /** Why the last file could not be previewed, in main's words. */
  error: { fileName: string; message: string } | null;
  onFile: (file: File) => void;
}

/** Step 1: the file is only read here; main sees it first in the dry run. */
export function FileStep({ kind, onKind, busy, error, onFile }: FileStepProps) {
  const { t } = useTranslation();
  return (
    <div className="import-file-step">
      <div className="import-kind">
        <Typography.Text strong id="import-kind-label">
          {t('dataCare.import.kind.label')}
        </Typography.Text>
        <Segmented<ImportKind>
          aria-labelledby="import-kind-label"
          value={kind}
          disabled={busy}
          onChange={onKind}
          options={importKinds.map((k) => ({ value: k, label: t(`dataCare.import.kind.${k}`) }))}
        />
      </div>
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
        {t(kind === 'repair_orders' ? 'dataCare.import.dropDetailRo' : 'dataCare.import.dropDetail')}
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
