import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../../electron/contract/complaints';
import { formatDate } from '../../format/date';
import { StoreTime } from './store-time';

/**
 * 结案与复盘: the resolution with its root cause and FCR, the 结案回访 in the call-back queue and the customer's
 * answer, and for A/B tickets the review. Shown once there is something to show.
 */
export function TicketClosure({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const call = ticket.closureCall;
  const review = ticket.review;
  // The review is asked for once an A or B ticket is closed; before that there is nothing to review yet.
  const reviewShown = ticket.reviewRequired && (ticket.state === 'closed' || review !== null);
  if (!ticket.resolutionSummary && !call && !review && !reviewShown) return null;
  return (
    <section className="cp-card" aria-labelledby="cp-closure-title">
      <h2 id="cp-closure-title" className="cp-card-title">
        {t('complaints.closure.title')}
      </h2>
      <dl className="cp-kv">
        {ticket.resolutionSummary && (
          <>
            {/* Reopened: what was done last time, until it is closed again. */}
            <dt>
              {t(ticket.state === 'closed' ? 'complaints.closure.summary' : 'complaints.closure.lastSummary')}
            </dt>
            <dd className="cp-pre">{ticket.resolutionSummary}</dd>
            <dt>{t('complaints.closure.rootCause')}</dt>
            <dd>{ticket.rootCause ? t(`complaints.rootCauses.${ticket.rootCause}`) : t('common.none')}</dd>
            <dt>{t('complaints.closure.fcr')}</dt>
            <dd>
              {ticket.resolvedAtFirstContact === null
                ? t('common.none')
                : t(ticket.resolvedAtFirstContact ? 'common.yes' : 'common.no')}
            </dd>
            {ticket.closedAt && (
              <>
                <dt>{t('complaints.closure.closedAt')}</dt>
                <dd>
                  <StoreTime iso={ticket.closedAt} />
                </dd>
              </>
            )}
          </>
        )}
        {call && (
          <>
            <dt>{t('complaints.closure.call')}</dt>
            <dd>
              {call.answer ? (
                <Tag color={call.answer === 'dissatisfied' ? 'red' : 'green'} bordered={false}>
                  {t(`complaints.closureAnswers.${call.answer}`)}
                </Tag>
              ) : (
                <span>{t('complaints.closure.callDue', { date: formatDate(call.dueDate) })}</span>
              )}
              {call.answeredAt && <StoreTime iso={call.answeredAt} className="cp-muted" />}
            </dd>
          </>
        )}
        {reviewShown && (
          <>
            <dt>{t('complaints.closure.review')}</dt>
            <dd>
              {review ? (
                <div className="cp-review">
                  <div>
                    {t(`complaints.rootCauses.${review.rootCause}`)} ·{' '}
                    {t(
                      review.preventable
                        ? 'complaints.closure.preventable'
                        : 'complaints.closure.notPreventable',
                    )}
                  </div>
                  <div className="cp-pre">{review.correctiveAction}</div>
                  <div className="cp-muted">
                    {t('complaints.closure.reviewOwner', {
                      name: review.owner?.name ?? t('common.none'),
                      date: formatDate(review.dueDate),
                    })}{' '}
                    {review.doneAt ? (
                      <Tag color="green" bordered={false}>
                        {t('complaints.closure.reviewDone')}
                      </Tag>
                    ) : (
                      <Tag color="orange" bordered={false}>
                        {t('complaints.closure.reviewOpen')}
                      </Tag>
                    )}
                  </div>
                </div>
              ) : (
                <Tag color="orange" bordered={false}>
                  {t('complaints.closure.reviewMissing')}
                </Tag>
              )}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
