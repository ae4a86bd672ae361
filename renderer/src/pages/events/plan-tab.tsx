import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Alert, Button, Descriptions, Input, Select, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '../../../../electron/contract/event-plan';
import { eventUpdateInput } from '../../../../electron/contract/event-plan';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import type { FieldDescriptor } from '../../forms/field-descriptors';
import { formatFen } from '../../format/money';
import type { EventFormValues } from './event-form-fields';
import { eventFormSections } from './event-form-fields';
import { eventKeys } from './event-keys';
import { FormModal } from './form-modal';
import { useEventStaff } from './use-event-staff';

const editSchema = eventUpdateInput.omit({ id: true, version: true, base: true });

interface AgendaDraft {
  key: number;
  day: string;
  time: string;
  place: string;
  item: string;
  personInCharge: string;
}

function eventDays(startsOn: string, endsOn: string): string[] {
  const days: string[] = [];
  for (let d = dayjs(startsOn); !d.isAfter(dayjs(endsOn)) && days.length < 60; d = d.add(1, 'day'))
    days.push(d.format('YYYY-MM-DD'));
  return days;
}

/** 方案: the plan's facts (edited in a dialog drawn from the new-event descriptors), the agenda and the scripts. */
export function PlanTab({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const staff = useEventStaff(editing);
  const defaults: EventFormValues = {
    title: event.title,
    type: event.type,
    theme: event.theme ?? '',
    startsOn: event.startsOn,
    endsOn: event.endsOn,
    places: event.places ?? '',
    capacityCars: event.capacityCars,
    capacityPeople: event.capacityPeople,
    plannedCars: event.plannedCars,
    plannedPeople: event.plannedPeople,
    ownerUserId: event.owner?.id ?? null,
    invitationScript: event.invitationScript ?? '',
    confirmationScript: event.confirmationScript ?? '',
  };
  const none = t('common.none');

  return (
    <div className="ev-tab ev-plan">
      <div className="ev-tab-toolbar">
        <Typography.Title level={5} className="ev-section-title">
          {t('events.tabs.plan')}
        </Typography.Title>
        {event.status !== 'cancelled' && event.status !== 'summarised' && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('events.plan.edit')}
          </Button>
        )}
      </div>
      <Descriptions
        size="small"
        column={3}
        bordered
        items={[
          { key: 'type', label: t('events.form.fields.type'), children: t(`events.types.${event.type}`) },
          { key: 'theme', label: t('events.form.fields.theme'), children: event.theme ?? none, span: 2 },
          {
            key: 'planned',
            label: t('events.plan.plannedSize'),
            children: t('events.page.capacityValue', {
              cars: event.plannedCars ?? '—',
              people: event.plannedPeople ?? '—',
            }),
          },
          {
            key: 'capacity',
            label: t('events.page.capacity'),
            children: t('events.page.capacityValue', {
              cars: event.capacityCars ?? '—',
              people: event.capacityPeople ?? '—',
            }),
          },
          {
            key: 'budget',
            label: t('events.plan.planned'),
            children: formatFen(event.budget.totals.plannedFen),
          },
          {
            key: 'approved',
            label: t('events.plan.approved'),
            children: event.approvedBy
              ? `${event.approvedBy.name} · ${event.approvedAt?.slice(0, 10) ?? ''}`
              : none,
            span: 3,
          },
        ]}
      />
      <AgendaEditor event={event} />
      <section className="ev-scripts">
        <Typography.Title level={5} className="ev-section-title">
          {t('events.plan.scripts')}
        </Typography.Title>
        <dl className="ev-script-list">
          <dt>{t('events.form.fields.invitationScript')}</dt>
          <dd>{event.invitationScript ?? <span className="cell-empty">{t('events.plan.noScript')}</span>}</dd>
          <dt>{t('events.form.fields.confirmationScript')}</dt>
          <dd>
            {event.confirmationScript ?? <span className="cell-empty">{t('events.plan.noScript')}</span>}
          </dd>
        </dl>
      </section>
      {editing && (
        <FormModal
          onClose={() => setEditing(false)}
          spec={{
            title: t('events.plan.edit'),
            width: 760,
            schema: editSchema,
            defaults,
            okText: t('common.save'),
            fields: () =>
              eventFormSections(t, staff.data, true).flatMap(
                (s) => s.fields,
              ) as unknown as FieldDescriptor<EventFormValues>[],
            run: (v) => api.call('events.update', { id: event.id, version: event.version, ...v }),
            // A new start moves the calls still to make: say how many followed it.
            done: (r) => {
              const calls = (r as { calls?: { moved: number; cancelled: number } }).calls;
              if (!calls || calls.moved + calls.cancelled === 0) return t('events.form.saved');
              return (
                t('events.form.savedCallsMoved', calls) +
                (calls.cancelled ? t('events.form.savedCallsCancelled', calls) : '')
              );
            },
          }}
        />
      )}
    </div>
  );
}

function AgendaEditor({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const days = eventDays(event.startsOn, event.endsOn);
  const fromEvent = (): AgendaDraft[] =>
    event.agenda.map((a, i) => ({
      key: i,
      day: a.day,
      time: a.time ?? '',
      place: a.place ?? '',
      item: a.item,
      personInCharge: a.personInCharge ?? '',
    }));
  const [rows, setRows] = useState<AgendaDraft[]>(fromEvent);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [nextKey, setNextKey] = useState(1000);
  const editable = event.status !== 'cancelled' && event.status !== 'summarised';
  const change = (key: number, patch: Partial<AgendaDraft>) => {
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    setDirty(true);
  };
  const add = () => {
    const last = rows[rows.length - 1];
    setRows([
      ...rows,
      { key: nextKey, day: last?.day ?? days[0]!, time: '', place: '', item: '', personInCharge: '' },
    ]);
    setNextKey(nextKey + 1);
    setDirty(true);
  };
  const save = async () => {
    setSaving(true);
    try {
      await api.call('events.saveAgenda', {
        eventId: event.id,
        version: event.version,
        items: rows.map((r) => ({
          day: r.day,
          time: r.time,
          place: r.place,
          item: r.item,
          personInCharge: r.personInCharge,
        })),
      });
      await queryClient.invalidateQueries({ queryKey: eventKeys.event(event.id) });
      setDirty(false);
      void message.success(t('events.plan.agendaSaved'));
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };
  const dayIndex = (d: string) => days.indexOf(d) + 1;
  const col = t as (k: string) => string;

  return (
    <section className="ev-agenda">
      <div className="ev-tab-toolbar">
        <Typography.Title level={5} className="ev-section-title">
          {t('events.plan.agenda')}
        </Typography.Title>
        {editable && (
          <span className="ev-toolbar-actions">
            <Button icon={<PlusOutlined />} onClick={add}>
              {t('events.plan.addAgenda')}
            </Button>
            <Button type="primary" disabled={!dirty} loading={saving} onClick={() => void save()}>
              {t('events.plan.saveAgenda')}
            </Button>
          </span>
        )}
      </div>
      {dirty && <Alert type="info" showIcon title={t('events.plan.unsaved')} className="ev-inline-alert" />}
      <Table<AgendaDraft>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('events.plan.agendaEmpty') }}
        columns={[
          {
            title: col('events.plan.agendaColumns.day'),
            key: 'day',
            width: 190,
            render: (_, r) =>
              editable ? (
                <Select
                  aria-label={col('events.plan.agendaColumns.day')}
                  size="small"
                  value={r.day}
                  className="full-width"
                  onChange={(v: string) => change(r.key, { day: v })}
                  options={days.map((d, i) => ({
                    value: d,
                    label: `${t('events.plan.dayN', { n: i + 1 })} · ${d.slice(5)}`,
                  }))}
                />
              ) : (
                `${t('events.plan.dayN', { n: dayIndex(r.day) })} · ${r.day.slice(5)}`
              ),
          },
          ...(['time', 'place', 'item', 'personInCharge'] as const).map((k) => ({
            title: col(`events.plan.agendaColumns.${k === 'personInCharge' ? 'person' : k}`),
            key: k,
            width: k === 'time' ? 100 : k === 'item' ? undefined : 160,
            render: (_: unknown, r: AgendaDraft) =>
              editable ? (
                <Input
                  size="small"
                  aria-label={col(`events.plan.agendaColumns.${k === 'personInCharge' ? 'person' : k}`)}
                  value={r[k]}
                  placeholder={k === 'time' ? '08:30' : undefined}
                  onChange={(e) => change(r.key, { [k]: e.target.value })}
                />
              ) : (
                r[k] || t('common.none')
              ),
          })),
          ...(editable
            ? [
                {
                  key: 'remove',
                  width: 48,
                  render: (_: unknown, r: AgendaDraft) => (
                    <Button
                      size="small"
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('events.plan.remove')}
                      onClick={() => {
                        setRows(rows.filter((x) => x.key !== r.key));
                        setDirty(true);
                      }}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </section>
  );
}
