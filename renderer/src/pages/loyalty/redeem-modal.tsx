import { PrinterOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Form, Modal } from 'antd';
import { useId, useState } from 'react';
import type { FieldPath } from 'react-hook-form';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract } from '../../../../electron/contract';
import type { CustomerDetail } from '../../../../electron/contract/customers';
import type { Voucher } from '../../../../electron/contract/loyalty';
import { api } from '../../api';
import { applyServerErrors, errorMessage } from '../../forms/apply-server-errors';
import type { FieldDescriptor } from '../../forms/field-descriptors';
import { DescriptorFields } from '../../forms/field-descriptors';
import { useStoreSettings } from '../../settings/use-store-settings';
import { integerWidget } from '../events/integer-widget';
import { requiredMessages } from '../events/required-messages';
import { formatPoints, loyaltyKeys } from './loyalty-keys';
import { openVoucherPrint, VoucherView } from './voucher-view';

const schema = contract['loyalty.redeem'].input;
type Values = z.input<typeof schema>;
type Output = z.output<typeof schema>;

/**
 * 兑换 at the counter: pick a reward, see what it costs against the balance, confirm; then the voucher, to print.
 * Main checks the balance and stock again inside its write lock, so the figure here is a guide, not the gate.
 */
export function RedeemModal({
  customer,
  balance,
  onClose,
}: {
  customer: Pick<CustomerDetail, 'id' | 'name'>;
  balance: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const store = useStoreSettings();
  const formId = useId();
  const [voucher, setVoucher] = useState<Voucher | null>(null);
  const rewards = useQuery({
    queryKey: loyaltyKeys.rewards(false),
    queryFn: () => api.call('loyalty.rewards', {}),
  });
  const { control, handleSubmit, formState, setError } = useForm<Values, unknown, Output>({
    resolver: zodResolver(schema, requiredMessages(t)),
    defaultValues: { customerId: customer.id, rewardId: undefined as unknown as number, quantity: 1 },
  });
  const picked = useWatch({ control, name: 'rewardId' });
  const quantity = useWatch({ control, name: 'quantity' }) ?? 1;
  const reward = rewards.data?.find((r) => r.id === picked);
  const cost = reward ? reward.pointsPrice * (quantity || 0) : 0;

  const fields: FieldDescriptor<Values>[] = [
    {
      name: 'rewardId',
      label: t('loyalty.redeem.reward'),
      required: true,
      span: 16,
      widget: {
        kind: 'select',
        loading: rewards.isPending,
        showSearch: true,
        placeholder: t('loyalty.redeem.rewardPlaceholder'),
        options: (rewards.data ?? []).map((r) => {
          const stock =
            r.stock === null ? t('loyalty.redeem.unlimited') : t('loyalty.redeem.stock', { stock: r.stock });
          const text = `${r.name} · ${t('loyalty.redeem.price', { points: formatPoints(r.pointsPrice) })} · ${stock}`;
          return { value: r.id, label: text, title: text };
        }),
      },
    },
    {
      name: 'quantity',
      label: t('loyalty.redeem.quantity'),
      required: true,
      span: 8,
      widget: integerWidget(1, 100),
    },
  ];

  const submit = handleSubmit(async (v) => {
    try {
      const issued = await api.call('loyalty.redeem', v);
      setVoucher(issued);
      void message.success(t('loyalty.redeem.done', { no: issued.voucherNo }));
      await queryClient.invalidateQueries({ queryKey: loyaltyKeys.all });
    } catch (error) {
      if (!applyServerErrors(error, setError, ['rewardId', 'quantity'] as FieldPath<Values>[]))
        void message.error(errorMessage(error));
    }
  });

  if (voucher) {
    return (
      <Modal
        open
        title={t('loyalty.redeem.voucherTitle')}
        width={520}
        onCancel={onClose}
        mask={{ closable: false }}
        footer={[
          <Button
            key="print"
            icon={<PrinterOutlined />}
            onClick={() => openVoucherPrint(voucher.redemptionId)}
          >
            {t('loyalty.redeem.print')}
          </Button>,
          <Button key="close" type="primary" onClick={onClose}>
            {t('loyalty.redeem.close')}
          </Button>,
        ]}
      >
        <VoucherView voucher={voucher} storeName={store?.storeName ?? ''} />
      </Modal>
    );
  }

  const short = reward !== undefined && cost > balance;
  return (
    <Modal
      open
      title={t('loyalty.redeem.title', { name: customer.name })}
      width={600}
      okText={t('loyalty.redeem.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: formId, loading: formState.isSubmitting, disabled: short }}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      <div className="ev-modal-intro">{t('loyalty.redeem.balance', { balance: formatPoints(balance) })}</div>
      {rewards.data?.length === 0 && (
        <Alert type="info" showIcon className="modal-alert" title={t('loyalty.redeem.noRewards')} />
      )}
      <form id={formId} onSubmit={(e) => void submit(e)} noValidate>
        <Form layout="vertical" component={false}>
          <DescriptorFields control={control} fields={fields} />
        </Form>
      </form>
      {reward && (
        <Alert
          type={short ? 'warning' : 'success'}
          showIcon
          data-testid="redeem-cost"
          title={
            short
              ? t('loyalty.redeem.short', { missing: formatPoints(cost - balance) })
              : t('loyalty.redeem.cost', { cost: formatPoints(cost), after: formatPoints(balance - cost) })
          }
        />
      )}
    </Modal>
  );
}
