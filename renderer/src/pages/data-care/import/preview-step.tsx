import { FileExcelOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../../electron/contract/imports';
import { ColumnMapping } from './column-mapping';
import type { MappingChoice } from './import-types';
import { PreviewCounts } from './preview-counts';
import { PreviewRows } from './preview-rows';

interface PreviewStepProps {
  preview: ImportPreview;
  /** A new mapping is being checked: the old result stays on screen, dimmed, until the new one arrives. */
  checking: boolean;
  applying: boolean;
  onMap: (header: string, choice: MappingChoice) => void;
  onChooseAgain: () => void;
  onApply: () => void;
}

function FileMeta({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const parts = [preview.format.toUpperCase()];
  if (preview.sheetName) parts.push(t('dataCare.import.fileMeta.sheet', { name: preview.sheetName }));
  if (preview.encoding)
    parts.push(t('dataCare.import.fileMeta.encoding', { encoding: preview.encoding.toUpperCase() }));
  parts.push(t('dataCare.import.fileMeta.headerRow', { row: preview.headerRow }));
  if (preview.counts.blankRows)
    parts.push(t('dataCare.import.fileMeta.blankRows', { count: preview.counts.blankRows }));
  return (
    <div className="import-file-meta">
      <FileExcelOutlined className="import-file-icon" aria-hidden="true" />
      <div className="import-file-text">
        <Typography.Text strong className="import-file-name" title={preview.fileName}>
          {preview.fileName}
        </Typography.Text>
        <Typography.Text type="secondary" className="import-file-details">
          {parts.join(' · ')}
        </Typography.Text>
      </div>
    </div>
  );
}

/** The dry run: nothing is written until staff press 开始导入. */
export function PreviewStep(props: PreviewStepProps) {
  const { preview, checking, applying } = props;
  const { t } = useTranslation();
  const importable = preview.counts.create + preview.counts.update;
  return (
    <div className="import-preview">
      <div className="import-preview-head">
        <FileMeta preview={preview} />
        <div className="import-preview-actions">
          <Button icon={<ReloadOutlined />} onClick={props.onChooseAgain} disabled={applying}>
            {t('dataCare.import.chooseAgain')}
          </Button>
          <Button
            type="primary"
            onClick={props.onApply}
            loading={applying}
            disabled={checking || importable === 0}
            title={importable === 0 ? t('dataCare.import.nothingToApply') : undefined}
          >
            {t('dataCare.import.apply', { count: importable })}
          </Button>
        </div>
      </div>
      <PreviewCounts counts={preview.counts} />
      {preview.unknownHeaders.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="import-unknown-alert"
          title={t('dataCare.import.unknownHeaders', {
            count: preview.unknownHeaders.length,
            headers: preview.unknownHeaders.map((h) => `“${h}”`).join('、'),
          })}
        />
      )}
      <Spin spinning={checking} tip={t('dataCare.import.reading')} wrapperClassName="import-preview-spin">
        <div className="import-preview-body">
          <ColumnMapping
            kind={preview.kind}
            columns={preview.columns}
            disabled={checking || applying}
            onChange={props.onMap}
          />
          <PreviewRows rows={preview.rows} />
        </div>
      </Spin>
    </div>
  );
}
