import { CopyOutlined, EditOutlined, GiftOutlined, WarningOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Skeleton, Tabs, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../../electron/contract/customers';
import type { MemberView } from '../../../../electron/contract/loyalty';
import { api } from '../../api';
import { useAuth } from '../../auth/use-auth';
import { errorMessage } from '../../forms/apply-server-errors';
import { formatDate } from '../../format/date';
import { formatFen } from '../../format/money';
import { AdjustModal } from '../loyalty/adjust-modal';
import { formatPoints, loyaltyKeys } from '../loyalty/loyalty-keys';
import { RedeemModal } from '../loyalty/redeem-modal';
import { TierTag } from '../loyalty/tier-tag';
import { LedgerTable } from './member-ledger';
import { MemberReferrals } from './member-referrals';
import { MemberVouchers } from './member-vouchers';

/** The member's code; a member without one yet gets it on request (the channel issues it on first call). */
function ReferralCode({ customerId, code }: { customerId: number; code: string | null }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const issue = useMutation({
    mutationFn: () => api.call('loyalty.referralCode', { customerId }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: loyaltyKeys.member(customerId) }),
    onError: (error) => void message.error(errorMessage(error)),
  });
  if (!code) {
    return (
      <Button
        size="small"
        type="link"
        className="inline-link"
        loading={issue.isPending}
        onClick={() => issue.mutate()}
      >
        {t('loyalty.member.getCode')}
      </Button>
    );
  }
  const copy = () =>
    navigator.clipboard
      .writeText(code)
      .then(() => void message.success(t('loyalty.member.copied')))
      .catch(() => void message.warning(t('loyalty.member.copyFailed')));
  return (
    <span className="member-code">
      <span className="cell-mono" data-testid="referral-code">
        {code}
      </span>
      <Tooltip title={t('loyalty.member.copy')}>
        <Button
          size="small"
          type="text"
          icon={<CopyOutlined />}
          aria-label={t('loyalty.member.copy')}
          onClick={() => void copy()}
        />
      </Tooltip>
    </span>
  );
}

function MemberSummary({ m }: { m: MemberView }) {
  const { t } = useTranslation();
  return (
    <div className="member-summary">
      <div className="member-figure">
        <span className="member-label">{t('loyalty.member.tier')}</span>
        <span className="member-tier">
          <TierTag tier={m.tier} />
          {m.tierSince && (
            <span className="member-sub">
              {t('loyalty.member.tierSince', { date: formatDate(m.tierSince) })}
            </span>
          )}
        </span>
      </div>
      <div className="member-figure">
        <span className="member-label">{t('loyalty.member.balance')}</span>
        <span className="member-balance" data-testid="member-balance">
          {t('loyalty.member.points', { points: formatPoints(m.balance) })}
        </span>
      </div>
      <div className="member-figure">
        <span className="member-label">{t('loyalty.member.referralCode')}</span>
        <ReferralCode customerId={m.customerId} code={m.referralCode} />
      </div>
      <div className="member-lines">
        <Typography.Paragraph className="member-benefits" ellipsis={{ rows: 2, tooltip: m.benefits }}>
          <span className="member-label">{t('loyalty.member.benefits')}：</span>
          {m.benefits || '—'}
        </Typography.Paragraph>
        <div className="member-sub">
          {t('loyalty.member.qualifying', {
            points: formatPoints(m.qualifying.points),
            spending: formatFen(m.qualifying.spendingFen),
            visits: m.qualifying.visits,
          })}
          {' · '}
          {m.nextTier
            ? t('loyalty.member.nextTier', {
                tier: t(`loyalty.tiers.${m.nextTier.tier}`),
                missing: m.nextTier.missing,
              })
            : t('loyalty.member.topTier')}
        </div>
        <div className={m.expiringSoon ? 'member-expiring is-soon' : 'member-expiring'}>
          {m.expiringSoon ? (
            <>
              <WarningOutlined />{' '}
              {t('loyalty.member.expiring', {
                points: formatPoints(m.expiringSoon.points),
                date: formatDate(m.expiringSoon.on),
              })}
            </>
          ) : (
            t('loyalty.member.noExpiring')
          )}
        </div>
      </div>
    </div>
  );
}

/**
 * 会员积分 on the card: tier with its benefits, the balance the ledger sums to, what expires soon, the referral
 * code; below, the ledger, the vouchers (核销 / 作废 / 打印) and who referred whom. Redeeming is front-desk work
 * (customers.write); adjusting is a manager's (loyalty.manage).
 */
export function MemberSection({ customer, canWrite }: { customer: CustomerDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [dialog, setDialog] = useState<'redeem' | 'adjust' | null>(null);
  const member = useQuery({
    queryKey: loyaltyKeys.member(customer.id),
    queryFn: () => api.call('loyalty.member', { customerId: customer.id }),
  });
  const m = member.data;
  const extra = (
    <span className="member-actions">
      {canWrite && (
        <Button size="small" icon={<GiftOutlined />} disabled={!m} onClick={() => setDialog('redeem')}>
          {t('loyalty.member.redeem')}
        </Button>
      )}
      {can('loyalty.manage') && (
        <Button size="small" icon={<EditOutlined />} disabled={!m} onClick={() => setDialog('adjust')}>
          {t('loyalty.member.adjust')}
        </Button>
      )}
    </span>
  );
  return (
    <Card
      size="small"
      className="card-section member-section"
      title={t('loyalty.member.title')}
      extra={extra}
      aria-label={t('loyalty.member.title')}
    >
      {member.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
      {member.isError && <Typography.Text type="danger">{errorMessage(member.error)}</Typography.Text>}
      {m && <MemberSummary m={m} />}
      <Tabs
        size="small"
        className="member-tabs"
        items={[
          {
            key: 'ledger',
            label: t('loyalty.member.tabs.ledger'),
            children: <LedgerTable customerId={customer.id} />,
          },
          {
            key: 'vouchers',
            label: t('loyalty.member.tabs.vouchers'),
            children: <MemberVouchers customerId={customer.id} canWrite={canWrite} />,
          },
          {
            key: 'referrals',
            label: t('loyalty.member.tabs.referrals'),
            children: <MemberReferrals customerId={customer.id} />,
          },
        ]}
      />
      {dialog === 'redeem' && m && (
        <RedeemModal customer={customer} balance={m.balance} onClose={() => setDialog(null)} />
      )}
      {dialog === 'adjust' && m && (
        <AdjustModal customer={customer} balance={m.balance} onClose={() => setDialog(null)} />
      )}
    </Card>
  );
}
