import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { TicketDetail } from '../../../../electron/contract/complaints';
import { complaintsContract, statedGradeFacts } from '../../../../electron/contract/complaints';
import { api } from '../../api';
import type { FieldDescriptor } from '../../forms/field-descriptors';
import { ActionModal } from './action-modal';
import { complaintKeys } from './complaint-keys';
import { ticketFormSections } from './ticket-form-fields';

const editSchema = complaintsContract['complaints.update'].input.shape.fields;
type EditValues = z.input<typeof editSchema>;
type EditKey = keyof EditValues;
/** The facts of a ticket staff may correct, in the new-ticket form's order, with its descriptors. */
const editable: readonly EditKey[] = [
  'vehicleId',
  'category',
  'description',
  'demand',
  'facts',
  'manufacturerCaseNo',
  'manufacturerDueAt',
];

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * 修改工单信息: corrects what was taken down at intake (a wrong category, the car, the customer's demand). The fields
 * are the new-ticket form's own descriptors; only what was changed is sent, so another handler's change to other
 * facts meanwhile is not overwritten. A new category or car may change the suggested grade (main recomputes it).
 */
export function TicketEditModal({ ticket, onClose }: { ticket: TicketDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const vehicles = useQuery({
    queryKey: complaintKeys.customerVehicles(ticket.customer.id),
    queryFn: () => api.call('complaints.customerVehicles', { customerId: ticket.customer.id }),
    staleTime: 60_000,
  });
  const facts = Object.fromEntries(statedGradeFacts.map((f) => [f, ticket.facts[f] ?? false])) as NonNullable<
    EditValues['facts']
  >;
  const defaults: EditValues = {
    vehicleId: ticket.vehicle?.id ?? null,
    category: ticket.category,
    description: ticket.description,
    demand: ticket.demand ?? '',
    facts,
    ...(ticket.channel === 'manufacturer'
      ? { manufacturerCaseNo: ticket.manufacturerCaseNo ?? '', manufacturerDueAt: ticket.manufacturerDueAt }
      : {}),
  };
  const descriptors = ticketFormSections({
    t,
    customer: { id: ticket.customer.id, name: ticket.customer.name },
    customerFixed: true,
    onCustomer: () => undefined,
    vehicles: vehicles.data ?? null,
    staff: undefined,
    channel: ticket.channel,
    departmentId: null,
  })
    .flatMap((s) => s.fields)
    .filter((f) =>
      (editable as readonly string[]).includes(f.name as string),
    ) as unknown as FieldDescriptor<EditValues>[];

  return (
    <ActionModal
      ticketId={ticket.id}
      customerId={ticket.customer.id}
      onClose={onClose}
      spec={{
        title: t('complaints.actions.edit.title', { no: ticket.ticketNo }),
        intro: t('complaints.actions.edit.intro'),
        width: 720,
        schema: editSchema,
        defaults,
        fields: () => descriptors,
        okText: t('complaints.actions.edit.ok'),
        run: (v) => {
          const changed = Object.fromEntries(
            editable.filter((k) => v[k] !== undefined && !same(v[k], defaults[k])).map((k) => [k, v[k]]),
          );
          return api.call('complaints.update', { id: ticket.id, version: ticket.version, fields: changed });
        },
        done: t('complaints.actions.edit.done'),
      }}
    />
  );
}
