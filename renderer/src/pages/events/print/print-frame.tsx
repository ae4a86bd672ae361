import { PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStoreDateTime } from '../../settings/use-store-date-time';
import './print.css';

/**
 * An A4 page the browser prints (window.print; Electron's print dialog the same): a toolbar on screen only, the
 * document below in print proportions. `ready` holds the print until the data has arrived.
 */
export function PrintFrame({
  title,
  ready,
  children,
}: {
  title: string;
  ready: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const storeTime = useStoreDateTime();
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <div className="ev-print-root">
      <div className="ev-print-toolbar">
        <span>{title}</span>
        <Button type="primary" icon={<PrinterOutlined />} disabled={!ready} onClick={() => window.print()}>
          {t('events.print.printNow')}
        </Button>
      </div>
      <article className="ev-print-page" data-ready={ready || undefined}>
        {children}
        <footer className="ev-print-footer">
          {t('events.print.printedAt', { time: storeTime(new Date().toISOString()) })}
        </footer>
      </article>
    </div>
  );
}
