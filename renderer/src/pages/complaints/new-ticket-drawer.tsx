import { zodResolver } from '@hookform/resolvers/zod';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Drawer, Form, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useId, useMemo, useState } from 'react';
import type { FieldPath } from 'react-hook-form';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { z } from 'zod';
import type { ChannelInput } from '../../../../electron/contract';
import type { TicketChange } from '../../../../electron/contract/complaints';
import { ticketFields } from '../../../../electron/contract/complaints';
import { api } from '../../api';
import { useAuth } from '../../auth/use-auth';
import { applyServerErrors, errorMessage } from '../../forms/apply-server-errors';
import { DescriptorFields } from '../../forms/field-descriptors';
import type { PickedCustomer } from '../../search/customer-picker';
import { useDebouncedValue } from '../../search/use-debounced-value';
import { cardKeys } from '../customer-card/card-keys';
import { complaintKeys } from './complaint-keys';
import { GradeSuggestion } from './grade-suggestion';
import type { TicketFormValues, TicketVehicle } from './ticket-form-fields';
import { ticketFormSections } from './ticket-form-fields';
import { useComplaintStaff } from './use-complaint-staff';

type Output = z.output<typeof ticketFields>;
export type TicketSource = { from: 'attempt'; attemptId: number } | { from: 'task'; taskId: number };

const fieldNames = Object.keys(ticketFields.shape) as FieldPath<TicketFormValues>[];

interface NewTicketDrawerProps {
  open: boolean;
  onClose: () => void;
  onCreated: (ticket: TicketChange) => void;
  /** Opened from a customer card: that customer (not changeable) and the cars on the card. */
  customer?: { id: number; name: string; vehicles: TicketVehicle[] } | null;
  /** Opened from a call: the call that raised it or the dissatisfied follow-up task; main prefills from it. */
  source?: TicketSource | null;
}

function blank(userId: number, customerId: number): TicketFormValues {
  return {
    customerId,
    vehicleId: null,
    channel: 'walk_in',
    // No default category: it routes the ticket, so staff choose it.
    category: undefined as unknown as TicketFormValues['category'],
    description: '',
    demand: '',
    receivedAt: dayjs().second(0).millisecond(0).toISOString(),
    receivedByUserId: userId,
    facts: {
      safety_fault: false,
      media_exposure: false,
      regulator: false,
      refund_or_replacement: false,
      concrete_loss: false,
    },
    grade: null,
    gradeReason: '',
    departmentId: null,
    ownerUserId: null,
    managerUserId: null,
    manufacturerCaseNo: '',
    manufacturerDueAt: null,
    sourceAttemptId: null,
    sourceTaskId: null,
  };
}

/**
 * 登记投诉: who complains about what, when it was received (deadlines count from then), the facts the grade is
 * suggested from (live, from main), repeat warning and routing. Opened from the list, a card or a call.
 */
export function NewTicketDrawer({ open, onClose, onCreated, customer, source }: NewTicketDrawerProps) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { message, modal } = AntApp.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const formId = useId();
  const staff = useComplaintStaff(open);
  // The customer picked in the form; from a card or a call the customer is given and cannot change.
  const [pickedHere, setPicked] = useState<PickedCustomer | null>(null);
  const { control, handleSubmit, formState, setError, reset, setValue, getFieldState, clearErrors } = useForm<
    TicketFormValues,
    unknown,
    Output
  >({
    resolver: zodResolver(ticketFields, {
      error: (issue) => {
        const key = issue.path?.join('.');
        if (key === 'category') return t('complaints.form.categoryRequired');
        if (key === 'channel') return t('complaints.form.channelRequired');
        return undefined;
      },
    }),
    defaultValues: blank(user.id, customer?.id ?? 0),
    mode: 'onTouched',
  });

  // From a call: main's draft (customer, car, channel, text, when) fills the form once it arrives.
  const prefill = useQuery({
    queryKey: ['complaints', 'prefill', source] as const,
    queryFn: () => api.call('complaints.prefill', source!),
    enabled: open && Boolean(source),
    staleTime: Infinity,
  });
  useEffect(() => {
    const p = prefill.data;
    if (!p || !open) return;
    reset({
      ...blank(user.id, p.customerId),
      vehicleId: p.vehicleId,
      channel: p.channel,
      category: p.category,
      description: p.description,
      receivedAt: p.receivedAt,
      sourceAttemptId: p.sourceAttemptId,
      sourceTaskId: p.sourceTaskId,
    });
  }, [prefill.data, open, reset, user.id]);

  const given: PickedCustomer | null = customer
    ? { id: customer.id, name: customer.name }
    : prefill.data
      ? { id: prefill.data.customerId, name: prefill.data.customerName }
      : null;
  const picked = given ?? pickedHere;
  const values = useWatch({ control });
  const customerId = values.customerId ?? 0;
  const fixed = Boolean(customer || source);

  // The cars to choose from: the card's own, or the chosen customer's from main (not their card: that is a view).
  const owned = useQuery({
    queryKey: complaintKeys.customerVehicles(customerId),
    queryFn: () => api.call('complaints.customerVehicles', { customerId }),
    enabled: open && !customer && customerId > 0,
    staleTime: 60_000,
  });
  const vehicles: TicketVehicle[] | null = customer
    ? customer.vehicles
    : customerId > 0
      ? (owned.data ?? null)
      : null;

  // The live suggestion: asked again a moment after the facts stop changing.
  const suggestInput = useMemo((): ChannelInput<'complaints.suggest'> | null => {
    if (!(customerId > 0) || !values.category || !values.channel) return null;
    return {
      customerId,
      vehicleId: values.vehicleId ?? null,
      channel: values.channel,
      category: values.category,
      facts: { ...blank(0, 0).facts, ...values.facts } as NonNullable<
        ChannelInput<'complaints.suggest'>['facts']
      >,
      receivedAt: values.receivedAt ?? null,
      grade: values.grade ?? null,
    };
  }, [
    customerId,
    values.vehicleId,
    values.channel,
    values.category,
    values.facts,
    values.receivedAt,
    values.grade,
  ]);
  const settled = useDebouncedValue(suggestInput, 250);
  const suggest = useQuery({
    queryKey: complaintKeys.suggest(settled!),
    queryFn: () => api.call('complaints.suggest', settled!),
    enabled: open && settled !== null,
    placeholderData: keepPreviousData,
  });
  const suggestion = suggestInput ? suggest.data : undefined;

  // Routing follows the suggestion until staff pick a department or manager themselves.
  useEffect(() => {
    const s = suggest.data;
    if (!s) return;
    if (!getFieldState('departmentId').isDirty) setValue('departmentId', s.department?.id ?? null);
    if (!getFieldState('managerUserId').isDirty) setValue('managerUserId', s.manager?.id ?? null);
  }, [suggest.data, getFieldState, setValue]);

  // A different department: an owner from another one would be refused by main.
  const departmentId = values.departmentId;
  useEffect(() => {
    const owner = values.ownerUserId;
    const dept = staff.data?.departments.find((d) => d.id === departmentId);
    if (owner && dept && !dept.members.some((m) => m.id === owner)) setValue('ownerUserId', null);
  }, [departmentId, values.ownerUserId, staff.data, setValue]);

  // Read while rendering: react-hook-form only keeps isDirty current for state that is read during render.
  const { isDirty } = formState;
  const requestClose = (then?: () => void) => {
    const done = () => {
      onClose();
      then?.();
    };
    if (!isDirty) return done();
    modal.confirm({
      title: t('complaints.form.discardTitle'),
      content: t('complaints.form.discardHint'),
      okText: t('customerForm.discard'),
      cancelText: t('customerForm.keepEditing'),
      okButtonProps: { danger: true },
      onOk: done,
    });
  };
  const openTicket = (id: number) => requestClose(() => void navigate(`/complaints/${id}`));

  const submit = handleSubmit(async (v) => {
    // A grade other than the suggestion needs its reason (main checks it too).
    if (v.grade && suggestion && v.grade !== suggestion.grade && !v.gradeReason?.trim()) {
      setError('gradeReason', { type: 'required', message: t('complaints.form.grade.reasonRequired') });
      return;
    }
    try {
      const created = await api.call('complaints.create', {
        ...v,
        grade: v.grade && suggestion && v.grade === suggestion.grade ? null : v.grade,
      });
      void queryClient.invalidateQueries({ queryKey: complaintKeys.all });
      void queryClient.invalidateQueries({ queryKey: cardKeys.card(v.customerId) });
      void queryClient.invalidateQueries({ queryKey: cardKeys.timelineAll(v.customerId) });
      void message.success(t('complaints.form.created', { no: created.ticketNo }));
      onClose();
      onCreated(created);
    } catch (error) {
      if (!applyServerErrors(error, setError, fieldNames)) void message.error(errorMessage(error));
    }
  });

  const sections = ticketFormSections({
    t,
    customer: picked,
    customerFixed: fixed,
    onCustomer: (next) => {
      setPicked(next);
      setValue('vehicleId', null);
      clearErrors('customerId');
    },
    vehicles,
    staff: staff.data,
    channel: values.channel ?? 'walk_in',
    departmentId: values.departmentId,
  });
  const existing = prefill.data?.existingTicket ?? null;

  return (
    <Drawer
      open={open}
      title={
        picked && fixed ? t('complaints.form.titleFor', { name: picked.name }) : t('complaints.form.title')
      }
      size={880}
      onClose={() => requestClose()}
      mask={{ closable: false }}
      className="cp-new-drawer"
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) {
          reset(blank(user.id, customer?.id ?? 0));
          setPicked(null);
        }
      }}
      footer={
        <Space className="drawer-footer">
          <Typography.Text type="secondary" className="cp-drawer-hint">
            {t('complaints.form.footerHint')}
          </Typography.Text>
          <Button onClick={() => requestClose()}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" form={formId} loading={formState.isSubmitting}>
            {t('complaints.form.submit')}
          </Button>
        </Space>
      }
    >
      {source && prefill.isPending ? (
        <div className="page-centered">
          <Spin />
        </div>
      ) : (
        <form id={formId} onSubmit={(e) => void submit(e)} noValidate className="cp-new-form">
          {prefill.isError && (
            <Alert type="error" showIcon className="cp-form-alert" title={errorMessage(prefill.error)} />
          )}
          {existing && (
            <Alert
              type="info"
              showIcon
              className="cp-form-alert"
              title={t('complaints.form.existing', { no: existing.ticketNo })}
              action={
                <Button size="small" onClick={() => openTicket(existing.id)}>
                  {t('complaints.form.openExisting')}
                </Button>
              }
            />
          )}
          <div className="cp-new-layout">
            <div className="cp-new-main">
              <Form layout="vertical" component={false} className="cp-form">
                {sections
                  .filter((s) => s.fields.length > 0)
                  .map((s) => (
                    <section key={s.key} className="form-section">
                      <Typography.Title level={5} className="form-section-title">
                        {s.title}
                      </Typography.Title>
                      <DescriptorFields control={control} fields={s.fields} />
                    </section>
                  ))}
              </Form>
            </div>
            <aside className="cp-new-side">
              <Form layout="vertical" component={false}>
                <GradeSuggestion
                  control={control}
                  suggestion={suggestion}
                  loading={suggest.isFetching}
                  idle={suggestInput === null}
                  onOpenTicket={openTicket}
                  onClearReason={() => setValue('gradeReason', '')}
                />
              </Form>
            </aside>
          </div>
        </form>
      )}
    </Drawer>
  );
}
