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
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Control } from 'react-hook-form';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { StoreSettings } from '../../../../electron/contract/settings';
import { storeSettingsSchema } from '../../../../electron/contract/settings';
import { api } from '../../api';
import { applyServerErrors, errorMessage } from '../../forms/apply-server-errors';
import { ConflictDialog } from '../../forms/conflict-dialog';
import type { ConflictChoice, ConflictState } from '../../forms/conflict-rows';
import { conflictDetails, conflictRows, resolveValues } from '../../forms/conflict-rows';
import { FormField } from '../../forms/form-field';
import { storeSettingsKey, useStoreSettings } from '../../settings/use-store-settings';
import './store-settings.css';

type Values = z.input<typeof storeSettingsSchema>;
type FieldName = keyof StoreSettings;
/** The settings as main sends them: with the version a save is made against. */
type Loaded = StoreSettings & { version: number };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The store settings form, declared once: each entry is rendered by the component of its type. */
const fields: { name: FieldName; type: 'text' | 'timeZone' | 'hours' | 'minutes' }[] = [
  { name: 'storeName', type: 'text' },
  { name: 'storeTimeZone', type: 'timeZone' },
  { name: 'callingHours', type: 'hours' },
  { name: 'serviceHours', type: 'hours' },
  { name: 'idleTimeoutMinutes', type: 'minutes' },
];

/** A setting's value as the conflict dialog shows it: hours as 09:00–20:00, the rest as typed. */
function showSetting(value: unknown): string {
  if (value && typeof value === 'object') {
    const h = value as { start?: string; end?: string };
    return `${h.start ?? ''}–${h.end ?? ''}`;
  }
  return value === undefined || value === null ? '' : String(value as string | number);
}

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
  const current = useStoreSettings() as Loaded | undefined;
  // The settings the next save is made against: as loaded, as last saved here, or as a conflict showed them.
  const against = useRef<Loaded | null>(null);
  const [conflict, setConflict] = useState<(ConflictState & { current: Loaded }) | null>(null);
  const { control, handleSubmit, reset, setError, formState, getValues } = useForm<
    Values,
    unknown,
    StoreSettings
  >({
    resolver: zodResolver(storeSettingsSchema),
  });
  // Read during render: react-hook-form only tracks the formState flags a render has looked at.
  const { isDirty } = formState;
  useEffect(() => {
    // Another administrator's save arrives live; it replaces the form only while nothing is typed in it.
    if (current && (!against.current || !isDirty)) {
      against.current = current;
      reset(current);
    }
  }, [current, reset, isDirty]);

  const save = useMutation({
    mutationFn: (values: StoreSettings) => {
      const loaded = against.current!;
      // Only the settings changed go, with what they were: main merges them with another administrator's save.
      const keys = fields.map((f) => f.name).filter((k) => !same(values[k], loaded[k]));
      return api.call('settings.update', {
        version: loaded.version,
        base: Object.fromEntries(keys.map((k) => [k, loaded[k]])),
        ...Object.fromEntries(keys.map((k) => [k, values[k]])),
      });
    },
    onSuccess: (saved) => {
      against.current = saved;
      reset(saved);
      queryClient.setQueryData(storeSettingsKey, saved);
      void message.success(t('storeSettings.saved'));
    },
    onError: (error) => {
      const stale = conflictDetails<Loaded>(error);
      if (stale && against.current) {
        const rows = conflictRows(
          fields.map((f) => f.name),
          (name) => t(`storeSettings.${name}`),
          (name, v: Values) => showSetting(v[name]),
          { was: against.current, mine: getValues(), theirs: stale.current },
        );
        setConflict({ ...stale, rows });
        return;
      }
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
  const submit = handleSubmit((v) => save.mutate(v));

  const resolve = (choices: Record<string, ConflictChoice>) => {
    if (!conflict) return;
    const values = resolveValues(getValues(), conflict.current as Values, choices);
    against.current = conflict.current;
    reset(conflict.current);
    reset(values, { keepDefaultValues: true });
    setConflict(null);
    void submit();
  };
  const loadLatest = () => {
    if (!conflict) return;
    against.current = conflict.current;
    reset(conflict.current);
    queryClient.setQueryData(storeSettingsKey, conflict.current);
    setConflict(null);
    void message.info(t('conflict.loaded'));
  };

  if (!current) return <Skeleton active />;
  return (
    <form className="store-settings" onSubmit={(e) => void submit(e)} noValidate>
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
      <ConflictDialog
        conflict={conflict}
        what={t('storeSettings.conflictWhat')}
        onResolve={resolve}
        onLoadLatest={loadLatest}
        onCancel={() => setConflict(null)}
      />
    </form>
  );
}
