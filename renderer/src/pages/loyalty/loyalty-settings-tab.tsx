import { PlayCircleOutlined, SaveOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Divider, Form, Popconfirm, Skeleton, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import type { FieldPath } from 'react-hook-form';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { LoyaltySettings } from '../../../../electron/contract/loyalty-settings';
import { loyaltySettingsSchema } from '../../../../electron/contract/loyalty-settings';
import { loyaltyTiers, rankedTiers, tierBases } from '../../../../electron/contract/loyalty-terms';
import { api, ApiCallError } from '../../api';
import { applyServerErrors, errorMessage } from '../../forms/apply-server-errors';
import type { FieldDescriptor } from '../../forms/field-descriptors';
import { DescriptorFields } from '../../forms/field-descriptors';
import { integerWidget } from '../events/integer-widget';
import { requiredMessages } from '../events/required-messages';
import { formatPoints, loyaltyKeys } from './loyalty-keys';

type Values = z.input<typeof loyaltySettingsSchema>;
type F = FieldDescriptor<Values>;

/** Three referral steps on screen (1st, 2nd, 3rd and on); a stored shorter list repeats its last step. */
function withThreeSteps<S extends LoyaltySettings>(s: S): S {
  const steps = [...s.referrerPoints];
  while (steps.length < 3) steps.push(steps[steps.length - 1] ?? 0);
  return { ...s, referrerPoints: steps };
}

/** 会员设置 (loyalty.manage): tiers, benefits, earning, referral rewards, expiry — one form, saved whole. */
export function LoyaltySettingsTab() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const current = useQuery({
    queryKey: loyaltyKeys.settings,
    queryFn: () => api.call('loyalty.settings', {}),
  }).data;
  const { control, handleSubmit, reset, setError, formState } = useForm<Values, unknown, LoyaltySettings>({
    resolver: zodResolver(loyaltySettingsSchema, requiredMessages(t)),
  });
  type Loaded = NonNullable<typeof current>;
  // The copy the next save is made against (its version and parts go along, so a colleague's save in between
  // merges part by part or is refused naming who saved), as the complaint settings do.
  const against = useRef<Loaded | null>(null);
  const { isDirty } = formState;
  useEffect(() => {
    if (current && (!against.current || !isDirty)) {
      against.current = current;
      reset(withThreeSteps(current));
    }
  }, [current, reset, isDirty]);
  const basis = useWatch({ control, name: 'tierBasis' });

  const label = (k: keyof LoyaltySettings) => t(`loyalty.settingLabels.${k}`);
  const tiers: F[] = [
    {
      name: 'tierBasis',
      label: label('tierBasis'),
      span: 12,
      required: true,
      widget: {
        kind: 'select',
        options: tierBases.map((b) => ({ value: b, label: t(`loyalty.bases.${b}`) })),
      },
    },
    {
      name: 'reviewDate',
      label: label('reviewDate'),
      span: 12,
      required: true,
      extra: t('loyalty.settings.reviewDateHint'),
      widget: { kind: 'text', maxLength: 5, placeholder: '01-01', mono: true },
    },
    ...rankedTiers.flatMap((tier): F[] => {
      const name = t(`loyalty.tiers.${tier}`);
      return basis === 'spending'
        ? [
            {
              name: `thresholds.${tier}.spendingFen`,
              label: `${name} · ${t('loyalty.settings.thresholdSpending')}`,
              span: 8,
              required: true,
              widget: { kind: 'money', max: 1_000_000_000 },
            },
            {
              name: `thresholds.${tier}.visits`,
              label: `${name} · ${t('loyalty.settings.thresholdVisits')}`,
              span: 8,
              required: true,
              widget: integerWidget(0, 1000),
            },
          ]
        : [
            {
              name: `thresholds.${tier}.points`,
              label: `${name} · ${t('loyalty.settings.thresholdPoints')}`,
              span: 8,
              required: true,
              widget: integerWidget(0, 10_000_000),
            },
          ];
    }),
    ...loyaltyTiers.map((tier): F => ({
      name: `benefits.${tier}`,
      label: t('loyalty.settings.benefitsOf', { tier: t(`loyalty.tiers.${tier}`) }),
      span: 12,
      widget: { kind: 'textarea', rows: 2, maxLength: 500 },
    })),
  ];
  const earning: F[] = [
    {
      name: 'serviceFenPerPoint',
      label: t('loyalty.settings.serviceYuanPerPoint'),
      span: 8,
      required: true,
      widget: { kind: 'money', max: 100_000 },
    },
    {
      name: 'deliveryPoints',
      label: label('deliveryPoints'),
      span: 8,
      required: true,
      widget: integerWidget(0, 1_000_000),
    },
    {
      name: 'eventCheckinPoints',
      label: label('eventCheckinPoints'),
      span: 8,
      required: true,
      widget: integerWidget(0, 1_000_000),
    },
  ];
  const referral: F[] = [
    ...[0, 1, 2].map((i): F => ({
      name: `referrerPoints.${i}`,
      label:
        i < 2 ? t('loyalty.settings.referrerStep', { n: i + 1 }) : t('loyalty.settings.referrerStepLast'),
      span: 6,
      required: true,
      widget: integerWidget(0, 1_000_000),
    })),
    {
      name: 'refereePoints',
      label: label('refereePoints'),
      span: 6,
      required: true,
      widget: integerWidget(0, 1_000_000),
    },
  ];
  const expiry: F[] = [
    {
      name: 'expiryYears',
      label: label('expiryYears'),
      span: 8,
      required: true,
      extra: t('loyalty.settings.expiryHint'),
      widget: integerWidget(1, 10),
    },
    {
      name: 'expiringNoticeDays',
      label: label('expiringNoticeDays'),
      span: 8,
      required: true,
      widget: integerWidget(1, 366),
    },
    {
      name: 'adjustApprovalPoints',
      label: label('adjustApprovalPoints'),
      span: 8,
      required: true,
      widget: integerWidget(0, 1_000_000),
    },
  ];
  const all = [...tiers, ...earning, ...referral, ...expiry];

  const save = useMutation({
    mutationFn: (values: LoyaltySettings) => {
      const { version, ...base } = against.current!;
      return api.call('loyalty.updateSettings', { ...values, version, base });
    },
    onSuccess: (saved) => {
      against.current = saved;
      queryClient.setQueryData(loyaltyKeys.settings, saved);
      reset(withThreeSteps(saved));
      void queryClient.invalidateQueries({ queryKey: loyaltyKeys.all });
      void message.success(t('loyalty.settings.saved'));
    },
    onError: (error) => {
      const latest =
        error instanceof ApiCallError && error.kind === 'conflict'
          ? (error.details as { current?: Loaded } | undefined)?.current
          : undefined;
      if (latest) {
        // What was typed stays; the next save is made against the colleague's copy and keeps mine.
        against.current = latest;
        void message.error(`${errorMessage(error)}${t('loyalty.settings.saveAgainKeepsMine')}`, 8);
      } else if (!applyServerErrors(error, setError, all.map((f) => f.name) as FieldPath<Values>[]))
        void message.error(errorMessage(error));
    },
  });
  const runDaily = useMutation({
    mutationFn: () => api.call('loyalty.runDaily', {}),
    onSuccess: (s) => {
      void queryClient.invalidateQueries({ queryKey: loyaltyKeys.all });
      void message.success(
        t('loyalty.settings.ranDaily', {
          expired: formatPoints(s.expired.points),
          members: s.expired.members,
          up: s.tiers.upgraded,
          down: s.tiers.downgraded,
        }),
      );
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  if (!current) return <Skeleton active />;
  return (
    <form
      className="loyalty-settings"
      onSubmit={(e) => void handleSubmit((v) => save.mutate(v))(e)}
      noValidate
    >
      <Typography.Paragraph type="secondary">{t('loyalty.settings.intro')}</Typography.Paragraph>
      <Form layout="vertical" component={false}>
        <Divider titlePlacement="start">{t('loyalty.settings.tiersTitle')}</Divider>
        <DescriptorFields control={control} fields={tiers} />
        <Divider titlePlacement="start">{t('loyalty.settings.earningTitle')}</Divider>
        <DescriptorFields control={control} fields={earning} />
        <Divider titlePlacement="start">{t('loyalty.settings.referralTitle')}</Divider>
        <DescriptorFields control={control} fields={referral} />
        <Divider titlePlacement="start">{t('loyalty.settings.expiryTitle')}</Divider>
        <DescriptorFields control={control} fields={expiry} />
      </Form>
      <div className="loyalty-settings-actions">
        <Button
          type="primary"
          htmlType="submit"
          icon={<SaveOutlined />}
          loading={save.isPending}
          disabled={!isDirty}
        >
          {t('common.save')}
        </Button>
        <Popconfirm
          title={t('loyalty.settings.runDaily')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() => runDaily.mutate()}
        >
          <Button icon={<PlayCircleOutlined />} loading={runDaily.isPending}>
            {t('loyalty.settings.runDaily')}
          </Button>
        </Popconfirm>
      </div>
    </form>
  );
}
