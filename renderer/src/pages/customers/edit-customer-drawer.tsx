import { zodResolver } from '@hookform/resolvers/zod';
import { App as AntApp, Button, Drawer, Space, Tag } from 'antd';
import type { BaseSyntheticEvent } from 'react';
import { useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { CustomerConflictDetails, CustomerDetail } from '../../../../electron/contract/customers';
import { customerFields } from '../../../../electron/contract/customers';
import { api, ApiCallError } from '../../api';
import { applyServerErrors, errorMessage } from '../../forms/apply-server-errors';
import { ConflictDialog } from '../../forms/conflict-dialog';
import type { ConflictChoice, ConflictState } from '../../forms/conflict-rows';
import { conflictRows } from '../../forms/conflict-rows';
import { formatDateTime } from '../../format/date';
import type { PickedCustomer } from '../../search/customer-picker';
import type { DiffKey } from './customer-diff';
import { changedByMe, diffKeys, displayValue, fieldLabel } from './customer-diff';
import { CustomerForm } from './customer-form';
import type { CustomerFormOutput, CustomerFormValues } from './customer-form-values';
import { customerErrorMap, customerFormFields, customerToForm } from './customer-form-values';

interface EditCustomerDrawerProps {
  open: boolean;
  /** The card as loaded; the form starts from it and saves against its version. */
  customer: CustomerDetail;
  referrer: PickedCustomer | null;
  onClose: () => void;
  onSaved: (customer: CustomerDetail) => void;
}

interface Conflict extends ConflictState<DiffKey> {
  current: CustomerDetail;
  mine: CustomerFormOutput;
}

function setPath(values: CustomerFormValues, key: DiffKey, from: CustomerFormValues): CustomerFormValues {
  if (key.startsWith('preferences.')) {
    const sub = key.slice('preferences.'.length) as keyof NonNullable<CustomerFormValues['preferences']>;
    return { ...values, preferences: { ...values.preferences, [sub]: from.preferences?.[sub] ?? null } };
  }
  return { ...values, [key]: from[key as keyof CustomerFormValues] };
}

/**
 * Edits a card against the version it was loaded at. When someone saved in between, main refuses and the
 * conflict dialog shows both sides; nothing is overwritten without the editor seeing what they would replace.
 * Mounted per opening (the parent keys it), so the form always starts from the card on screen.
 */
export function EditCustomerDrawer({ open, customer, referrer, onClose, onSaved }: EditCustomerDrawerProps) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const navigate = useNavigate();
  const formId = useId();
  const [base, setBase] = useState(customer);
  // What the next save is made against: set with the state, read by a save started in the same handler.
  const against = useRef(customer);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const { control, handleSubmit, formState, setError, reset, getValues } = useForm<
    CustomerFormValues,
    unknown,
    CustomerFormOutput
  >({
    resolver: zodResolver(customerFields, { error: customerErrorMap(t) }),
    defaultValues: customerToForm(customer),
    // Checked when the user leaves a field (an ID number as soon as it is typed), then on every change.
    mode: 'onTouched',
  });

  // Read during render: react-hook-form only tracks the formState flags a render has looked at.
  const { isDirty } = formState;
  const confirmDiscard = (then: () => void) => {
    if (!isDirty) return then();
    modal.confirm({
      title: t('customerForm.discardTitle'),
      content: t('customerForm.discardEditHint'),
      okText: t('customerForm.discard'),
      cancelText: t('customerForm.keepEditing'),
      okButtonProps: { danger: true },
      onOk: then,
    });
  };

  // handleSubmit is called on the event, not in render: the save reads the copy it is made against.
  const save = async (values: CustomerFormOutput) => {
    const fields = { ...values, referrerId: values.sourceChannel === 'referral' ? values.referrerId : null };
    try {
      // The values loaded go along: main merges a stale save whose changes do not touch what others changed.
      const loaded = against.current;
      const saved = await api.call('customers.update', {
        id: loaded.id,
        version: loaded.version,
        base: customerToForm(loaded),
        fields,
      });
      void message.success(t('customerForm.saved'));
      onSaved(saved);
      onClose();
    } catch (error) {
      const details =
        error instanceof ApiCallError && error.kind === 'conflict'
          ? (error.details as Partial<CustomerConflictDetails> | undefined)
          : undefined;
      const current = details?.current;
      if (current) {
        setConflict({
          current,
          savedBy: details.savedBy ?? null,
          savedAt: details.savedAt ?? current.updatedAt,
          mine: fields,
          rows: conflictRows(
            diffKeys,
            (key) => fieldLabel(t, key),
            (key, c: CustomerDetail | CustomerFormOutput) => displayValue(t, key, c),
            { was: against.current, mine: fields, theirs: current },
          ),
        });
        return;
      }
      if (!applyServerErrors(error, setError, customerFormFields)) void message.error(errorMessage(error));
    }
  };
  const submit = (e?: BaseSyntheticEvent) => handleSubmit(save)(e);

  const loadLatest = () => {
    if (!conflict) return;
    against.current = conflict.current;
    setBase(conflict.current);
    reset(customerToForm(conflict.current));
    setConflict(null);
    void message.info(t('conflict.loaded'));
  };

  /** The latest card with the fields chosen as mine put back from the form, saved at once on its version. */
  const resolve = (choices: Record<string, ConflictChoice>) => {
    if (!conflict) return;
    const mineKeys = changedByMe(t, against.current, conflict.mine).filter((k) => choices[k] !== 'theirs');
    const typed = getValues();
    const merged = mineKeys.reduce((v, key) => setPath(v, key, typed), customerToForm(conflict.current));
    against.current = conflict.current;
    setBase(conflict.current);
    reset(customerToForm(conflict.current));
    reset(merged, { keepDefaultValues: true });
    setConflict(null);
    void submit();
  };

  return (
    <Drawer
      open={open}
      title={
        <span>
          {t('customerForm.editTitle', { name: customer.name })}
          <Tag className="drawer-version-tag">
            {t('customerForm.lastSaved', { at: formatDateTime(base.updatedAt) })}
          </Tag>
        </span>
      }
      size={720}
      onClose={() => confirmDiscard(onClose)}
      mask={{ closable: false }}
      footer={
        <Space className="drawer-footer">
          <Button onClick={() => confirmDiscard(onClose)}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" form={formId} loading={formState.isSubmitting}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <form id={formId} onSubmit={(e) => void submit(e)} noValidate>
        <CustomerForm
          control={control}
          customerId={customer.id}
          referrer={referrer}
          onOpenCustomer={(id) =>
            confirmDiscard(() => {
              onClose();
              void navigate(`/customers/${id}`);
            })
          }
        />
      </form>
      <ConflictDialog
        conflict={conflict}
        what={t('customerForm.conflict.what')}
        onResolve={resolve}
        onLoadLatest={loadLatest}
        onCancel={() => setConflict(null)}
      />
    </Drawer>
  );
}
