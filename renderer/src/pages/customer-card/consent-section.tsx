import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../../electron/contract/customers';
import { consentPurposes } from '../../../../electron/contract/consent';
import { formatDate } from '../../format/date';
import type { CardAction } from './card-modals';
import { ConsentHistory } from './consent-history';

interface ConsentSectionProps {
  customer: CustomerDetail;
  canWrite: boolean;
  onAction: (action: CardAction) => void;
}

/**
 * PIPL: one answer per purpose, each with when and how it was given, and under them the ledger of every answer;
 * do-not-contact overrides them all.
 */
export function ConsentSection({ customer: c, canWrite, onAction }: ConsentSectionProps) {
  const { t } = useTranslation();
  return (
    <Card size="small" className="card-section" title={t('card.consent.title')}>
      <div className={c.doNotContact ? 'dnc-row is-on' : 'dnc-row'}>
        <StopOutlined />
        <span>
          {c.doNotContact
            ? t('card.consent.dncOn', { date: formatDate(c.doNotContactAt) })
            : t('card.consent.dncOff')}
        </span>
      </div>
      <ul className="consent-list">
        {consentPurposes.map((purpose) => {
          const state = c.consents[purpose];
          const status = state === null ? 'unknown' : state.granted ? 'granted' : 'refused';
          const Icon = {
            unknown: MinusCircleOutlined,
            granted: CheckCircleFilled,
            refused: CloseCircleFilled,
          }[status];
          return (
            <li key={purpose} className={`consent-row is-${status}`}>
              <span className="consent-purpose">{t(`card.enums.consentPurpose.${purpose}`)}</span>
              <span className="consent-status">
                <Icon /> {t(`card.consent.status.${status}`)}
              </span>
              <span className="consent-when">
                {state
                  ? t('card.consent.when', {
                      date: formatDate(state.recordedAt),
                      channel: t(`card.enums.consentChannel.${state.channel}`),
                    })
                  : ''}
              </span>
              {canWrite && (
                <Button
                  size="small"
                  type="link"
                  className="inline-link"
                  aria-label={t('card.consent.recordFor', {
                    purpose: t(`card.enums.consentPurpose.${purpose}`),
                  })}
                  onClick={() => onAction({ kind: 'consent', purpose })}
                >
                  {t('card.consent.record')}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      <ConsentHistory customerId={c.id} />
    </Card>
  );
}
