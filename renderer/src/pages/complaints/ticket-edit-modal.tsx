import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { TicketConflictDetails, TicketDetail } from '../../../../electron/contract/complaints';
import { complaintsContract, statedGradeFacts } from '../../../../electron/contract/complaints';
import { api } from '../../api';
import { conflictDetails } from '../../forms/conflict-rows';
import { descriptorConflictRows } from '../../forms/descriptor-conflict';
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

type Correctable = Pick<
  TicketDetail,
  'category' | 'description' | 'demand' | 'manufacturerCaseNo' | 'manufacturerDueAt' | 'channel'
> & { vehicleId: number | null; facts: Partial<Record<string, boolean>> };

/** The form's values for the ticket's facts as stored (the page's ticket, or a conflict's current facts). */
function formOf(ticket: Correctable): EditValues {
  const facts = Object.fromEntries(statedGradeFacts.map((f) => [f, ticket.facts[f] ?? false])) as NonNullable<
    EditValues['facts']
  >;
  return {
    vehicleId: ticket.vehicleId,
    category: ticket.category,
    description: ticket.description,
    demand: ticket.demand ?? '',
    facts,
    ...(ticket.channel === 'manufacturer'
      ? { manufacturerCaseNo: ticket.manufacturerCaseNo ?? '', manufacturerDueAt: ticket.manufacturerDueAt }
      : {}),
  };
}

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
  const defaults = formOf({ ...ticket, vehicleId: ticket.vehicle?.id ?? null });
  // The facts and version the next save is made against: as loaded, or as a conflict showed them.
  const against = useRef({ version: ticket.version, values: defaults });
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
          const { version, values: loaded } = against.current;
          const keys = editable.filter((k) => v[k] !== undefined && !same(v[k], loaded[k]));
          // Only what was changed goes, with what it was: main merges it with what others changed meanwhile.
          return api.call('complaints.update', {
            id: ticket.id,
            version,
            base: Object.fromEntries(keys.map((k) => [k, loaded[k]])),
            fields: Object.fromEntries(keys.map((k) => [k, v[k]])),
          });
        },
        stale: (error, typed) => {
          const clash = conflictDetails<TicketConflictDetails['current']>(error);
          if (!clash) return null;
          const theirs = formOf({ ...clash.current, channel: ticket.channel });
          const rows = descriptorConflictRows(t, descriptors, {
            was: against.current.values,
            mine: typed,
            theirs,
          });
          return {
            state: { rows, savedBy: clash.savedBy, savedAt: clash.savedAt ?? clash.current.updatedAt },
            what: t('complaints.actions.edit.conflictWhat', { no: ticket.ticketNo }),
            theirs,
            accept: () => {
              against.current = { version: clash.current.version, values: theirs };
            },
          };
        },
        done: t('complaints.actions.edit.done'),
      }}
    />
  );
}
