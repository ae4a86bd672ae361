import { ArrowLeftOutlined, CrownOutlined, LinkOutlined } from '@ant-design/icons';
import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatPlate } from '../../../../electron/common/plate';
import type { TicketDetail } from '../../../../electron/contract/complaints';
import { PersonalValue } from '../../personal-data/personal-value';
import { ThreeGuaranteeChip } from '../customer-card/three-guarantee-chip';
import { complaintListPath } from './list-return';
import { StoreTime } from './store-time';
import { GradeBadge, StateTag } from './ticket-tags';

/** Who complains about what, how serious, where it stands, and who has it: the ticket at a glance. */
export function TicketHeader({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const c = ticket.customer;
  const v = ticket.vehicle;
  const paused = ticket.state === 'paused' && ticket.resumeState;
  return (
    <header className="cp-ticket-header">
      <div className="cp-ticket-top">
        <Link to={complaintListPath()} className="cp-back">
          <ArrowLeftOutlined /> {t('complaints.ticket.back')}
        </Link>
        <span className="cp-ticket-meta">
          {t('complaints.ticket.meta', {
            by: ticket.createdBy?.name ?? t('common.none'),
            reopened:
              ticket.reopenCount > 0 ? t('complaints.ticket.reopenCount', { count: ticket.reopenCount }) : '',
          })}{' '}
          <StoreTime iso={ticket.createdAt} />
        </span>
      </div>
      <div className="cp-ticket-title-row">
        <Typography.Title level={3} className="cp-ticket-no">
          {ticket.ticketNo}
        </Typography.Title>
        <GradeBadge grade={ticket.grade} withLabel />
        <StateTag state={ticket.state} />
        {paused && (
          <span className="cp-resume-hint">
            {t('complaints.ticket.resumesTo', { state: t(`complaints.states.${ticket.resumeState!}`) })}
          </span>
        )}
        {ticket.repeatOf && (
          <Tooltip title={t('complaints.ticket.repeatHint')}>
            <Link to={`/complaints/${ticket.repeatOf.id}`} className="cp-flag cp-flag-repeat cp-flag-link">
              <LinkOutlined /> {t('complaints.ticket.repeatOf', { no: ticket.repeatOf.ticketNo })}
            </Link>
          </Tooltip>
        )}
        {ticket.manufacturerCaseNo && (
          <span className="cp-flag cp-flag-manufacturer">
            {t('complaints.ticket.manufacturerCase', { no: ticket.manufacturerCaseNo })}
          </span>
        )}
        {c.highValue && (
          <Tag color="gold" icon={<CrownOutlined />} bordered={false}>
            {t(c.vip ? 'complaints.ticket.vip' : 'complaints.ticket.highValue')}
          </Tag>
        )}
      </div>
      <dl className="cp-ticket-facts">
        <div>
          <dt>{t('complaints.ticket.customer')}</dt>
          <dd>
            <Link to={`/customers/${c.id}`} className="cell-strong">
              {c.name}
            </Link>{' '}
            <span className="cp-stage">{t(`labels.stage.${c.stage}`)}</span>
            {c.mobile && (
              <>
                {' '}
                <PersonalValue customerId={c.id} field="mobile" value={c.mobile} mono />
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('complaints.ticket.vehicle')}</dt>
          <dd>
            {v ? (
              <>
                {v.plate && <span className="cell-mono">{formatPlate(v.plate)}</span>} {v.brand} {v.series}{' '}
                <span className="cp-vin cell-mono">{v.vin}</span>{' '}
                {ticket.threeGuarantee && <ThreeGuaranteeChip watch={ticket.threeGuarantee} />}
              </>
            ) : (
              t('common.none')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('complaints.ticket.category')}</dt>
          <dd>
            {t(`complaints.categories.${ticket.category}`)} · {t(`complaints.channels.${ticket.channel}`)}
          </dd>
        </div>
        <div>
          <dt>{t('complaints.ticket.received')}</dt>
          <dd>
            <StoreTime iso={ticket.receivedAt} className="cell-mono" />
            {ticket.receivedBy && ` · ${ticket.receivedBy.name}`}
          </dd>
        </div>
        <div>
          <dt>{t('complaints.ticket.routedTo')}</dt>
          <dd>
            {ticket.department || ticket.owner ? (
              [ticket.department?.name, ticket.owner?.name].filter(Boolean).join(' · ')
            ) : (
              <span className="cp-unrouted">{t('complaints.list.unrouted')}</span>
            )}
            {ticket.manager && (
              <span className="cp-manager">
                {' '}
                {t('complaints.ticket.manager', { name: ticket.manager.name })}
              </span>
            )}
          </dd>
        </div>
      </dl>
    </header>
  );
}
