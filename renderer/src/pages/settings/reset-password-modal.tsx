import { zodResolver } from '@hookform/resolvers/zod';
import { App as AntApp, Form, Input, Modal } from 'antd';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { password } from '../../../../electron/contract/auth';
import type { StaffUser } from '../../../../electron/contract/users';
import { api } from '../../api';
import { applyServerErrors, errorMessage } from '../../forms/apply-server-errors';
import { FormField } from '../../forms/form-field';

function resetSchema(passwordsDiffer: string) {
  return z
    .object({ password, confirm: z.string() })
    .refine((v) => v.password === v.confirm, { message: passwordsDiffer, path: ['confirm'] });
}
type ResetSchema = ReturnType<typeof resetSchema>;
const empty = { password: '', confirm: '' };

interface ResetPasswordModalProps {
  user: StaffUser | null;
  onClose: () => void;
}

/** Sets a new password for a colleague who forgot theirs; main also ends that account's sessions. */
export function ResetPasswordModal({ user, onClose }: ResetPasswordModalProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const schema = useMemo(() => resetSchema(t('auth.passwordsDiffer')), [t]);
  const { control, handleSubmit, formState, setError, reset } = useForm<
    z.input<ResetSchema>,
    unknown,
    z.output<ResetSchema>
  >({ resolver: zodResolver(schema), defaultValues: empty });

  const submit = handleSubmit(async (values) => {
    if (!user) return;
    try {
      await api.call('users.resetPassword', { id: user.id, password: values.password });
      void message.success(t('settings.users.resetDone', { name: user.displayName }));
      onClose();
    } catch (error) {
      if (!applyServerErrors(error, setError, ['password'])) void message.error(errorMessage(error));
    }
  });

  return (
    <Modal
      open={user !== null}
      title={user ? t('settings.users.resetTitle', { name: user.displayName }) : ''}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      afterClose={() => reset(empty)}
      confirmLoading={formState.isSubmitting}
      width={420}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Form layout="vertical" component={false}>
          <FormField
            control={control}
            name="password"
            label={t('settings.users.newPassword')}
            required
            extra={t('auth.passwordHint')}
            render={(field, id) => <Input.Password {...field} id={id} autoComplete="new-password" />}
          />
          <FormField
            control={control}
            name="confirm"
            label={t('settings.users.confirmPassword')}
            required
            render={(field, id) => <Input.Password {...field} id={id} autoComplete="new-password" />}
          />
          <button type="submit" hidden />
        </Form>
      </form>
    </Modal>
  );
}
