import { SaveOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Form, Input, InputNumber, Switch, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { BackupSettingsView } from '../../../../electron/contract/backups';
import { backupPassphraseSchema, backupRetentionSchema } from '../../../../electron/contract/backups';
import { api } from '../../api';
import { applyServerErrors, errorMessage } from '../../forms/apply-server-errors';
import { FormField } from '../../forms/form-field';
import { backupKeys } from './backups-keys';

const formSchema = z.object({
  folder: z.string().trim().min(1, '请填写备份文件夹'),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '请选择时间'),
  daily: z.boolean(),
  atShutdown: z.boolean(),
  retention: backupRetentionSchema,
  encrypt: z.boolean(),
  // Empty keeps the saved passphrase.
  passphrase: z.union([z.literal(''), backupPassphraseSchema]),
});
type Values = z.output<typeof formSchema>;
const serverFields = ['folder', 'time', 'passphrase'] as const;

function valuesOf(v: BackupSettingsView): Values {
  return {
    folder: v.folder ?? '',
    time: v.time,
    daily: v.daily,
    atShutdown: v.atShutdown,
    retention: v.retention,
    encrypt: v.encrypt,
    passphrase: '',
  };
}

/** Where, when and how the backups are made; the folder is checked in main before anything is saved. */
export function BackupSettingsForm({ current }: { current: BackupSettingsView }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const { control, handleSubmit, reset, setError, formState } = useForm<Values>({
    resolver: zodResolver(formSchema),
    defaultValues: valuesOf(current),
  });
  useEffect(() => reset(valuesOf(current)), [current, reset]);
  const encrypt = useWatch({ control, name: 'encrypt' });

  const save = useMutation({
    mutationFn: (v: Values) =>
      api.call('backups.saveSettings', { ...v, passphrase: v.passphrase === '' ? undefined : v.passphrase }),
    onSuccess: (saved) => {
      queryClient.setQueryData(backupKeys.settings, saved);
      void queryClient.invalidateQueries({ queryKey: backupKeys.list });
      void message.success(t('backups.saved'));
    },
    onError: (error) => {
      if (!applyServerErrors(error, setError, serverFields)) void message.error(errorMessage(error));
    },
  });

  const retentionField = (key: 'daily' | 'weekly' | 'monthly', max: number) => (
    <FormField
      control={control}
      name={`retention.${key}`}
      label={t(`backups.retention${key[0]!.toUpperCase()}${key.slice(1)}` as 'backups.retentionDaily')}
      render={(field, id) => (
        <InputNumber
          id={id}
          min={key === 'daily' ? 1 : 0}
          max={max}
          precision={0}
          value={field.value}
          onChange={(v) => field.onChange(v ?? 0)}
          onBlur={field.onBlur}
        />
      )}
    />
  );

  return (
    <form
      className="backup-settings"
      onSubmit={(e) => void handleSubmit((v) => save.mutate(v))(e)}
      noValidate
    >
      {current.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon title={w} className="tab-alert" />
      ))}
      <Form layout="vertical" component={false}>
        <FormField
          control={control}
          name="folder"
          label={t('backups.folder')}
          required
          extra={t('backups.folderHint')}
          render={(field, id) => (
            <Input
              id={id}
              ref={field.ref}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              placeholder="D:\CRM备份"
            />
          )}
        />
        <div className="backup-settings-row">
          <FormField
            control={control}
            name="time"
            label={t('backups.time')}
            required
            extra={t('backups.timeHint')}
            render={(field, id) => (
              <TimePicker
                id={id}
                format="HH:mm"
                minuteStep={5}
                allowClear={false}
                needConfirm={false}
                value={field.value ? dayjs(field.value, 'HH:mm') : null}
                onChange={(d: Dayjs | null) => field.onChange(d?.format('HH:mm') ?? '')}
                onBlur={field.onBlur}
              />
            )}
          />
          <FormField
            control={control}
            name="daily"
            label={t('backups.daily')}
            render={(field, id) => <Switch id={id} checked={field.value} onChange={field.onChange} />}
          />
          <FormField
            control={control}
            name="atShutdown"
            label={t('backups.atShutdown')}
            extra={t('backups.atShutdownHint')}
            render={(field, id) => <Switch id={id} checked={field.value} onChange={field.onChange} />}
          />
        </div>
        <Form.Item label={t('backups.retention')} extra={t('backups.retentionHint')}>
          <div className="backup-settings-row backup-retention">
            {retentionField('daily', 60)}
            {retentionField('weekly', 52)}
            {retentionField('monthly', 120)}
          </div>
        </Form.Item>
        <div className="backup-settings-row">
          <FormField
            control={control}
            name="encrypt"
            label={t('backups.encrypt')}
            extra={t('backups.encryptHint')}
            render={(field, id) => <Switch id={id} checked={field.value} onChange={field.onChange} />}
          />
          {encrypt && (
            <FormField
              control={control}
              name="passphrase"
              label={t('backups.passphrase')}
              required={!current.passphraseSaved}
              extra={t('backups.passphraseHint')}
              render={(field, id) => (
                <Input.Password
                  id={id}
                  autoComplete="new-password"
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  placeholder={
                    current.passphraseSaved
                      ? t('backups.passphraseSavedPlaceholder')
                      : t('backups.passphrasePlaceholder')
                  }
                />
              )}
            />
          )}
        </div>
      </Form>
      <Button
        type="primary"
        htmlType="submit"
        icon={<SaveOutlined />}
        loading={save.isPending}
        disabled={!formState.isDirty && current.folder !== null}
      >
        {t('backups.save')}
      </Button>
    </form>
  );
}
