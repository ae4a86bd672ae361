import { DiffOutlined, LockOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Segmented, Space, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../auth/use-auth';
import { errorMessage } from '../../forms/apply-server-errors';
import { useStoreDateTime } from '../settings/use-store-date-time';
import { CloseMonthModal } from './close-month-modal';
import { ExportXlsxButton } from './export-xlsx-button';
import { MonthPicker } from './month-picker';
import { PackView } from './pack-view';
import { useReportMonth } from './report-month';
import { useClosedMonths, usePack } from './use-report-data';

type Source = 'live' | 'frozen';

/** 月度报表: pick a month, read the pack (live or as frozen at month end), print it, export it, close the month. */
export function PackPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const storeTime = useStoreDateTime();
  const { month, latest, setMonth } = useReportMonth();
  const [wantFrozen, setWantFrozen] = useState(true);
  const [closing, setClosing] = useState(false);
  const closedMonths = useClosedMonths();
  const closed = closedMonths.data?.rows.find((r) => r.month === month) ?? null;
  // A closed month opens on its frozen figures (what was printed then); the live ones are one click away.
  const frozen = closed !== null && wantFrozen;
  const pack = usePack(closedMonths.isPending ? null : month, frozen);
  const source: Source = frozen ? 'frozen' : 'live';
  const query = (m: string) => `month=${m}${frozen ? '&frozen=1' : ''}`;
  return (
    <div className="rp-page">
      <div className="rp-toolbar">
        <Space wrap>
          <MonthPicker value={month} latest={latest} onChange={setMonth} />
          <Segmented<Source>
            aria-label={t('reports.sourceLabel')}
            value={source}
            onChange={(v) => setWantFrozen(v === 'frozen')}
            options={[
              { value: 'live', label: t('reports.source.live') },
              { value: 'frozen', label: t('reports.source.frozen'), disabled: closed === null },
            ]}
          />
        </Space>
        {month && (
          <Space wrap>
            <Button
              icon={<PrinterOutlined />}
              disabled={!pack.data}
              onClick={() => void navigate(`/print/reports?${query(month)}`)}
            >
              {t('reports.actions.print')}
            </Button>
            <ExportXlsxButton month={month} frozen={frozen} />
            {closed && (
              <Button
                icon={<DiffOutlined />}
                onClick={() => void navigate(`/reports/close/compare?month=${month}`)}
              >
                {t('reports.actions.compare')}
              </Button>
            )}
            {can('reports.close') && (
              <Button
                type="primary"
                icon={<LockOutlined />}
                disabled={latest !== null && month >= latest}
                title={latest !== null && month >= latest ? t('reports.closeNotOver') : undefined}
                onClick={() => setClosing(true)}
              >
                {closed ? t('reports.actions.reclose') : t('reports.actions.close')}
              </Button>
            )}
          </Space>
        )}
      </div>
      {pack.data && (
        <Alert
          className="rp-source-note"
          type={frozen ? 'success' : 'info'}
          showIcon
          title={
            pack.data.meta
              ? t('reports.frozenNote', {
                  revision: pack.data.meta.revision,
                  who: pack.data.meta.closedBy.displayName ?? '—',
                  time: storeTime(pack.data.meta.closedAt),
                })
              : t('reports.liveNote', { time: storeTime(pack.data.pack.generatedAt) })
          }
        />
      )}
      {pack.isFetching && !pack.data && <Spin className="rp-spin" />}
      {pack.error && <Alert type="error" showIcon title={errorMessage(pack.error)} />}
      {pack.data && (
        <div className="rp-sheet">
          <PackView pack={pack.data.pack} />
        </div>
      )}
      {month && (
        <CloseMonthModal month={month} closed={closed} open={closing} onClose={() => setClosing(false)} />
      )}
    </div>
  );
}
