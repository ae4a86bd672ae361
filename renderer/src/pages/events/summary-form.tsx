import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Form, Space } from 'antd';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { EventDetail } from '../../../../electron/contract/event-plan';
import { eventPlanContract } from '../../../../electron/contract/event-plan';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import type { FieldDescriptor } from '../../forms/field-descriptors';
import { DescriptorFields } from '../../forms/field-descriptors';
import { StoreTime } from '../complaints/store-time';
import { eventKeys } from './event-keys';

const summarySchema = eventPlanContract['events.saveSummary'].input.omit({ eventId: true, submit: true });
type Values = z.input<typeof summarySchema>;
const parts = ['strengths', 'shortcomings', 'improvements', 'publicity'] as const;

/**
 * 活动总结: strengths, shortcomings, next time's improvements, publicity. A draft can be saved; submitting locks
 * it (main refuses changes after) and the event becomes 已总结. Shown read-only once locked.
 */
export function SummaryForm({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const queryClient = useQueryClient();
  const formId = useId();
  const s = event.summary;
  const [saving, setSaving] = useState<'draft' | 'submit' | null>(null);
  const { control, handleSubmit } = useForm<Values, unknown, z.output<typeof summarySchema>>({
    resolver: zodResolver(summarySchema),
    defaultValues: Object.fromEntries(parts.map((p) => [p, s[p] ?? ''])) as Values,
  });
  const save = (submit: boolean) =>
    handleSubmit(async (v) => {
      setSaving(submit ? 'submit' : 'draft');
      try {
        await api.call('events.saveSummary', { ...v, eventId: event.id, submit });
        void message.success(submit ? t('events.summary.submitted') : t('events.summary.draftSaved'));
        await queryClient.invalidateQueries({ queryKey: eventKeys.all });
      } catch (error) {
        void message.error(errorMessage(error));
      } finally {
        setSaving(null);
      }
    })();
  const fields: FieldDescriptor<Values>[] = parts.map((p) => ({
    name: p,
    label: t(`events.summary.fields.${p}`),
    span: 12,
    widget: { kind: 'textarea', rows: 4, maxLength: 4000 },
  }));

  if (s.locked) {
    return (
      <div className="ev-summary is-locked">
        <Alert
          type="success"
          showIcon
          className="ev-inline-alert"
          title={
            <span>
              {t('events.summary.lockedBy', { name: s.submittedBy?.name ?? '' })}{' '}
              <StoreTime iso={s.submittedAt} />
            </span>
          }
        />
        <dl className="ev-summary-read">
          {parts.map((p) => (
            <div key={p}>
              <dt>{t(`events.summary.fields.${p}`)}</dt>
              <dd>{s[p] ?? t('common.none')}</dd>
            </div>
          ))}
        </dl>
      </div>
    );
  }
  const open = event.status === 'done';
  return (
    <div className="ev-summary">
      {s.dueOn && (
        <Alert
          type={s.overdue ? 'error' : 'info'}
          showIcon
          className="ev-inline-alert"
          title={
            s.overdue
              ? t('events.summary.overdue', { date: s.dueOn })
              : t('events.summary.due', { date: s.dueOn })
          }
        />
      )}
      {!open && (
        <Alert type="info" showIcon className="ev-inline-alert" title={t('events.summary.notDone')} />
      )}
      <form id={formId} onSubmit={(e) => e.preventDefault()} noValidate>
        <Form layout="vertical" component={false} disabled={!open}>
          <DescriptorFields control={control} fields={fields} />
        </Form>
      </form>
      {open && (
        <Space className="drawer-footer">
          <Button loading={saving === 'draft'} onClick={() => void save(false)}>
            {t('events.summary.saveDraft')}
          </Button>
          <Button
            type="primary"
            loading={saving === 'submit'}
            onClick={() =>
              modal.confirm({
                title: t('events.summary.submit'),
                content: t('events.summary.submitConfirm'),
                okText: t('events.summary.submit'),
                cancelText: t('common.cancel'),
                onOk: () => save(true),
              })
            }
          >
            {t('events.summary.submit')}
          </Button>
        </Space>
      )}
    </div>
  );
}
