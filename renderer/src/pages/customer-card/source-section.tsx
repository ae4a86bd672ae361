import { Card, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CustomerCard } from '../../../../electron/contract/customers';
import { InfoList } from './info-list';

/** Where the customer came from, who brought them, and whom they brought: referrals feed the loyalty score. */
export function SourceSection({ card }: { card: CustomerCard }) {
  const { t } = useTranslation();
  const c = card.customer;
  const { referred } = card;
  return (
    <Card size="small" className="card-section" title={t('card.source.title')}>
      <InfoList
        items={[
          { label: t('card.source.channel'), value: t(`labels.sourceChannel.${c.sourceChannel}`) },
          {
            label: t('card.source.referrer'),
            value: card.referrer && <Link to={`/customers/${card.referrer.id}`}>{card.referrer.name}</Link>,
          },
        ]}
      />
      <div className="info-subtitle">{t('card.source.referred', { count: referred.total })}</div>
      {referred.total === 0 ? (
        <p className="section-empty">{t('card.source.noneReferred')}</p>
      ) : (
        <ul className="referred-list">
          {referred.rows.map((r) => (
            <li key={r.id}>
              <Link to={`/customers/${r.id}`}>{r.name}</Link>
              <span className={`stage-pill stage-${r.stage}`}>{t(`labels.stage.${r.stage}`)}</span>
              {r.hasPurchased && (
                <Tag color="green" bordered={false}>
                  {t('card.source.purchased')}
                </Tag>
              )}
            </li>
          ))}
          {referred.total > referred.rows.length && (
            <li className="section-empty">
              {t('card.source.moreReferred', { count: referred.total - referred.rows.length })}
            </li>
          )}
        </ul>
      )}
    </Card>
  );
}
