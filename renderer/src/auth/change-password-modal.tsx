import { zodResolver } from '@hookform/resolvers/zod';
import { App as AntApp, Form, Input, Modal } from 'antd';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { authContract } from '../../../electron/contract/auth';
import { api } from '../api';
import { applyServerErrors, errorMessage } from '../forms/apply-server-errors';
import { blankMessages } from '../forms/blank-messages';
import { FormField } from '../forms/form-field';

const changeInput = authContract['auth.changePassword'].input;

function changeSchema(passwordsDiffer: string) {
  return changeInput
    .extend({ confirm: z.string() })
    .refine((v) => v.newPassword === v.confirm, { message: passwordsDiffer, path: ['confirm'] });
}
type ChangeSchema = ReturnType<typeof changeSchema>;

interface ChangePasswordModalProps {
  open: boolean;
  onClose: () => void;
}

export function ChangePasswordModal({ open, onClose }: ChangePasswordModalProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const schema = useMemo(() => changeSchema(t('auth.passwordsDiffer')), [t]);
  const { control, handleSubmit, formState, setError, reset } = useForm<
    z.input<ChangeSchema>,
    unknown,
    z.output<ChangeSchema>
  >({
    resolver: zodResolver(schema, {
      error: blankMessages({ currentPassword: t('auth.currentPasswordRequired') }),
    }),
    defaultValues: { currentPassword: '', newPassword: '', confirm: '' },
  });

  const submit = handleSubmit(async ({ confirm: _confirm, ...values }) => {
    try {
      await api.call('auth.changePassword', values);
      void message.success(t('changePassword.done'));
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, setError, ['currentPassword', 'newPassword'])) {
        void message.error(errorMessage(error));
      }
    }
  });

  return (
    <Modal
      open={open}
      title={t('changePassword.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      afterClose={() => reset()}
      confirmLoading={formState.isSubmitting}
      destroyOnHidden
      width={420}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Form layout="vertical" component={false}>
          <FormField
            control={control}
            name="currentPassword"
            label={t('changePassword.current')}
            required
            render={(field, id) => (
              <Input.Password {...field} id={id} autoComplete="current-password" autoFocus />
            )}
          />
          <FormField
            control={control}
            name="newPassword"
            label={t('changePassword.next')}
            required
            extra={t('auth.passwordHint')}
            render={(field, id) => <Input.Password {...field} id={id} autoComplete="new-password" />}
          />
          <FormField
            control={control}
            name="confirm"
            label={t('changePassword.confirm')}
            required
            render={(field, id) => <Input.Password {...field} id={id} autoComplete="new-password" />}
          />
          {/* Enter in any field submits, like every other dialog in the app. */}
          <button type="submit" hidden />
        </Form>
      </form>
    </Modal>
  );
}
