import { zodResolver } from '@hookform/resolvers/zod';
import { App as AntApp, Form, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useId, useState } from 'react';
import type { Control, DefaultValues, FieldPath, FieldValues } from 'react-hook-form';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { TicketChange } from '../../../../electron/contract/complaints';
import { applyServerErrors, errorMessage } from '../../forms/apply-server-errors';
import { ConflictDialog } from '../../forms/conflict-dialog';
import type { ConflictChoice, ConflictState } from '../../forms/conflict-rows';
import { resolveValues } from '../../forms/conflict-rows';
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
  /**
   * A form that merges a stale save (修改工单信息): reads main's conflict into the dialog's rows and the saved
   * values, and makes the saved ticket the one the next run saves against. Without it a conflict closes the form.
   */
  stale?: (error: unknown, typed: z.input<S>) => StaleTicket<z.input<S>> | null;
}

export interface StaleTicket<V> {
  state: ConflictState;
  what: string;
  theirs: V;
  /** From now on, save against the ticket as it is now. */
  accept: () => void;
}

interface ActionModalProps<S extends z.ZodObject> {
  ticketId: number;
  customerId: number;
  spec: ActionSpec<S>;
  onClose: () => void;
}

/**
 * One dialog for every ticket action: fields declared as descriptors, validated with the channel's schema,
 * main's answer put straight onto the page. A stale ticket (changed meanwhile) closes it with main's message,
 * unless the form merges stale saves: then the shared conflict dialog lets the editor choose per field.
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
  const [stale, setStale] = useState<StaleTicket<Values> | null>(null);
  const { control, handleSubmit, formState, setError, getValues, reset } = useForm<
    Values,
    unknown,
    z.output<S>
  >({
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
      const clash = spec.stale?.(error, getValues()) as StaleTicket<Values> | null | undefined;
      if (clash) return setStale(clash);
      if (failed(error)) return onClose();
      if (!applyServerErrors(error, setError, names)) void message.error(errorMessage(error));
    }
  });

  const resolve = (choices: Record<string, ConflictChoice>) => {
    if (!stale) return;
    stale.accept();
    reset(resolveValues(getValues(), stale.theirs, choices));
    setStale(null);
    void submit();
  };
  const loadLatest = () => {
    if (!stale) return;
    stale.accept();
    reset(stale.theirs);
    setStale(null);
    void message.info(t('conflict.loaded'));
  };

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
      <ConflictDialog
        conflict={stale?.state ?? null}
        what={stale?.what ?? ''}
        onResolve={resolve}
        onLoadLatest={loadLatest}
        onCancel={() => setStale(null)}
      />
    </Modal>
  );
}
