import { useTranslation } from 'react-i18next';
import { maskPersonName } from '../../../../electron/common/mask-name';
import type { Voucher } from '../../../../electron/contract/loyalty';
import { formatDate } from '../../format/date';
import { formatPoints } from './loyalty-keys';
import './voucher.css';

/** Opens the printable voucher in its own window, as the event sheets do (the print view has no menu). */
export function openVoucherPrint(redemptionId: number): void {
  window.open(`#/print/loyalty/vouchers/${redemptionId}`, '_blank', 'noopener');
}

/**
 * 兑换凭证 as the customer gets it: store, customer (name masked — the slip leaves the store), reward, number and
 * date. The same markup shows on screen after redeeming and on the print page.
 */
export function VoucherView({ voucher: v, storeName }: { voucher: Voucher; storeName: string }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t('loyalty.voucher.customer'), maskPersonName(v.customerName)],
    [t('loyalty.voucher.reward'), `${v.reward.name}（${t(`loyalty.rewardKinds.${v.reward.kind}`)}）`],
    [t('loyalty.voucher.quantity'), String(v.quantity)],
    [t('loyalty.voucher.points'), formatPoints(v.points)],
    [t('loyalty.voucher.date'), formatDate(v.redeemedOn)],
    [t('loyalty.voucher.by'), v.redeemedBy?.name ?? '—'],
  ];
  return (
    <section className="voucher" aria-label={t('loyalty.voucher.title')}>
      <header className="voucher-head">
        <div className="voucher-store">{storeName}</div>
        <h2>{t('loyalty.voucher.title')}</h2>
        <div className="voucher-no">
          {t('loyalty.voucher.no')} <strong data-testid="voucher-no">{v.voucherNo}</strong>
        </div>
      </header>
      <dl className="voucher-facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        {v.state !== 'issued' && (
          <div className="voucher-state">
            <dt>{t('loyalty.voucher.state')}</dt>
            <dd>{t(`loyalty.voucherStates.${v.state}`)}</dd>
          </div>
        )}
      </dl>
      <footer className="voucher-foot">
        <span>{t('loyalty.voucher.note')}</span>
        <span className="voucher-sign">{t('loyalty.voucher.sign')}：</span>
      </footer>
    </section>
  );
}
