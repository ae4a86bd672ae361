import { useQuery } from '@tanstack/react-query';
import { Button, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentHistoryItem } from '../../../../electron/contract/consent';
import { api } from '../../api';
import { formatDateTime } from '../../format/date';
import { cardKeys } from './card-keys';

/** Enough to see the latest changes at a glance; the rest is one click away. */
const shownAtFirst = 5;

type Answer = 'granted' | 'withdrawn' | 'refused';

/** A no after an earlier yes for the same purpose is a withdrawal; a first no is a refusal. */
function answers(items: readonly ConsentHistoryItem[]): Map<number, Answer> {
  const out = new Map<number, Answer>();
  const grantedBefore = new Set<string>();
  // Items come newest first; walk them oldest first.
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (item.granted) {
      out.set(item.id, 'granted');
      grantedBefore.add(item.purpose);
    } else out.set(item.id, grantedBefore.has(item.purpose) ? 'withdrawn' : 'refused');
  }
  return out;
}

/** The append-only consent ledger under the current answers: when, what, how, on what evidence, by whom. */
export function ConsentHistory({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const query = useQuery({
    queryKey: cardKeys.consentHistory(customerId),
    queryFn: () => api.call('customers.consentHistory', { customerId }),
  });

  let body;
  if (query.isPending) body = <Spin size="small" />;
  else if (query.isError)
    body = <p className="consent-history-empty">{t('card.consent.history.loadFailed')}</p>;
  else if (query.data.items.length === 0)
    body = <p className="consent-history-empty">{t('card.consent.history.none')}</p>;
  else {
    const items = query.data.items;
    const kind = answers(items);
    const shown = all ? items : items.slice(0, shownAtFirst);
    body = (
      <>
        <ol className="consent-history-list">
          {shown.map((item) => {
            const answer = kind.get(item.id) ?? 'refused';
            const who =
              item.recordedBy !== null
                ? t('card.consent.history.by', { name: item.recordedBy })
                : t(`card.enums.consentSource.${item.source}`);
            return (
              <li key={item.id} className={`consent-history-item is-${answer}`}>
                <div className="consent-history-head">
                  <span className="consent-history-answer">{t(`card.consent.history.${answer}`)}</span>
                  <span className="consent-history-purpose">
                    {t(`card.enums.consentPurpose.${item.purpose}`)}
                  </span>
                  <time className="consent-history-at" dateTime={item.at}>
                    {formatDateTime(item.at)}
                  </time>
                </div>
                <div className="consent-history-meta">
                  <span>{t(`card.enums.consentChannel.${item.channel}`)}</span>
                  {item.evidence && (
                    <span className="consent-history-evidence" title={item.evidence}>
                      {t('card.consent.history.evidence', { evidence: item.evidence })}
                    </span>
                  )}
                  <span>{who}</span>
                </div>
              </li>
            );
          })}
        </ol>
        {items.length > shownAtFirst && (
          <Button size="small" type="link" className="inline-link" onClick={() => setAll((v) => !v)}>
            {all
              ? t('card.consent.history.showLess')
              : t('card.consent.history.showAll', { count: items.length })}
          </Button>
        )}
      </>
    );
  }

  return (
    <section className="consent-history" aria-label={t('card.consent.history.title')}>
      <h4 className="consent-history-title">{t('card.consent.history.title')}</h4>
      {body}
    </section>
  );
}
