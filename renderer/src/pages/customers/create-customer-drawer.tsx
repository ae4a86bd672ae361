import { zodResolver } from '@hookform/resolvers/zod';
import { App as AntApp, Button, Drawer, Space } from 'antd';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { CustomerDetail } from '../../../../electron/contract/customers';
import { customerFields } from '../../../../electron/contract/customers';
import { api } from '../../api';
import { applyServerErrors, errorMessage } from '../../forms/apply-server-errors';
import { CustomerForm } from './customer-form';
import type { CustomerFormOutput, CustomerFormValues } from './customer-form-values';
import { customerErrorMap, customerFormFields, emptyCustomer } from './customer-form-values';

interface CreateCustomerDrawerProps {
  open: boolean;
  onClose: () => void;
  onCreated: (customer: CustomerDetail) => void;
}

export function CreateCustomerDrawer({ open, onClose, onCreated }: CreateCustomerDrawerProps) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const formId = useId();
  const navigate = useNavigate();
  const { control, handleSubmit, formState, setError, reset } = useForm<
    CustomerFormValues,
    unknown,
    CustomerFormOutput
  >({
    // The very schema main validates with: the form cannot accept what main would refuse, nor the reverse.
    resolver: zodResolver(customerFields, { error: customerErrorMap(t) }),
    defaultValues: emptyCustomer,
    // Checked when the user leaves a field (an ID number as soon as it is typed), then on every change.
    mode: 'onTouched',
  });

  // Read during render: react-hook-form only tracks the formState flags a render has looked at.
  const { isDirty } = formState;
  const confirmDiscard = (then: () => void) => {
    if (!isDirty) return then();
    modal.confirm({
      title: t('customerForm.discardTitle'),
      content: t('customerForm.discardHint'),
      okText: t('customerForm.discard'),
      cancelText: t('customerForm.keepEditing'),
      okButtonProps: { danger: true },
      onOk: then,
    });
  };
  const requestClose = () => confirmDiscard(onClose);
  const openOther = (id: number) =>
    confirmDiscard(() => {
      onClose();
      void navigate(`/customers/${id}`);
    });

  const submit = handleSubmit(async (values) => {
    try {
      const created = await api.call('customers.create', {
        ...values,
        // A referrer only means something for referrals; a number left over from switching channels does not.
        referrerId: values.sourceChannel === 'referral' ? values.referrerId : null,
      });
      void message.success(t('customers.created'));
      onClose();
      onCreated(created);
    } catch (error) {
      if (!applyServerErrors(error, setError, customerFormFields)) void message.error(errorMessage(error));
    }
  });

  return (
    <Drawer
      open={open}
      title={t('customerForm.title')}
      size={720}
      onClose={requestClose}
      mask={{ closable: false }}
      // Cleared once the slide-out is over, so the fields do not visibly empty while the drawer leaves.
      afterOpenChange={(visible) => {
        if (!visible) reset(emptyCustomer);
      }}
      footer={
        <Space className="drawer-footer">
          <Button onClick={requestClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" form={formId} loading={formState.isSubmitting}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <form id={formId} onSubmit={(e) => void submit(e)} noValidate>
        <CustomerForm control={control} onOpenCustomer={openOther} />
      </form>
    </Drawer>
  );
}
