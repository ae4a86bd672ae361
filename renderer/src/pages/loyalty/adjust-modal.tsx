import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../electron/contract';
import type { ChannelOutput } from '../../../../electron/contract';
import type { CustomerDetail } from '../../../../electron/contract/customers';
import { api } from '../../api';
import { FormModal } from '../events/form-modal';
import { integerWidget } from '../events/integer-widget';
import { formatPoints, loyaltyKeys } from './loyalty-keys';

const schema = contract['loyalty.adjust'].input;

/** 调整积分: a signed amount and the reason; above the store's size it waits for a second manager (main decides). */
export function AdjustModal({
  customer,
  balance,
  onClose,
}: {
  customer: Pick<CustomerDetail, 'id' | 'name'>;
  balance: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const settings = useQuery({
    queryKey: loyaltyKeys.settings,
    queryFn: () => api.call('loyalty.settings', {}),
  }).data;
  return (
    <FormModal
      spec={{
        title: t('loyalty.adjust.title', { name: customer.name }),
        intro: t('loyalty.adjust.intro', {
          balance: formatPoints(balance),
          limit: formatPoints(settings?.adjustApprovalPoints ?? 0),
        }),
        schema,
        defaults: { customerId: customer.id, points: undefined as unknown as number, reason: '' },
        okText: t('loyalty.adjust.ok'),
        invalidate: loyaltyKeys.all,
        fields: () => [
          {
            name: 'points',
            label: t('loyalty.adjust.points'),
            required: true,
            span: 10,
            widget: integerWidget(-10_000_000, 10_000_000, t('loyalty.adjust.pointsHint')),
          },
          {
            name: 'reason',
            label: t('loyalty.adjust.reason'),
            required: true,
            widget: {
              kind: 'textarea',
              rows: 2,
              maxLength: 200,
              placeholder: t('loyalty.adjust.reasonPlaceholder'),
            },
          },
        ],
        run: (v) => api.call('loyalty.adjust', v),
        done: (result) => {
          const r = result as ChannelOutput<'loyalty.adjust'>;
          return r.adjustment.state === 'pending'
            ? t('loyalty.adjust.pending')
            : t('loyalty.adjust.posted', { balance: formatPoints(r.balance) });
        },
      }}
      onClose={onClose}
    />
  );
}
