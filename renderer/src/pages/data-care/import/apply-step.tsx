import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { TableColumnsType } from 'antd';
import { Alert, Button, Progress, Spin, Table, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportApplyResult, ImportPhase } from '../../../../../electron/contract/imports';
import { errorMessage } from '../../../forms/apply-server-errors';
import { useImportProgress } from './use-import-progress';

interface ApplyStepProps {
  jobId: string;
  onBackToPreview: () => void;
  onAnother: () => void;
  onShowHistory: () => void;
  /** Tells the wizard how the import ended, for its step indicator. */
  onPhase: (phase: ImportPhase) => void;
}

type SkippedRow = ImportApplyResult['skippedRows'][number];

function SkippedRows({ rows }: { rows: SkippedRow[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<SkippedRow> = [
    { key: 'row', title: t('dataCare.import.rows.rowNumber'), dataIndex: 'rowNumber', width: 80 },
    {
      key: 'reasons',
      title: t('dataCare.import.reasons'),
      render: (_, r) => (
        <ul className="import-issues">
          {r.reasons.map((reason) => (
            <li key={reason} className="import-issue">
              {reason}
            </li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <section className="import-skipped" aria-labelledby="import-skipped-title">
      <Typography.Text strong id="import-skipped-title" className="import-skipped-title">
        {t('dataCare.import.skippedTitle', { count: rows.length })}
      </Typography.Text>
      <Table<SkippedRow>
        rowKey="rowNumber"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false, size: 'small' }}
      />
    </section>
  );
}

/** Step 3: the import runs in the background in main; this polls it and then shows what it did. */
export function ApplyStep({ jobId, onBackToPreview, onAnother, onShowHistory, onPhase }: ApplyStepProps) {
  const { t } = useTranslation();
  const progress = useImportProgress(jobId);
  const phase = progress.data?.phase;
  useEffect(() => {
    if (phase) onPhase(phase);
  }, [phase, onPhase]);
  if (progress.isError) {
    return <Alert type="error" showIcon title={errorMessage(progress.error)} />;
  }
  if (!progress.data) {
    return (
      <div className="page-centered">
        <Spin />
      </div>
    );
  }
  const { phase: current, done, total, result, error } = progress.data;
  const percent = current === 'done' ? 100 : total > 0 ? Math.floor((done / total) * 100) : 0;
  const status = current === 'failed' ? 'exception' : current === 'done' ? 'success' : 'active';

  return (
    <div className="import-apply">
      <div className="import-progress">
        <div className="import-progress-head">
          <Typography.Text strong>{t(`dataCare.import.phase.${current}`)}</Typography.Text>
          {total > 0 && (
            <Typography.Text type="secondary">
              {t('dataCare.import.progressRows', { done, total })}
            </Typography.Text>
          )}
        </div>
        <Progress percent={percent} status={status} aria-label={t('dataCare.import.progressLabel')} />
      </div>

      {current === 'done' && result && (
        <>
          <div className="import-outcome is-success">
            <CheckCircleFilled className="import-outcome-icon" aria-hidden="true" />
            <div className="import-outcome-text">
              <Typography.Text strong className="import-outcome-title">
                {t('dataCare.import.resultTitle')}
              </Typography.Text>
              <Typography.Text>
                {result.created.visits !== undefined
                  ? t('dataCare.import.resultSummaryRo', {
                      visits: result.created.visits,
                      vehicles: result.updated.vehicles,
                      customers: result.updated.customers,
                      skipped: result.skippedRows.length,
                    })
                  : t('dataCare.import.resultSummary', {
                      createdCustomers: result.created.customers,
                      createdVehicles: result.created.vehicles,
                      updatedCustomers: result.updated.customers,
                      updatedVehicles: result.updated.vehicles,
                      skipped: result.skippedRows.length,
                    })}
              </Typography.Text>
            </div>
            <div className="import-outcome-actions">
              <Button onClick={onShowHistory}>{t('dataCare.import.viewHistory')}</Button>
              <Button type="primary" onClick={onAnother}>
                {t('dataCare.import.another')}
              </Button>
            </div>
          </div>
          {result.skippedRows.length > 0 && <SkippedRows rows={result.skippedRows} />}
        </>
      )}

      {current === 'failed' && (
        <div className="import-outcome is-failed" role="alert">
          <CloseCircleFilled className="import-outcome-icon" aria-hidden="true" />
          <div className="import-outcome-text">
            <Typography.Text strong className="import-outcome-title">
              {t('dataCare.import.failedTitle')}
            </Typography.Text>
            <Typography.Text>{error?.message}</Typography.Text>
          </div>
          <div className="import-outcome-actions">
            <Button onClick={onBackToPreview}>{t('dataCare.import.backToPreview')}</Button>
            <Button type="primary" onClick={onAnother}>
              {t('dataCare.import.chooseAgain')}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
