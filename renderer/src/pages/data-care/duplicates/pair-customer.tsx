import { useTranslation } from 'react-i18next';
import type { DuplicatePair } from '../../../../../electron/contract/duplicates';
import { formatDate } from '../../../format/date';
import { CustomerLink } from './customer-link';

type ScanCustomer = DuplicatePair['a'];

/** One side of a likely pair: who, how to reach them, and how active the card is. */
export function PairCustomer({ customer: c }: { customer: ScanCustomer }) {
  const { t } = useTranslation();
  const details = [c.mobile, c.district].filter(Boolean).join(' · ');
  return (
    <div className="pair-customer">
      <div className="pair-customer-line">
        <CustomerLink id={c.id} name={c.name} />
        <span className="pair-customer-id">{t('dataCare.customerId', { id: c.id })}</span>
        <span className={`stage-pill stage-${c.stage}`}>{t(`labels.stage.${c.stage}`)}</span>
      </div>
      {details && <div className="pair-customer-detail cell-mono">{details}</div>}
      <div className="pair-customer-detail">
        {c.lastVisitAt
          ? t('dataCare.duplicates.lastVisit', { date: formatDate(c.lastVisitAt) })
          : t('dataCare.duplicates.noVisit')}
        {' · '}
        {t('dataCare.duplicates.vehicles', { count: c.vehicleCount })}
      </div>
    </div>
  );
}
