import { SaveOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Form, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import type { FieldPath } from 'react-hook-form';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, ApiCallError } from '../../../api';
import { applyServerErrors, errorMessage } from '../../../forms/apply-server-errors';
import { complaintKeys } from '../complaint-keys';
import { useComplaintStaff } from '../use-complaint-staff';
import { SettingsCalendar } from './settings-calendar';
import { SettingsCategories, SettingsGradeRules, SettingsLimits } from './settings-rules';
import { SettingsTargets } from './settings-targets';
import type { SettingsOutput, SettingsValues } from './settings-values';
import { settingsForm, toForm } from './settings-values';
import '../complaints.css';

function Part({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <section className="form-section cp-settings-part">
      <Typography.Title level={5} className="form-section-title">
        {title}
      </Typography.Title>
      {hint && (
        <Typography.Paragraph type="secondary" className="cp-settings-hint">
          {hint}
        </Typography.Paragraph>
      )}
      {children}
    </section>
  );
}

const fieldNames = Object.keys(settingsForm.shape) as FieldPath<SettingsValues>[];

/** 投诉设置 (managers): calendar, deadlines per grade, grade rules, repeat window, approval amount, routing. */
export function ComplaintSettingsTab() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: complaintKeys.settings,
    queryFn: () => api.call('complaints.settings', {}),
  });
  const staff = useComplaintStaff();
  const { control, handleSubmit, reset, formState, setError } = useForm<
    SettingsValues,
    unknown,
    SettingsOutput
  >({
    resolver: zodResolver(settingsForm),
  });
  type Loaded = NonNullable<typeof settings.data>;
  // The copy the next save is made against (its version and parts go along, so a stale save merges part by
  // part or is refused naming who saved): as loaded, as last saved here, or as a refused save showed it.
  const against = useRef<Loaded | null>(null);
  // Read during render: react-hook-form only tracks the formState flags a render has looked at.
  const { isDirty } = formState;
  useEffect(() => {
    // A colleague's save arrives with a refetch; it replaces the form only while nothing is typed in it.
    if (settings.data && (!against.current || !isDirty)) {
      against.current = settings.data;
      reset(toForm(settings.data));
    }
  }, [settings.data, reset, isDirty]);

  const mutation = useMutation({
    mutationFn: (v: SettingsOutput) => {
      const { version, ...base } = against.current!;
      return api.call('complaints.updateSettings', { ...v, version, base });
    },
    onSuccess: (saved) => {
      against.current = saved;
      queryClient.setQueryData(complaintKeys.settings, saved);
      void queryClient.invalidateQueries({ queryKey: complaintKeys.all });
      reset(toForm(saved));
      void message.success(t('complaints.settings.saved'));
    },
    onError: (error) => {
      const current =
        error instanceof ApiCallError && error.kind === 'conflict'
          ? (error.details as { current?: Loaded } | undefined)?.current
          : undefined;
      if (current) {
        // What was typed stays; the next save is made against what the colleague saved, and keeps mine.
        against.current = current;
        void message.error(`${errorMessage(error)}${t('complaints.settings.saveAgainKeepsMine')}`, 8);
      } else if (!applyServerErrors(error, setError, fieldNames)) void message.error(errorMessage(error));
    },
  });
  const save = handleSubmit((v) => mutation.mutate(v));

  if (settings.isError) return <Alert type="error" showIcon title={errorMessage(settings.error)} />;
  if (!settings.data) return <Skeleton active />;
  return (
    <form onSubmit={(e) => void save(e)} noValidate className="cp-settings">
      <Form layout="vertical" component={false}>
        <Part title={t('complaints.settings.calendar')}>
          <SettingsCalendar control={control} />
        </Part>
        <Part title={t('complaints.settings.targets')} hint={t('complaints.settings.targetsHint')}>
          <SettingsTargets control={control} />
        </Part>
        <Part title={t('complaints.settings.gradeRules')} hint={t('complaints.settings.gradeRulesHint')}>
          <SettingsGradeRules control={control} />
        </Part>
        <Part title={t('complaints.settings.limits')}>
          <SettingsLimits control={control} />
        </Part>
        <Part title={t('complaints.settings.categories')} hint={t('complaints.settings.categoriesHint')}>
          <SettingsCategories control={control} departments={staff.data?.departments ?? []} />
        </Part>
        <div className="cp-settings-actions">
          <Button onClick={() => reset(toForm(settings.data))} disabled={!isDirty}>
            {t('complaints.settings.undo')}
          </Button>
          <Button
            type="primary"
            htmlType="submit"
            icon={<SaveOutlined />}
            loading={mutation.isPending}
            disabled={!isDirty}
          >
            {t('common.save')}
          </Button>
        </div>
      </Form>
    </form>
  );
}
