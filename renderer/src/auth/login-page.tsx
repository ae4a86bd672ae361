import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { authContract } from '../../../electron/contract/auth';
import { api } from '../api';
import { errorMessage } from '../forms/apply-server-errors';
import { FormField } from '../forms/form-field';
import { AuthShell } from './auth-shell';
import type { SignedIn } from './auth-gate';

const loginInput = authContract['auth.login'].input;
type LoginValues = z.input<typeof loginInput>;

interface LoginPageProps {
  onSignedIn: SignedIn;
  notice?: string | null;
}

export function LoginPage({ onSignedIn, notice }: LoginPageProps) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const { control, handleSubmit, formState } = useForm<LoginValues, unknown, z.output<typeof loginInput>>({
    resolver: zodResolver(loginInput),
    defaultValues: { username: '', password: '' },
  });

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      const result = await api.call('auth.login', values);
      onSignedIn(result.user);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  });

  return (
    <AuthShell title={t('auth.loginTitle')} subtitle={t('auth.loginSubtitle')}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Form layout="vertical" component={false} requiredMark={false}>
          {(failure ?? notice) && (
            <Alert
              type={failure ? 'error' : 'warning'}
              title={failure ?? notice}
              showIcon
              className="auth-alert"
            />
          )}
          <FormField
            control={control}
            name="username"
            label={t('auth.username')}
            render={(field, id) => (
              <Input
                {...field}
                id={id}
                size="large"
                prefix={<UserOutlined />}
                autoComplete="username"
                autoFocus
              />
            )}
          />
          <FormField
            control={control}
            name="password"
            label={t('auth.password')}
            render={(field, id) => (
              <Input.Password
                {...field}
                id={id}
                size="large"
                prefix={<LockOutlined />}
                autoComplete="current-password"
              />
            )}
          />
          <Button type="primary" htmlType="submit" size="large" block loading={formState.isSubmitting}>
            {formState.isSubmitting ? t('auth.loggingIn') : t('auth.login')}
          </Button>
        </Form>
      </form>
    </AuthShell>
  );
}
