import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../../electron/contract/customers';
import { formatFenWhole } from '../../format/money';
import { InfoList } from './info-list';

/** What they want to buy and why a deal went the way it did: the sales side of the card. */
export function PurchaseSection({ customer: c }: { customer: CustomerDetail }) {
  const { t } = useTranslation();
  return (
    <Card size="small" className="card-section" title={t('card.purchase.title')}>
      <InfoList
        items={[
          { label: t('card.purchase.leadGrade'), value: c.leadGrade && t(`labels.leadGrade.${c.leadGrade}`) },
          { label: t('card.purchase.budget'), value: c.budgetFen !== null && formatFenWhole(c.budgetFen) },
          { label: t('card.purchase.need'), value: c.purchaseNeed, wide: true },
          { label: t('card.purchase.currentCar'), value: c.currentCar, wide: true },
          {
            label: t('card.purchase.lostCategory'),
            value: c.lostReasonCategory && t(`card.enums.lostReason.${c.lostReasonCategory}`),
          },
          { label: t('card.purchase.outcome'), value: c.outcomeReason, wide: true },
        ]}
      />
    </Card>
  );
}
