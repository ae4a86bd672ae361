import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Checkbox, Progress, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { eventPlanContract } from '../../../../electron/contract/event-plan';
import type { EventDetail } from '../../../../electron/contract/event-plan';
import { checklistKinds } from '../../../../electron/contract/event-terms';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { StoreTime } from '../complaints/store-time';
import { eventKeys } from './event-keys';
import { FormModal } from './form-modal';
import { useEventStaff } from './use-event-staff';

const taskSchema = eventPlanContract['events.saveChecklistItem'].input.omit({ eventId: true, id: true });
type Task = EventDetail['checklist'][number];

/** 筹备清单: materials, gifts, venue, meals, insurance, the manufacturer's filing; who, by when, done or not. */
export function ChecklistTab({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Task | 'new' | null>(null);
  const staff = useEventStaff(editing !== null);
  const items = event.checklist;
  const done = items.filter((i) => i.doneAt).length;
  const write = async (call: () => Promise<unknown>) => {
    try {
      await call();
    } catch (error) {
      void message.error(errorMessage(error));
    }
    await queryClient.invalidateQueries({ queryKey: eventKeys.event(event.id) });
  };
  const open = editing === 'new' ? null : editing;
  const defaults: z.input<typeof taskSchema> = {
    kind: open?.kind ?? (undefined as unknown as Task['kind']),
    title: open?.title ?? '',
    ownerUserId: open?.owner?.id ?? null,
    dueOn: open?.dueOn ?? null,
  };

  return (
    <div className="ev-tab">
      <div className="ev-tab-toolbar">
        <span className="ev-progress">
          <Typography.Text>{t('events.checklist.progress', { done, total: items.length })}</Typography.Text>
          {items.length > 0 && (
            <Progress
              percent={Math.round((done / items.length) * 100)}
              size="small"
              className="ev-progress-bar"
            />
          )}
        </span>
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('events.checklist.add')}
        </Button>
      </div>
      <Table<Task>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={items}
        rowClassName={(r) => (r.overdue ? 'ev-row-overdue' : r.doneAt ? 'ev-row-done' : '')}
        locale={{ emptyText: t('events.checklist.empty') }}
        columns={[
          {
            title: t('events.checklist.columns.done'),
            key: 'done',
            width: 64,
            render: (_, r) => (
              <Checkbox
                aria-label={`${t('events.checklist.columns.done')} ${r.title}`}
                checked={Boolean(r.doneAt)}
                onChange={(e) =>
                  void write(() => api.call('events.setChecklistDone', { id: r.id, done: e.target.checked }))
                }
              />
            ),
          },
          {
            title: t('events.checklist.columns.kind'),
            dataIndex: 'kind',
            width: 170,
            render: (v: Task['kind']) => t(`events.checklistKinds.${v}`),
          },
          { title: t('events.checklist.columns.task'), dataIndex: 'title' },
          {
            title: t('events.checklist.columns.owner'),
            key: 'owner',
            width: 100,
            render: (_, r) => r.owner?.name ?? t('common.none'),
          },
          {
            title: t('events.checklist.columns.due'),
            key: 'due',
            width: 140,
            render: (_, r) => (
              <span className={r.overdue ? 'ev-overdue' : 'cell-mono'}>
                {r.dueOn ?? t('common.none')}
                {r.overdue && ` · ${t('events.checklist.overdue')}`}
              </span>
            ),
          },
          {
            title: t('events.checklist.columns.doneAt'),
            key: 'doneAt',
            width: 170,
            render: (_, r) =>
              r.doneAt ? (
                <span className="ev-cell-sub">
                  <StoreTime iso={r.doneAt} short /> {r.doneBy?.name}
                </span>
              ) : null,
          },
          {
            key: 'actions',
            width: 80,
            render: (_, r) => (
              <span className="ev-row-actions">
                <Button
                  size="small"
                  type="text"
                  icon={<EditOutlined />}
                  aria-label={t('events.checklist.edit')}
                  onClick={() => setEditing(r)}
                />
                <Button
                  size="small"
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('events.plan.remove')}
                  onClick={() => void write(() => api.call('events.removeChecklistItem', { id: r.id }))}
                />
              </span>
            ),
          },
        ]}
      />
      {editing && (
        <FormModal
          onClose={() => setEditing(null)}
          spec={{
            title: open ? t('events.checklist.edit') : t('events.checklist.add'),
            schema: taskSchema,
            defaults,
            okText: t('common.save'),
            fields: () => [
              {
                name: 'kind',
                label: t('events.checklist.columns.kind'),
                required: true,
                span: 12,
                widget: {
                  kind: 'select',
                  options: checklistKinds.map((k) => ({ value: k, label: t(`events.checklistKinds.${k}`) })),
                },
              },
              {
                name: 'dueOn',
                label: t('events.checklist.columns.due'),
                span: 12,
                widget: { kind: 'date' },
              },
              {
                name: 'title',
                label: t('events.checklist.task'),
                required: true,
                widget: { kind: 'text', maxLength: 200 },
              },
              {
                name: 'ownerUserId',
                label: t('events.checklist.columns.owner'),
                widget: {
                  kind: 'select',
                  allowClear: true,
                  showSearch: true,
                  loading: staff.isPending,
                  options: (staff.data ?? []).map((s) => ({ value: s.id, label: s.name, title: s.name })),
                },
              },
            ],
            run: (v) =>
              api.call('events.saveChecklistItem', { ...v, eventId: event.id, id: open?.id ?? null }),
            done: open ? t('events.form.saved') : t('events.checklist.added'),
          }}
        />
      )}
    </div>
  );
}
