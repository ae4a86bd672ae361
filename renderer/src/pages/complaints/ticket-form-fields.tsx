import type { TFunction } from 'i18next';
import { formatPlate } from '../../../../electron/common/plate';
import type { ChannelOutput } from '../../../../electron/contract';
import type { TicketFieldsInput } from '../../../../electron/contract/complaints';
import {
  complaintCategories,
  complaintChannels,
  statedGradeFacts,
} from '../../../../electron/contract/complaints';
import type { FieldDescriptor, FieldOption } from '../../forms/field-descriptors';
import type { PickedCustomer } from '../../search/customer-picker';
import { CustomerPicker } from '../../search/customer-picker';

export type TicketFormValues = TicketFieldsInput;
type Staff = ChannelOutput<'complaints.staff'>;

export interface TicketVehicle {
  id: number;
  vin: string;
  plate: string | null;
  brand: string;
  series: string;
}

export function vehicleOption(v: TicketVehicle): FieldOption<number> {
  const plate = v.plate ? formatPlate(v.plate) : null;
  const text = [plate, `${v.brand} ${v.series}`, `VIN …${v.vin.slice(-6)}`].filter(Boolean).join(' · ');
  return { value: v.id, label: text, title: text };
}

export interface TicketFieldContext {
  t: TFunction;
  /** The customer as the picker shows it; fixed when the form was opened from a card or a call. */
  customer: PickedCustomer | null;
  customerFixed: boolean;
  onCustomer: (next: PickedCustomer | null) => void;
  vehicles: TicketVehicle[] | null;
  staff: Staff | undefined;
  channel: TicketFormValues['channel'];
  departmentId: number | null | undefined;
}

export type TicketFormSection = 'who' | 'what' | 'manufacturer' | 'routing';

/**
 * The new-ticket form, declared once: which contract field, its label, widget and width. The drawer draws these
 * with DescriptorFields; the resolver validates with the contract's own ticketFields schema.
 */
export function ticketFormSections(
  c: TicketFieldContext,
): { key: TicketFormSection; title: string; fields: FieldDescriptor<TicketFormValues>[] }[] {
  const { t } = c;
  const label = (k: string) => t(`complaints.form.fields.${k}` as 'complaints.form.fields.customerId');
  const department = c.staff?.departments.find((d) => d.id === c.departmentId);
  const handlers = department
    ? department.members
    : (c.staff?.departments.flatMap((d) => d.members) ?? []).filter(
        (m, i, all) => all.findIndex((x) => x.id === m.id) === i,
      );
  const staffOption = (s: { id: number; name: string }): FieldOption<number> => ({
    value: s.id,
    label: s.name,
    title: s.name,
  });
  const loading = c.staff === undefined;

  return [
    {
      key: 'who',
      title: t('complaints.form.sections.who'),
      fields: [
        {
          name: 'customerId',
          label: label('customerId'),
          required: true,
          span: 12,
          widget: {
            kind: 'custom',
            render: (field, id, invalid) => (
              <CustomerPicker
                id={id}
                value={c.customer}
                placeholder={t('complaints.form.customerPlaceholder')}
                status={invalid ? 'error' : undefined}
                onBlur={field.onBlur}
                onChange={(next) => {
                  c.onCustomer(next);
                  field.onChange(next?.id ?? 0);
                }}
              />
            ),
          },
          shown: !c.customerFixed,
        },
        {
          name: 'vehicleId',
          label: label('vehicleId'),
          span: 12,
          extra: c.vehicles?.length === 0 ? t('complaints.form.noVehicles') : undefined,
          widget: {
            kind: 'select',
            allowClear: true,
            placeholder: t('complaints.form.vehiclePlaceholder'),
            options: (c.vehicles ?? []).map(vehicleOption),
            loading: c.customer !== null && c.vehicles === null,
            disabled: !c.customer,
          },
        },
        {
          name: 'channel',
          label: label('channel'),
          required: true,
          span: 12,
          widget: {
            kind: 'select',
            options: complaintChannels.map((v) => ({ value: v, label: t(`complaints.channels.${v}`) })),
          },
        },
        {
          name: 'receivedAt',
          label: label('receivedAt'),
          required: true,
          span: 12,
          extra: t('complaints.form.receivedAtHint'),
          widget: { kind: 'instant', past: true },
        },
        {
          name: 'receivedByUserId',
          label: label('receivedByUserId'),
          span: 12,
          widget: {
            kind: 'select',
            allowClear: true,
            showSearch: true,
            loading,
            options: (c.staff?.receivers ?? []).map(staffOption),
          },
        },
      ],
    },
    {
      key: 'what',
      title: t('complaints.form.sections.what'),
      fields: [
        {
          name: 'category',
          label: label('category'),
          required: true,
          span: 12,
          widget: {
            kind: 'select',
            options: complaintCategories.map((v) => ({ value: v, label: t(`complaints.categories.${v}`) })),
          },
        },
        {
          name: 'description',
          label: label('description'),
          required: true,
          widget: {
            kind: 'textarea',
            rows: 3,
            maxLength: 4000,
            placeholder: t('complaints.form.descriptionPlaceholder'),
          },
        },
        {
          name: 'demand',
          label: label('demand'),
          widget: {
            kind: 'textarea',
            rows: 1,
            maxLength: 1000,
            placeholder: t('complaints.form.demandPlaceholder'),
          },
        },
        {
          name: 'facts',
          label: label('facts'),
          extra: t('complaints.form.factsHint'),
          widget: {
            kind: 'flags',
            options: statedGradeFacts.map((f) => ({ value: f, label: t(`complaints.facts.${f}`) })),
          },
        },
      ],
    },
    {
      key: 'manufacturer',
      title: t('complaints.form.sections.manufacturer'),
      fields:
        c.channel === 'manufacturer'
          ? [
              {
                name: 'manufacturerCaseNo',
                label: label('manufacturerCaseNo'),
                required: true,
                span: 12,
                widget: { kind: 'text', maxLength: 60, mono: true },
              },
              {
                name: 'manufacturerDueAt',
                label: label('manufacturerDueAt'),
                span: 12,
                extra: t('complaints.form.manufacturerDueHint'),
                widget: { kind: 'instant' },
              },
            ]
          : [],
    },
    {
      key: 'routing',
      title: t('complaints.form.sections.routing'),
      fields: [
        {
          name: 'departmentId',
          label: label('departmentId'),
          span: 8,
          widget: {
            kind: 'select',
            allowClear: true,
            loading,
            placeholder: t('complaints.form.departmentPlaceholder'),
            options: (c.staff?.departments ?? []).map((d) => ({ value: d.id, label: d.name, title: d.name })),
          },
        },
        {
          name: 'ownerUserId',
          label: label('ownerUserId'),
          span: 8,
          widget: {
            kind: 'select',
            allowClear: true,
            showSearch: true,
            loading,
            placeholder: t('complaints.form.ownerPlaceholder'),
            options: handlers.map(staffOption),
          },
        },
        {
          name: 'managerUserId',
          label: label('managerUserId'),
          span: 8,
          widget: {
            kind: 'select',
            allowClear: true,
            showSearch: true,
            loading,
            options: (c.staff?.managers ?? []).map(staffOption),
          },
        },
      ],
    },
  ];
}
