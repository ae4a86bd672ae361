import { SaveOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Form,
  Input,
  InputNumber,
  Select,
  Skeleton,
  TimePicker,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useMemo } from 'react';
import type { Control } from 'react-hook-form';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { StoreSettings } from '../../../../electron/contract/settings';
import { storeSettingsSchema } from '../../../../electron/contract/settings';
import { api } from '../../api';
import { applyServerErrors, errorMessage } from '../../forms/apply-server-errors';
import { FormField } from '../../forms/form-field';
import { storeSettingsKey, useStoreSettings } from '../../settings/use-store-settings';
import './store-settings.css';

type Values = z.input<typeof storeSettingsSchema>;
type FieldName = keyof StoreSettings;

/** The store settings form, declared once: each entry is rendered by the component of its type. */
const fields: { name: FieldName; type: 'text' | 'timeZone' | 'hours' | 'minutes' }[] = [
  { name: 'storeName', type: 'text' },
  { name: 'storeTimeZone', type: 'timeZone' },
  { name: 'callingHours', type: 'hours' },
  { name: 'serviceHours', type: 'hours' },
  { name: 'idleTimeoutMinutes', type: 'minutes' },
];

/** Every zone the browser knows, the store's usual one first. */
function zoneOptions(): { value: string; label: string }[] {
  const zones = Intl.supportedValuesOf('timeZone');
  const first = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei'];
  const rest = zones.filter((z) => !first.includes(z));
  return [...first, 'UTC', ...rest.filter((z) => z !== 'UTC')].map((z) => ({ value: z, label: z }));
}

const hm = (v: string) => dayjs(v, 'HH:mm');

function FieldOf({ control, name, type }: { control: Control<Values>; name: FieldName; type: string }) {
  const { t } = useTranslation();
  const label = t(`storeSettings.${name}`);
  const extra = t(`storeSettings.${name}Hint`);
  const zones = useMemo(() => zoneOptions(), []);
  if (type === 'hours') {
    return (
      <FormField
        control={control}
        name={name as 'callingHours' | 'serviceHours'}
        label={label}
        required
        extra={extra}
        render={(field, id) => {
          const v = field.value as { start: string; end: string } | undefined;
          // Two pickers rather than a range: each end commits on its own, and an overnight range is allowed.
          const end = (key: 'start' | 'end') => (
            <TimePicker
              id={key === 'start' ? id : `${id}-end`}
              aria-label={`${label} ${t(`storeSettings.${key}`)}`}
              format="HH:mm"
              minuteStep={5}
              allowClear={false}
              needConfirm={false}
              placeholder={t(`storeSettings.${key}`)}
              value={v?.[key] ? hm(v[key]) : null}
              onChange={(d: Dayjs | null) =>
                field.onChange({ start: v?.start ?? '', end: v?.end ?? '', [key]: d?.format('HH:mm') ?? '' })
              }
              onBlur={field.onBlur}
              // Enter confirms the time only; it must not go on to save the form.
              onKeyDown={(e) => {
                if (e.key === 'Enter') e.preventDefault();
              }}
            />
          );
          return (
            <div className="store-hours-range">
              {end('start')}
              <span className="store-hours-to">{t('storeSettings.to')}</span>
              {end('end')}
            </div>
          );
        }}
      />
    );
  }
  if (type === 'minutes') {
    return (
      <FormField
        control={control}
        name="idleTimeoutMinutes"
        label={label}
        required
        extra={extra}
        render={(field, id) => (
          <InputNumber
            id={id}
            ref={field.ref}
            min={5}
            max={480}
            step={5}
            precision={0}
            suffix={t('storeSettings.minutes')}
            className="store-minutes"
            value={field.value}
            onChange={(v) => field.onChange(v ?? undefined)}
            onBlur={field.onBlur}
          />
        )}
      />
    );
  }
  if (type === 'timeZone') {
    return (
      <FormField
        control={control}
        name="storeTimeZone"
        label={label}
        required
        extra={extra}
        render={(field, id) => (
          <Select
            id={id}
            showSearch
            options={zones}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
          />
        )}
      />
    );
  }
  return (
    <FormField
      control={control}
      name="storeName"
      label={label}
      required
      extra={extra}
      render={(field, id) => (
        <Input
          id={id}
          ref={field.ref}
          value={field.value ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
        />
      )}
    />
  );
}

/** 门店设置: time zone, calling hours, service hours and the store's name, for those who manage settings. */
export function StoreSettingsTab() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const current = useStoreSettings();
  const { control, handleSubmit, reset, setError, formState } = useForm<Values, unknown, StoreSettings>({
    resolver: zodResolver(storeSettingsSchema),
  });
  useEffect(() => {
    if (current) reset(current);
  }, [current, reset]);

  const save = useMutation({
    mutationFn: (values: StoreSettings) => api.call('settings.update', values),
    onSuccess: (saved) => {
      queryClient.setQueryData(storeSettingsKey, saved);
      void message.success(t('storeSettings.saved'));
    },
    onError: (error) => {
      if (
        !applyServerErrors(
          error,
          setError,
          fields.map((f) => f.name),
        )
      )
        void message.error(errorMessage(error));
    },
  });

  if (!current) return <Skeleton active />;
  return (
    <form className="store-settings" onSubmit={(e) => void handleSubmit((v) => save.mutate(v))(e)} noValidate>
      <Typography.Paragraph type="secondary">{t('storeSettings.intro')}</Typography.Paragraph>
      <Form layout="vertical" component={false}>
        {fields.map((f) => (
          <FieldOf key={f.name} control={control} name={f.name} type={f.type} />
        ))}
      </Form>
      <Button
        type="primary"
        htmlType="submit"
        icon={<SaveOutlined />}
        loading={save.isPending}
        disabled={!formState.isDirty}
      >
        {t('storeSettings.save')}
      </Button>
    </form>
  );
}
