import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { eventUpdateInput } from '../../../../electron/contract/event-plan';
import { eventTypes } from '../../../../electron/contract/event-terms';
import type { FieldDescriptor } from '../../forms/field-descriptors';
import { integerWidget } from './integer-widget';

/** The event form's values: the update channel's fields (create takes the same, scripts aside). */
export type EventFormValues = Omit<z.input<typeof eventUpdateInput>, 'id' | 'version' | 'base'>;

export interface StaffOption {
  id: number;
  name: string;
}

/**
 * 活动方案 form, declared once for the new-event drawer and the plan's edit dialog: which contract field, its label,
 * widget and width. The scripts only appear when editing (a new event uses the call-back rule's scripts).
 */
export function eventFormSections(
  t: TFunction,
  staff: StaffOption[] | undefined,
  withScripts: boolean,
): { key: string; title: string; fields: FieldDescriptor<EventFormValues>[] }[] {
  const label = (k: keyof EventFormValues) => t(`events.form.fields.${k}` as 'events.form.fields.title');
  return [
    {
      key: 'what',
      title: t('events.form.sections.what'),
      fields: [
        {
          name: 'title',
          label: label('title'),
          required: true,
          span: 16,
          widget: { kind: 'text', maxLength: 100 },
        },
        {
          name: 'type',
          label: label('type'),
          required: true,
          span: 8,
          widget: {
            kind: 'select',
            options: eventTypes.map((v) => ({ value: v, label: t(`events.types.${v}`) })),
          },
        },
        { name: 'theme', label: label('theme'), widget: { kind: 'text', maxLength: 200 } },
      ],
    },
    {
      key: 'when',
      title: t('events.form.sections.when'),
      fields: [
        {
          name: 'startsOn',
          label: t('events.form.fields.startDate'),
          required: true,
          span: 12,
          widget: { kind: 'date' },
        },
        {
          name: 'endsOn',
          label: t('events.form.fields.endDate'),
          required: true,
          span: 12,
          widget: { kind: 'date' },
        },
        {
          name: 'places',
          label: label('places'),
          extra: t('events.form.placesHint'),
          widget: { kind: 'text', maxLength: 500 },
        },
      ],
    },
    {
      key: 'size',
      title: t('events.form.sections.size'),
      fields: [
        {
          name: 'plannedCars',
          label: t('events.form.plannedCars'),
          span: 6,
          widget: integerWidget(0, 10_000),
        },
        {
          name: 'plannedPeople',
          label: t('events.form.plannedPeople'),
          span: 6,
          widget: integerWidget(0, 10_000),
        },
        { name: 'capacityCars', label: label('capacityCars'), span: 6, widget: integerWidget(1, 10_000) },
        { name: 'capacityPeople', label: label('capacityPeople'), span: 6, widget: integerWidget(1, 10_000) },
        {
          name: 'ownerUserId',
          label: label('ownerUserId'),
          span: 12,
          widget: {
            kind: 'select',
            allowClear: true,
            showSearch: true,
            loading: staff === undefined,
            options: (staff ?? []).map((s) => ({ value: s.id, label: s.name, title: s.name })),
          },
        },
      ],
    },
    ...(withScripts
      ? [
          {
            key: 'scripts',
            title: t('events.form.sections.scripts'),
            fields: [
              {
                name: 'invitationScript',
                label: label('invitationScript'),
                extra: t('events.form.scriptHint', { placeholders: scriptPlaceholders }),
                widget: { kind: 'textarea', rows: 3, maxLength: 2000 },
              },
              {
                name: 'confirmationScript',
                label: label('confirmationScript'),
                widget: { kind: 'textarea', rows: 3, maxLength: 2000 },
              },
            ] satisfies FieldDescriptor<EventFormValues>[],
          },
        ]
      : []),
  ];
}

/** As event-plan.ts documents them; shown to staff as they type them. */
export const scriptPlaceholders = '{name} {title} {event} {dates} {place} {agenda} {store}';
