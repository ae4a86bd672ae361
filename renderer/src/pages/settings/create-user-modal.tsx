import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { usersContract } from '../../../../electron/contract/users';
import { api } from '../../api';
import { applyServerErrors, errorMessage } from '../../forms/apply-server-errors';
import { FormField } from '../../forms/form-field';
import { roleOptions } from './role-options';
import { usersKey } from './settings-keys';
import { useDepartments } from './use-departments';

const createInput = usersContract['users.create'].input;

function createSchema(passwordsDiffer: string) {
  return createInput
    .safeExtend({ confirm: z.string() })
    .refine((v) => v.password === v.confirm, { message: passwordsDiffer, path: ['confirm'] });
}
type CreateSchema = ReturnType<typeof createSchema>;

const empty: z.input<CreateSchema> = {
  username: '',
  displayName: '',
  role: 'front_desk',
  departmentId: null,
  password: '',
  confirm: '',
};

export function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const departments = useDepartments();
  const schema = useMemo(() => createSchema(t('auth.passwordsDiffer')), [t]);
  const { control, handleSubmit, formState, setError, reset } = useForm<
    z.input<CreateSchema>,
    unknown,
    z.output<CreateSchema>
  >({ resolver: zodResolver(schema), defaultValues: empty });

  const submit = handleSubmit(async ({ confirm: _confirm, ...values }) => {
    try {
      const created = await api.call('users.create', values);
      void message.success(t('settings.users.created', { name: created.displayName }));
      await queryClient.invalidateQueries({ queryKey: usersKey });
      onClose();
    } catch (error) {
      const fields = ['username', 'displayName', 'role', 'departmentId', 'password'] as const;
      if (!applyServerErrors(error, setError, fields)) void message.error(errorMessage(error));
    }
  });

  return (
    <Modal
      open={open}
      title={t('settings.users.createTitle')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      // Cleared once the fade-out is over, so the fields do not visibly empty while the dialog leaves.
      afterClose={() => reset(empty)}
      confirmLoading={formState.isSubmitting}
      width={560}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Form layout="vertical" component={false}>
          <Row gutter={16}>
            <Col span={12}>
              <FormField
                control={control}
                name="username"
                label={t('settings.users.username')}
                required
                render={(field, id) => <Input {...field} id={id} autoComplete="off" />}
              />
            </Col>
            <Col span={12}>
              <FormField
                control={control}
                name="displayName"
                label={t('settings.users.displayName')}
                required
                render={(field, id) => <Input {...field} id={id} autoComplete="off" />}
              />
            </Col>
            <Col span={12}>
              <FormField
                control={control}
                name="role"
                label={t('settings.users.role')}
                required
                render={(field, id) => (
                  <Select
                    id={id}
                    ref={field.ref}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    options={roleOptions(t)}
                  />
                )}
              />
            </Col>
            <Col span={12}>
              <FormField
                control={control}
                name="departmentId"
                label={t('settings.users.department')}
                render={(field, id) => (
                  <Select
                    id={id}
                    ref={field.ref}
                    value={field.value ?? undefined}
                    onChange={(v) => field.onChange(v ?? null)}
                    onBlur={field.onBlur}
                    allowClear
                    loading={departments.isPending}
                    placeholder={t('settings.users.noDepartment')}
                    options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
                  />
                )}
              />
            </Col>
            <Col span={12}>
              <FormField
                control={control}
                name="password"
                label={t('settings.users.password')}
                required
                extra={t('auth.passwordHint')}
                render={(field, id) => <Input.Password {...field} id={id} autoComplete="new-password" />}
              />
            </Col>
            <Col span={12}>
              <FormField
                control={control}
                name="confirm"
                label={t('settings.users.confirmPassword')}
                required
                render={(field, id) => <Input.Password {...field} id={id} autoComplete="new-password" />}
              />
            </Col>
          </Row>
          <button type="submit" hidden />
        </Form>
      </form>
    </Modal>
  );
}
