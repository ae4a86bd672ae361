import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Form, Input } from 'antd';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { authContract } from '../../../electron/contract/auth';
import { api } from '../api';
import { applyServerErrors, errorMessage } from '../forms/apply-server-errors';
import { blankMessages } from '../forms/blank-messages';
import { FormField } from '../forms/form-field';
import { AuthShell } from './auth-shell';
import type { SignedIn } from './auth-gate';

const setupInput = authContract['auth.setup'].input;

function setupSchema(passwordsDiffer: string) {
  return setupInput
    .safeExtend({ confirm: z.string() })
    .refine((v) => v.password === v.confirm, { message: passwordsDiffer, path: ['confirm'] });
}
type SetupSchema = ReturnType<typeof setupSchema>;

export function SetupPage({ onSignedIn }: { onSignedIn: SignedIn }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const schema = useMemo(() => setupSchema(t('auth.passwordsDiffer')), [t]);
  const { control, handleSubmit, formState, setError } = useForm<
    z.input<SetupSchema>,
    unknown,
    z.output<SetupSchema>
  >({
    resolver: zodResolver(schema, { error: blankMessages({ displayName: t('auth.displayNameRequired') }) }),
    defaultValues: { username: 'admin', displayName: '', password: '', confirm: '' },
  });

  const submit = handleSubmit(async ({ confirm: _confirm, ...values }) => {
    setFailure(null);
    try {
      const result = await api.call('auth.setup', values);
      onSignedIn(result.user);
    } catch (error) {
      if (!applyServerErrors(error, setError, ['username', 'displayName', 'password']))
        setFailure(errorMessage(error));
    }
  });

  return (
    <AuthShell title={t('auth.setupTitle')} subtitle={t('auth.setupSubtitle')} width={440}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Form layout="vertical" component={false}>
          {failure && <Alert type="error" title={failure} showIcon className="auth-alert" />}
          <FormField
            control={control}
            name="username"
            label={t('auth.username')}
            required
            render={(field, id) => <Input {...field} id={id} autoComplete="username" />}
          />
          <FormField
            control={control}
            name="displayName"
            label={t('auth.displayName')}
            required
            render={(field, id) => (
              <Input {...field} id={id} placeholder={t('auth.displayNamePlaceholder')} autoFocus />
            )}
          />
          <FormField
            control={control}
            name="password"
            label={t('auth.password')}
            required
            extra={t('auth.passwordHint')}
            render={(field, id) => <Input.Password {...field} id={id} autoComplete="new-password" />}
          />
          <FormField
            control={control}
            name="confirm"
            label={t('auth.confirmPassword')}
            required
            render={(field, id) => <Input.Password {...field} id={id} autoComplete="new-password" />}
          />
          <Button type="primary" htmlType="submit" block size="large" loading={formState.isSubmitting}>
            {t('auth.createAdmin')}
          </Button>
        </Form>
      </form>
    </AuthShell>
  );
}
