import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Space, Spin } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../../api';
import { useAuth } from '../../../auth/use-auth';
import { errorMessage } from '../../../forms/apply-server-errors';
import { useStoreSettings } from '../../../settings/use-store-settings';
import { useStoreDateTime } from '../../settings/use-store-date-time';
import { PackView } from '../pack-view';
import { useReportMonth } from '../report-month';
import { usePack } from '../use-report-data';
import { packPageCss } from './page-css';
import './report-print.css';

/**
 * 月度报表 print view (A4): the same pack as on screen, with the store and month on every page's header, page
 * numbers in the footer, table headers repeated and no row or chart cut. The browser prints it (and the e2e makes
 * the PDF from it with Chromium); every print is logged.
 */
export function ReportPrint() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useAuth();
  const storeTime = useStoreDateTime();
  const settings = useStoreSettings();
  const { month } = useReportMonth();
  const frozen = useSearchParams()[0].get('frozen') === '1';
  const pack = usePack(month, frozen);
  const logPrint = useMutation({
    mutationFn: () => api.call('reports.logPrint', { month: month ?? '', frozen }),
  });
  // The button logs before it prints; Ctrl+P (beforeprint without the button) is logged too, but not twice.
  const loggedByButton = useRef(false);
  useEffect(() => {
    const onBeforePrint = () => {
      if (!loggedByButton.current && month) logPrint.mutate();
      loggedByButton.current = false;
    };
    window.addEventListener('beforeprint', onBeforePrint);
    return () => window.removeEventListener('beforeprint', onBeforePrint);
  }, [logPrint, month]);

  const store = settings?.storeName ?? '';
  const p = pack.data?.pack;
  const source = pack.data?.meta
    ? `${t('reports.source.frozen')}（${pack.data.meta.revision}）`
    : t('reports.source.live');
  const title = t('reports.print.title', { store, month: month ?? '' });
  useEffect(() => {
    document.title = title;
  }, [title]);
  const pageCss = useMemo(
    () =>
      packPageCss({
        left: store,
        right: `${t('reports.print.heading')} ${month ?? ''} · ${source}`,
        footer: t('reports.print.pageFooter'),
      }),
    [store, month, source, t],
  );
  const ready = Boolean(p && settings);
  return (
    <div className="rp-print-root">
      <style>{pageCss}</style>
      <div className="rp-print-toolbar">
        <Space>
          <Button
            icon={<ArrowLeftOutlined />}
            onClick={() => void navigate(`/reports/pack?month=${month ?? ''}`)}
          >
            {t('reports.sections.pack')}
          </Button>
          <span>{title}</span>
        </Space>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          disabled={!ready}
          loading={logPrint.isPending}
          onClick={() => {
            loggedByButton.current = true;
            logPrint.mutate(undefined, { onSuccess: () => window.print() });
          }}
        >
          {t('reports.print.printNow')}
        </Button>
      </div>
      {pack.isPending && <Spin />}
      {pack.error && <Alert type="error" showIcon title={errorMessage(pack.error)} />}
      {logPrint.error && <Alert type="error" showIcon title={errorMessage(logPrint.error)} />}
      {p && (
        <article className="rp-print-doc" data-ready={ready || undefined}>
          <header className="rp-print-head">
            <div className="rp-print-store">{store}</div>
            <h1>
              {t('reports.print.heading')} {p.month}
            </h1>
            <div>{t('reports.print.subtitle', { month: p.month, from: p.from, to: p.to, source })}</div>
            <div className="rp-print-meta">
              {t('reports.print.printedAt', {
                time: storeTime(new Date().toISOString()),
                who: user.displayName,
              })}
            </div>
          </header>
          <PackView pack={p} />
        </article>
      )}
    </div>
  );
}
