import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Drawer, Form, Space, Typography } from 'antd';
import { useId } from 'react';
import type { FieldPath } from 'react-hook-form';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { eventCreateInput } from '../../../../electron/contract/event-plan';
import { api } from '../../api';
import { useAuth } from '../../auth/use-auth';
import { applyServerErrors, errorMessage } from '../../forms/apply-server-errors';
import type { FieldDescriptor } from '../../forms/field-descriptors';
import { DescriptorFields } from '../../forms/field-descriptors';
import { eventFormSections } from './event-form-fields';
import { eventKeys } from './event-keys';
import { requiredMessages } from './required-messages';
import { useEventStaff } from './use-event-staff';

type Values = z.input<typeof eventCreateInput>;
const fieldNames = [
  'title',
  'type',
  'theme',
  'startsOn',
  'endsOn',
  'places',
  'capacityCars',
  'capacityPeople',
  'plannedCars',
  'plannedPeople',
  'ownerUserId',
] as FieldPath<Values>[];

function blank(ownerUserId: number): Values {
  return {
    title: '',
    // No default type or dates: staff choose them.
    type: undefined as unknown as Values['type'],
    theme: '',
    startsOn: undefined as unknown as string,
    endsOn: undefined as unknown as string,
    places: '',
    capacityCars: null,
    capacityPeople: null,
    plannedCars: null,
    plannedPeople: null,
    ownerUserId,
  };
}

/** 新建活动: what, when, where, how many, who owns it; the event starts as a draft the manager approves. */
export function NewEventDrawer(props: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { message, modal } = AntApp.useApp();
  const queryClient = useQueryClient();
  const formId = useId();
  const staff = useEventStaff(props.open);
  const { control, handleSubmit, formState, setError, reset } = useForm<
    Values,
    unknown,
    z.output<typeof eventCreateInput>
  >({
    resolver: zodResolver(eventCreateInput, requiredMessages(t)),
    defaultValues: blank(user.id),
    mode: 'onTouched',
  });
  const { isDirty } = formState;
  const requestClose = () => {
    if (!isDirty) return props.onClose();
    modal.confirm({
      title: t('events.form.discardTitle'),
      content: t('events.form.discardHint'),
      okText: t('customerForm.discard'),
      cancelText: t('customerForm.keepEditing'),
      okButtonProps: { danger: true },
      onOk: props.onClose,
    });
  };
  const submit = handleSubmit(async (v) => {
    try {
      const created = await api.call('events.create', v);
      void queryClient.invalidateQueries({ queryKey: eventKeys.all });
      void message.success(t('events.form.created', { no: created.eventNo }));
      props.onClose();
      props.onCreated(created.id);
    } catch (error) {
      if (!applyServerErrors(error, setError, fieldNames)) void message.error(errorMessage(error));
    }
  });
  const sections = eventFormSections(t, staff.data, false);

  return (
    <Drawer
      open={props.open}
      title={t('events.form.title')}
      size={720}
      onClose={requestClose}
      mask={{ closable: false }}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) reset(blank(user.id));
      }}
      footer={
        <Space className="drawer-footer">
          <Button onClick={requestClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" form={formId} loading={formState.isSubmitting}>
            {t('events.form.submit')}
          </Button>
        </Space>
      }
    >
      <form id={formId} onSubmit={(e) => void submit(e)} noValidate>
        <Form layout="vertical" component={false}>
          {sections.map((s) => (
            <section key={s.key} className="form-section">
              <Typography.Title level={5} className="form-section-title">
                {s.title}
              </Typography.Title>
              <DescriptorFields control={control} fields={s.fields as unknown as FieldDescriptor<Values>[]} />
            </section>
          ))}
        </Form>
      </form>
    </Drawer>
  );
}
