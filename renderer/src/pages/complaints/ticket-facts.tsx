import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../../electron/contract/complaints';
import { gradeFacts } from '../../../../electron/contract/complaints';
import { StoreTime } from './store-time';

/** What the customer said and wants, the facts the grade was suggested from, and why the grade differs. */
export function TicketFacts({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const facts = gradeFacts.filter((f) => ticket.facts[f]);
  return (
    <section className="cp-card" aria-labelledby="cp-facts-title">
      <h2 id="cp-facts-title" className="cp-card-title">
        {t('complaints.ticket.description')}
      </h2>
      <p className="cp-description cp-pre">{ticket.description}</p>
      <dl className="cp-kv">
        <dt>{t('complaints.ticket.demand')}</dt>
        <dd className="cp-pre">{ticket.demand ?? t('common.none')}</dd>
        <dt>{t('complaints.ticket.facts')}</dt>
        <dd>
          {facts.length === 0
            ? t('complaints.ticket.noFacts')
            : facts.map((f) => (
                <Tag key={f} bordered={false} color={f === 'concrete_loss' ? 'orange' : 'red'}>
                  {t(`complaints.facts.${f}`)}
                </Tag>
              ))}
        </dd>
        <dt>{t('complaints.ticket.grading')}</dt>
        <dd>
          {ticket.grade === ticket.suggestedGrade
            ? t('complaints.ticket.gradeAsSuggested', { grade: ticket.grade })
            : t('complaints.ticket.gradeChanged', { grade: ticket.grade, suggested: ticket.suggestedGrade })}
          {ticket.gradeReason && <span className="cp-muted">（{ticket.gradeReason}）</span>}
        </dd>
        {ticket.manufacturerDueAt && (
          <>
            <dt>{t('complaints.ticket.manufacturerDue')}</dt>
            <dd>
              <StoreTime iso={ticket.manufacturerDueAt} className="cell-mono" />
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
