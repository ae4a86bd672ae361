import { Button, Empty, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SolutionState, TicketDetail, TicketSolution } from '../../../../electron/contract/complaints';
import { formatFen } from '../../format/money';
import { StoreTime } from './store-time';
import type { TicketAction } from './ticket-action-modals';

const colors: Record<SolutionState, string> = {
  awaiting_approval: 'orange',
  proposed: 'blue',
  agreed: 'green',
  refused: 'red',
  rejected: 'default',
};

function Compensation({ s }: { s: TicketSolution }) {
  const { t } = useTranslation();
  const c = s.compensation;
  const parts = [
    c.goodwillFen > 0 && t('complaints.solutions.goodwill', { amount: formatFen(c.goodwillFen) }),
    c.labourDiscountFen > 0 && t('complaints.solutions.labour', { amount: formatFen(c.labourDiscountFen) }),
    c.partsDiscountFen > 0 && t('complaints.solutions.parts', { amount: formatFen(c.partsDiscountFen) }),
    c.gift && t('complaints.solutions.gift', { gift: c.gift, amount: formatFen(c.giftValueFen) }),
  ].filter(Boolean);
  if (parts.length === 0)
    return <div className="cp-sol-comp is-none">{t('complaints.solutions.noCompensation')}</div>;
  return (
    <div className="cp-sol-comp">
      {parts.join('；')}
      <span className="cp-sol-total">
        {t('complaints.solutions.total', { amount: formatFen(s.totalFen) })}
      </span>
    </div>
  );
}

/** 处理方案: each proposal with its compensation and where it stands: approval, then the customer's answer. */
export function TicketSolutions({
  ticket,
  onAction,
}: {
  ticket: TicketDetail;
  onAction: (a: TicketAction) => void;
}) {
  const { t } = useTranslation();
  const solutions = [...ticket.solutions].sort((a, b) => (a.proposedAt < b.proposedAt ? 1 : -1));
  return (
    <section className="cp-card" aria-labelledby="cp-solutions-title">
      <h2 id="cp-solutions-title" className="cp-card-title">
        {t('complaints.solutions.title')}
      </h2>
      {solutions.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('complaints.solutions.none')}
          className="cp-card-empty"
        />
      ) : (
        <ul className="cp-solutions">
          {solutions.map((s) => (
            <li key={s.id} className={`cp-sol cp-sol-${s.state}`} data-solution-state={s.state}>
              <div className="cp-sol-head">
                <Tag color={colors[s.state]} bordered={false}>
                  {t(`complaints.solutionStates.${s.state}`)}
                </Tag>
                <span className="cp-sol-who">
                  {s.proposedBy?.name ?? t('common.none')} · <StoreTime iso={s.proposedAt} />
                </span>
              </div>
              <div className="cp-sol-text">{s.proposal}</div>
              <Compensation s={s} />
              {s.approvedAt && (
                <div className="cp-sol-line">
                  {t(
                    s.state === 'rejected'
                      ? 'complaints.solutions.rejectedBy'
                      : 'complaints.solutions.approvedBy',
                    {
                      name: s.approvedBy?.name ?? '',
                    },
                  )}{' '}
                  <StoreTime iso={s.approvedAt} />
                  {s.approvalNote && `：${s.approvalNote}`}
                </div>
              )}
              {s.answeredAt && (
                <div className="cp-sol-line">
                  {t('complaints.solutions.answeredAt')} <StoreTime iso={s.answeredAt} />
                  {s.answerNote && `：${s.answerNote}`}
                </div>
              )}
              {s.state === 'awaiting_approval' && ticket.can.approve && (
                <Space className="cp-sol-actions">
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => onAction({ kind: 'approve', solutionId: s.id, approve: true })}
                  >
                    {t('complaints.actions.approve.approve')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    onClick={() => onAction({ kind: 'approve', solutionId: s.id, approve: false })}
                  >
                    {t('complaints.actions.approve.reject')}
                  </Button>
                </Space>
              )}
              {s.state === 'awaiting_approval' && !ticket.can.approve && (
                <div className="cp-sol-line cp-sol-wait">{t('complaints.solutions.waitingApproval')}</div>
              )}
              {s.state === 'proposed' && ticket.can.handle && (
                <Space className="cp-sol-actions">
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => onAction({ kind: 'answer', solutionId: s.id, answer: 'agreed' })}
                  >
                    {t('complaints.actions.answer.ok.agreed')}
                  </Button>
                  <Button
                    size="small"
                    onClick={() => onAction({ kind: 'answer', solutionId: s.id, answer: 'refused' })}
                  >
                    {t('complaints.actions.answer.ok.refused')}
                  </Button>
                </Space>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
