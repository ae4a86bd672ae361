import { zodResolver } from '@hookform/resolvers/zod';
import type { QueryKey } from '@tanstack/react-query';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Form, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useId } from 'react';
import type { Control, DefaultValues, FieldPath, FieldValues } from 'react-hook-form';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiCallError } from '../../api';
import { applyServerErrors, errorMessage } from '../../forms/apply-server-errors';
import type { FieldDescriptor } from '../../forms/field-descriptors';
import { DescriptorFields } from '../../forms/field-descriptors';
import { eventKeys } from './event-keys';
import { requiredMessages } from './required-messages';

export interface FormModalSpec<S extends z.ZodType<FieldValues>> {
  title: string;
  intro?: ReactNode;
  /** The channel's own input schema (or the part the dialog fills in): it validates what main will. */
  schema: S;
  defaults: z.input<S>;
  /** The fields, given what has been entered so far (an answer brings its own fields). */
  fields: (values: Partial<z.input<S>>) => FieldDescriptor<z.input<S> & FieldValues>[];
  okText: string;
  danger?: boolean;
  width?: number;
  run: (values: z.output<S>) => Promise<unknown>;
  /** The toast after it worked; a function reads main's answer ("已报名，报名号 023"). */
  done: string | ((result: unknown) => string);
  /** What to refresh after it worked (default: everything under `events`); other pages reuse the dialog. */
  invalidate?: QueryKey;
}

/**
 * One dialog for the event page's small writes (a task, an answer, an actual amount, a cancellation): fields
 * declared as descriptors, validated with the channel's schema, and everything under `events` refreshed after.
 */
export function FormModal<S extends z.ZodType<FieldValues>>({
  spec,
  onClose,
}: {
  spec: FormModalSpec<S>;
  onClose: () => void;
}) {
  type Values = z.input<S> & FieldValues;
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const formId = useId();
  const { control, handleSubmit, formState, setError } = useForm<Values, unknown, z.output<S>>({
    resolver: zodResolver(spec.schema as never, requiredMessages(t)),
    defaultValues: spec.defaults as DefaultValues<Values>,
  });
  const values = useWatch({ control }) as Partial<Values>;
  const fields = spec.fields(values);
  const names = fields.map((f) => f.name) as FieldPath<Values>[];
  const refreshKey = spec.invalidate ?? eventKeys.all;

  const submit = handleSubmit(async (v) => {
    try {
      const result = await spec.run(v);
      await queryClient.invalidateQueries({ queryKey: refreshKey });
      void message.success(typeof spec.done === 'function' ? spec.done(result) : spec.done);
      onClose();
    } catch (error) {
      if (error instanceof ApiCallError && error.kind === 'conflict') {
        void message.error(error.message);
        void queryClient.invalidateQueries({ queryKey: refreshKey });
        return onClose();
      }
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
    >
      {spec.intro && <div className="ev-modal-intro">{spec.intro}</div>}
      <form id={formId} onSubmit={(e) => void submit(e)} noValidate>
        <Form layout="vertical" component={false}>
          <DescriptorFields control={control as unknown as Control<Values>} fields={fields} />
        </Form>
      </form>
    </Modal>
  );
}
