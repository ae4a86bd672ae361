import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Spin } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { useStoreSettings } from '../../settings/use-store-settings';
import { loyaltyKeys } from './loyalty-keys';
import { VoucherView } from './voucher-view';

/** The voucher alone, to print with window.print (Electron's print dialog the same). */
export function VoucherPrint() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const store = useStoreSettings();
  const voucher = useQuery({
    queryKey: loyaltyKeys.voucher(id),
    queryFn: () => api.call('loyalty.voucher', { redemptionId: id }),
    enabled: Number.isInteger(id) && id > 0,
  });
  const v = voucher.data;
  const ready = Boolean(v && store);
  useEffect(() => {
    document.title = v ? `${t('loyalty.voucher.title')} ${v.voucherNo}` : t('loyalty.voucher.title');
  }, [v, t]);
  return (
    <div className="voucher-print-root">
      <div className="voucher-print-toolbar">
        <span>{t('loyalty.voucher.title')}</span>
        <Button type="primary" icon={<PrinterOutlined />} disabled={!ready} onClick={() => window.print()}>
          {t('loyalty.voucher.printNow')}
        </Button>
      </div>
      <div className="voucher-print-page" data-ready={ready || undefined}>
        {voucher.isPending && <Spin />}
        {voucher.isError && <Alert type="error" showIcon title={errorMessage(voucher.error)} />}
        {v && store && <VoucherView voucher={v} storeName={store.storeName} />}
      </div>
    </div>
  );
}
