import { zodResolver } from '@hookform/resolvers/zod';
import { App as AntApp, Form, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useId } from 'react';
import type { Control, DefaultValues, FieldPath, FieldValues } from 'react-hook-form';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { TicketChange } from '../../../../electron/contract/complaints';
import { applyServerErrors, errorMessage } from '../../forms/apply-server-errors';
import type { FieldDescriptor } from '../../forms/field-descriptors';
import { DescriptorFields } from '../../forms/field-descriptors';
import { useTicketUpdate } from './use-ticket-update';

export interface ActionSpec<S extends z.ZodObject> {
  title: string;
  intro?: ReactNode;
  /** The channel's own input schema without the ticket reference: the modal validates what main will. */
  schema: S;
  defaults: z.input<S>;
  /** The fields, given what has been entered so far (a choice may bring or change another field). */
  fields: (values: Partial<z.input<S>>) => FieldDescriptor<z.input<S> & FieldValues>[];
  okText: string;
  danger?: boolean;
  width?: number;
  /** Calls main; resolves with the ticket's new version. */
  run: (values: z.output<S>) => Promise<TicketChange>;
  done: string;
}

interface ActionModalProps<S extends z.ZodObject> {
  ticketId: number;
  customerId: number;
  spec: ActionSpec<S>;
  onClose: () => void;
}

/**
 * One dialog for every ticket action: fields declared as descriptors, validated with the channel's schema,
 * main's answer put straight onto the page. A stale ticket (changed meanwhile) closes it with main's message.
 */
export function ActionModal<S extends z.ZodObject>({
  ticketId,
  customerId,
  spec,
  onClose,
}: ActionModalProps<S>) {
  type Values = z.input<S> & FieldValues;
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const formId = useId();
  const { applied, failed } = useTicketUpdate(ticketId, customerId);
  const { control, handleSubmit, formState, setError } = useForm<Values, unknown, z.output<S>>({
    // A choice not made yet reads "请选择…" rather than zod's English for a missing value.
    resolver: zodResolver(
      spec.schema as never,
      {
        error: (issue: { input?: unknown }) =>
          issue.input === undefined || issue.input === null ? t('complaints.actions.required') : undefined,
      } as never,
    ),
    defaultValues: spec.defaults as DefaultValues<Values>,
  });
  const values = useWatch({ control }) as Partial<Values>;
  const names = Object.keys(spec.schema.shape) as FieldPath<Values>[];

  const submit = handleSubmit(async (v) => {
    try {
      const change = await spec.run(v);
      // The page shows the ticket as main has it now before the dialog goes.
      await applied(change);
      void message.success(spec.done);
      onClose();
    } catch (error) {
      if (failed(error)) return onClose();
      if (!applyServerErrors(error, setError, names)) void message.error(errorMessage(error));
    }
  });

  return (
    <Modal
      open
      title={spec.title}
      width={spec.width ?? 560}
      okText={spec.okText}
      cancelText={t('common.cancel')}
      okButtonProps={{
        htmlType: 'submit',
        form: formId,
        danger: spec.danger,
        loading: formState.isSubmitting,
      }}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      className="cp-action-modal"
    >
      {spec.intro && <div className="cp-action-intro">{spec.intro}</div>}
      <form id={formId} onSubmit={(e) => void submit(e)} noValidate>
        <Form layout="vertical" component={false} className="cp-form">
          {/* The form's output type is the schema's; the fields only read and write its input side. */}
          <DescriptorFields control={control as unknown as Control<Values>} fields={spec.fields(values)} />
        </Form>
      </form>
    </Modal>
  );
}
