import { SaveOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Form, InputNumber, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import type { FieldPath } from 'react-hook-form';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ThreeGuaranteeSettings } from '../../../../electron/contract/three-guarantee';
import {
  threeGuaranteeLines,
  threeGuaranteeSettingsSchema,
} from '../../../../electron/contract/three-guarantee';
import { api } from '../../api';
import { applyServerErrors, errorMessage } from '../../forms/apply-server-errors';
import type { FieldDescriptor } from '../../forms/field-descriptors';
import { DescriptorFields } from '../../forms/field-descriptors';

type Values = z.input<typeof threeGuaranteeSettingsSchema>;
type Name = keyof ThreeGuaranteeSettings;
const key = ['threeGuarantee', 'settings'] as const;

/** Each setting, its input bounds and, for a warning, the legal line it must stay below. */
const numbers: { name: Name; min: number; max: number; step?: number; span: number }[] = [
  { name: 'periodYears', min: 2, max: 10, span: 12 },
  { name: 'periodKm', min: 50_000, max: 1_000_000, step: 10_000, span: 12 },
  { name: 'warnRepairDays', min: 1, max: threeGuaranteeLines.repairDays.alertAt - 1, span: 12 },
  { name: 'warnSameProblem', min: 1, max: threeGuaranteeLines.sameProblem.alertAt - 1, span: 12 },
  { name: 'warnSamePart', min: 1, max: threeGuaranteeLines.samePart.alertAt - 1, span: 12 },
  { name: 'warnSafety', min: 1, max: threeGuaranteeLines.safety.alertAt - 1, span: 12 },
];
const legalOf: Partial<Record<Name, keyof typeof threeGuaranteeLines>> = {
  warnRepairDays: 'repairDays',
  warnSameProblem: 'sameProblem',
  warnSamePart: 'samePart',
  warnSafety: 'safety',
};

/** 三包提醒: the period and the warning lines before the legal ones (settings.manage). */
export function ThreeGuaranteeSettingsTab() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const current = useQuery({ queryKey: key, queryFn: () => api.call('threeGuarantee.settings', {}) }).data;
  const { control, handleSubmit, reset, setError, formState } = useForm<
    Values,
    unknown,
    ThreeGuaranteeSettings
  >({
    resolver: zodResolver(threeGuaranteeSettingsSchema),
  });
  useEffect(() => {
    if (current) reset(current);
  }, [current, reset]);

  const save = useMutation({
    mutationFn: (values: ThreeGuaranteeSettings) => api.call('threeGuarantee.updateSettings', values),
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      // Every card's chip follows the new lines.
      void queryClient.invalidateQueries({ queryKey: ['customers', 'card'] });
      void message.success(t('threeGuarantee.settings.saved'));
    },
    onError: (error) => {
      if (!applyServerErrors(error, setError, numbers.map((n) => n.name) as FieldPath<Values>[]))
        void message.error(errorMessage(error));
    },
  });

  const fields: FieldDescriptor<Values>[] = numbers.map((n) => {
    const line = legalOf[n.name];
    return {
      name: n.name,
      label: t(`threeGuarantee.settings.${n.name}`),
      span: n.span,
      required: true,
      extra: line
        ? `${threeGuaranteeLines[line].legal}（${threeGuaranteeLines[line].article}）`
        : n.name === 'periodYears'
          ? t('threeGuarantee.settings.periodHint')
          : undefined,
      widget: {
        kind: 'custom',
        render: (field, id) => (
          <InputNumber<number>
            id={id}
            ref={field.ref}
            className="full-width"
            min={n.min}
            max={n.max}
            step={n.step ?? 1}
            precision={0}
            value={(field.value as number | undefined) ?? null}
            onChange={(v) => field.onChange(v ?? undefined)}
            onBlur={field.onBlur}
          />
        ),
      },
    };
  });

  if (!current) return <Skeleton active />;
  return (
    <form className="store-settings" onSubmit={(e) => void handleSubmit((v) => save.mutate(v))(e)} noValidate>
      <Typography.Paragraph type="secondary">{t('threeGuarantee.settings.intro')}</Typography.Paragraph>
      <Form layout="vertical" component={false}>
        <DescriptorFields control={control} fields={fields} />
      </Form>
      <Button
        type="primary"
        htmlType="submit"
        icon={<SaveOutlined />}
        loading={save.isPending}
        disabled={!formState.isDirty}
      >
        {t('common.save')}
      </Button>
    </form>
  );
}
