import { useTranslation } from 'react-i18next';
import { contract } from '../../../../electron/contract';
import type { Voucher } from '../../../../electron/contract/loyalty';
import { api } from '../../api';
import { FormModal } from '../events/form-modal';
import { formatPoints, loyaltyKeys } from './loyalty-keys';

/** 作废: the reason, then main voids the voucher and returns its points in one transaction. */
export function CancelVoucherModal({ voucher, onClose }: { voucher: Voucher; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal
      spec={{
        title: t('loyalty.vouchers.cancelTitle', { no: voucher.voucherNo }),
        intro: t('loyalty.vouchers.cancelIntro', { points: formatPoints(voucher.points) }),
        schema: contract['loyalty.cancelVoucher'].input,
        defaults: { redemptionId: voucher.redemptionId, reason: '' },
        okText: t('loyalty.vouchers.cancelOk'),
        danger: true,
        invalidate: loyaltyKeys.all,
        fields: () => [
          {
            name: 'reason',
            label: t('loyalty.vouchers.cancelReason'),
            required: true,
            widget: { kind: 'textarea', rows: 2, maxLength: 200 },
          },
        ],
        run: (v) => api.call('loyalty.cancelVoucher', v),
        done: t('loyalty.vouchers.cancelled', { points: formatPoints(voucher.points) }),
      }}
      onClose={onClose}
    />
  );
}
