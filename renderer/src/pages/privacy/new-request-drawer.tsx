import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Col, Drawer, Form, Input, Row, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { addWorkingDays } from '../../../../electron/common/working-days';
import type { SubjectRequestDetail } from '../../../../electron/contract/subject-requests';
import {
  defaultDeadlineWorkingDays,
  identityChecks,
  subjectRequestChannels,
  subjectRequestFields,
  subjectRequestKinds,
} from '../../../../electron/contract/subject-requests';
import { api } from '../../api';
import { useAuth } from '../../auth/use-auth';
import { applyServerErrors, errorMessage } from '../../forms/apply-server-errors';
import { DateInput } from '../../forms/date-input';
import { FormField } from '../../forms/form-field';
import type { PickedCustomer } from '../../search/customer-picker';
import { CustomerPicker } from '../../search/customer-picker';
import { subjectRequestsKey } from './requests-keys';
import { useRequestStaff } from './use-request-staff';

type Values = z.input<typeof subjectRequestFields>;
type Output = z.output<typeof subjectRequestFields>;
const fieldNames = [
  'customerId',
  'kind',
  'channel',
  'identityCheck',
  'identityNote',
  'receivedOn',
  'deadline',
  'handlerUserId',
  'notes',
] as const;

interface NewRequestDrawerProps {
  open: boolean;
  onClose: () => void;
  onCreated: (request: SubjectRequestDetail) => void;
}

/** Today on this workstation's calendar; main refuses a date after the store's today anyway. */
const today = () => dayjs().format('YYYY-MM-DD');

/** 登记请求: who asks what, how they proved who they are, when it came in and by when it is answered. */
export function NewRequestDrawer({ open, onClose, onCreated }: NewRequestDrawerProps) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const formId = useId();
  const staff = useRequestStaff();
  const [picked, setPicked] = useState<PickedCustomer | null>(null);
  const empty: Values = {
    customerId: 0,
    kind: 'access',
    channel: 'in_person',
    identityCheck: 'id_document',
    identityNote: '',
    receivedOn: today(),
    deadline: null,
    handlerUserId: user.id,
    notes: '',
  };
  const { control, handleSubmit, formState, setError, reset } = useForm<Values, unknown, Output>({
    // The very schema main validates with.
    resolver: zodResolver(subjectRequestFields),
    defaultValues: empty,
    mode: 'onTouched',
  });
  const receivedOn = useWatch({ control, name: 'receivedOn' });
  const defaultDeadline = /^\d{4}-\d{2}-\d{2}$/.test(receivedOn ?? '')
    ? addWorkingDays(receivedOn, defaultDeadlineWorkingDays)
    : null;

  const { isDirty } = formState;
  const requestClose = () => {
    if (!isDirty) return onClose();
    modal.confirm({
      title: t('subjectRequests.form.discardTitle'),
      okText: t('customerForm.discard'),
      cancelText: t('customerForm.keepEditing'),
      okButtonProps: { danger: true },
      onOk: onClose,
    });
  };

  const submit = handleSubmit(async (values) => {
    try {
      const created = await api.call('subjectRequests.create', values);
      await queryClient.invalidateQueries({ queryKey: subjectRequestsKey });
      void message.success(t('subjectRequests.form.saved', { id: created.id }));
      onClose();
      onCreated(created);
    } catch (error) {
      if (!applyServerErrors(error, setError, fieldNames)) void message.error(errorMessage(error));
    }
  });

  const option = <K extends string>(list: readonly K[], group: string) =>
    list.map((value) => ({
      value,
      label: t(`subjectRequests.${group}.${value}` as 'subjectRequests.kinds.access'),
    }));

  return (
    <Drawer
      open={open}
      title={t('subjectRequests.form.title')}
      size={640}
      onClose={requestClose}
      mask={{ closable: false }}
      afterOpenChange={(visible) => {
        if (!visible) {
          reset(empty);
          setPicked(null);
        }
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
      <form id={formId} onSubmit={(e) => void submit(e)} noValidate className="request-form">
        <Form layout="vertical" component={false}>
          <FormField
            control={control}
            name="customerId"
            label={t('subjectRequests.form.customer')}
            required
            render={(field, id, invalid) => (
              <CustomerPicker
                id={id}
                value={picked}
                placeholder={t('subjectRequests.form.customerPlaceholder')}
                status={invalid ? 'error' : undefined}
                onBlur={field.onBlur}
                onChange={(next) => {
                  setPicked(next);
                  field.onChange(next?.id ?? 0);
                }}
              />
            )}
          />
          <Row gutter={16}>
            <Col span={12}>
              <FormField
                control={control}
                name="kind"
                label={t('subjectRequests.form.kind')}
                required
                render={(field, id) => (
                  <Select
                    id={id}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    options={option(subjectRequestKinds, 'kinds')}
                  />
                )}
              />
            </Col>
            <Col span={12}>
              <FormField
                control={control}
                name="channel"
                label={t('subjectRequests.form.channel')}
                required
                render={(field, id) => (
                  <Select
                    id={id}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    options={option(subjectRequestChannels, 'channels')}
                  />
                )}
              />
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={12}>
              <FormField
                control={control}
                name="identityCheck"
                label={t('subjectRequests.form.identityCheck')}
                required
                render={(field, id) => (
                  <Select
                    id={id}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    options={option(identityChecks, 'identityChecks')}
                  />
                )}
              />
            </Col>
            <Col span={12}>
              <FormField
                control={control}
                name="handlerUserId"
                label={t('subjectRequests.form.handler')}
                render={(field, id) => (
                  <Select
                    id={id}
                    allowClear
                    placeholder={t('subjectRequests.unassigned')}
                    value={field.value ?? undefined}
                    onChange={(v: number | undefined) => field.onChange(v ?? null)}
                    onBlur={field.onBlur}
                    options={staff}
                  />
                )}
              />
            </Col>
          </Row>
          <FormField
            control={control}
            name="identityNote"
            label={t('subjectRequests.form.identityNote')}
            extra={t('subjectRequests.form.identityNoteHint')}
            render={(field, id) => (
              <Input
                id={id}
                ref={field.ref}
                value={field.value ?? ''}
                onChange={field.onChange}
                onBlur={field.onBlur}
              />
            )}
          />
          <Row gutter={16}>
            <Col span={12}>
              <FormField
                control={control}
                name="receivedOn"
                label={t('subjectRequests.form.receivedOn')}
                required
                render={(field, id) => (
                  <DateInput
                    id={id}
                    value={field.value}
                    onChange={(v) => field.onChange(v ?? '')}
                    onBlur={field.onBlur}
                    allowClear={false}
                    disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                  />
                )}
              />
            </Col>
            <Col span={12}>
              <FormField
                control={control}
                name="deadline"
                label={t('subjectRequests.form.deadline')}
                extra={
                  defaultDeadline
                    ? t('subjectRequests.form.deadlineHint', { date: defaultDeadline })
                    : t('subjectRequests.form.deadlinePick')
                }
                render={(field, id) => (
                  <DateInput
                    id={id}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    placeholder={defaultDeadline ?? 'YYYY-MM-DD'}
                    disabledDate={(d) => Boolean(receivedOn) && d.isBefore(dayjs(receivedOn), 'day')}
                  />
                )}
              />
            </Col>
          </Row>
          <FormField
            control={control}
            name="notes"
            label={t('subjectRequests.form.notes')}
            extra={t('subjectRequests.form.notesHint')}
            render={(field, id) => (
              <Input.TextArea
                id={id}
                ref={field.ref}
                rows={3}
                value={field.value ?? ''}
                onChange={field.onChange}
                onBlur={field.onBlur}
              />
            )}
          />
        </Form>
      </form>
    </Drawer>
  );
}
