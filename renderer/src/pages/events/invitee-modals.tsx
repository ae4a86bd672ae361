import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { InviteeRow } from '../../../../electron/contract/event-invitations';
import { eventInvitationsContract } from '../../../../electron/contract/event-invitations';
import type { ConfirmationAnswer, InvitationAnswer } from '../../../../electron/contract/event-terms';
import { confirmationAnswers, invitationAnswers } from '../../../../electron/contract/event-terms';
import { api } from '../../api';
import type { FieldDescriptor } from '../../forms/field-descriptors';
import type { PickedCustomer } from '../../search/customer-picker';
import { customerWidget } from './customer-widget';
import { FormModal } from './form-modal';
import { integerWidget } from './integer-widget';

const answerSchema = eventInvitationsContract['events.recordAnswer'].input.omit({ inviteeId: true });
type AnswerValues = z.input<typeof answerSchema>;

const seatCount = (max: number) => z.number().int().min(0).max(max).nullish();
const addSchema = z.object({
  customerId: z.number().int().positive().nullish(),
  name: z.string().trim().max(50).optional(),
  mobile: z.string().trim().max(20).optional(),
  referredById: z.number().int().positive().nullish(),
  status: z.enum(['pending', 'accepted']),
  cars: seatCount(20),
  adults: seatCount(50),
  children: seatCount(50),
});
type AddValues = z.input<typeof addSchema>;

/** An invitee's status decides which call they are on: before sign-up the invitation, after it the confirmation. */
export function answersFor(status: InviteeRow['status']): readonly (InvitationAnswer | ConfirmationAnswer)[] {
  return status === 'accepted' ? confirmationAnswers : invitationAnswers;
}

function seatFields<T extends { cars?: unknown; adults?: unknown; children?: unknown }>(
  t: (k: string) => string,
): FieldDescriptor<T & Record<string, unknown>>[] {
  return [
    { name: 'cars', label: t('events.invitees.form.cars'), span: 8, widget: integerWidget(0, 20) },
    { name: 'adults', label: t('events.invitees.form.adults'), span: 8, widget: integerWidget(0, 50) },
    { name: 'children', label: t('events.invitees.form.children'), span: 8, widget: integerWidget(0, 50) },
  ] as FieldDescriptor<T & Record<string, unknown>>[];
}

/** 记录答复 outside a call: accepted with seats, declined with a reason, undecided; confirmed or cancelled. */
export function AnswerModal({ invitee, onClose }: { invitee: InviteeRow; onClose: () => void }) {
  const { t } = useTranslation();
  const tt = t as unknown as (k: string) => string;
  const answers = answersFor(invitee.status);
  const defaults: AnswerValues = {
    answer: undefined as unknown as AnswerValues['answer'],
    cars: invitee.cars || 1,
    adults: invitee.adults || 2,
    children: invitee.children,
    reason: '',
  };
  return (
    <FormModal
      onClose={onClose}
      spec={{
        title: `${t('events.invitees.answer')} · ${invitee.customer.name}`,
        schema: answerSchema,
        defaults,
        okText: t('common.save'),
        fields: (v) =>
          [
            {
              name: 'answer',
              label: t('events.invitees.form.answer'),
              required: true,
              widget: {
                kind: 'select',
                options: answers.map((a) => ({
                  value: a,
                  label: (invitationAnswers as readonly string[]).includes(a)
                    ? t(`events.invitationAnswers.${a as InvitationAnswer}`)
                    : t(`events.confirmationAnswers.${a as ConfirmationAnswer}`),
                })),
              },
            },
            ...(v.answer === 'accepted' || v.answer === 'confirmed' ? seatFields<AnswerValues>(tt) : []),
            ...(v.answer === 'declined' || v.answer === 'cancelled' || v.answer === 'undecided'
              ? [
                  {
                    name: 'reason' as const,
                    label: t('events.invitees.form.reason'),
                    widget: { kind: 'text' as const, maxLength: 200 },
                  },
                ]
              : []),
          ] as FieldDescriptor<AnswerValues>[],
        run: (v) => api.call('events.recordAnswer', { inviteeId: invitee.inviteeId, ...v }),
        done: (r) => (r as { message?: string }).message ?? t('events.invitees.answered'),
      }}
    />
  );
}

/**
 * Puts one person on the list: a customer found with the search, or (newLead) someone who is not a customer
 * yet, who becomes a lead card with source 活动 and, when given, the customer who brought them.
 */
export function AddInviteeModal({
  eventId,
  newLead,
  onClose,
}: {
  eventId: number;
  newLead: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const tt = t as unknown as (k: string) => string;
  const [picked, setPicked] = useState<PickedCustomer | null>(null);
  const [referrer, setReferrer] = useState<PickedCustomer | null>(null);
  const defaults: AddValues = {
    customerId: null,
    name: '',
    mobile: '',
    referredById: null,
    status: newLead ? 'accepted' : 'pending',
    cars: newLead ? 1 : 0,
    adults: newLead ? 1 : 0,
    children: 0,
  };
  return (
    <FormModal
      onClose={onClose}
      spec={{
        title: newLead ? t('events.invitees.addLead') : t('events.invitees.add'),
        intro: newLead ? t('events.invitees.form.leadHint') : undefined,
        schema: addSchema,
        defaults,
        okText: t('common.save'),
        fields: (v) =>
          [
            ...(newLead
              ? [
                  {
                    name: 'name',
                    label: t('events.invitees.form.name'),
                    required: true,
                    span: 12,
                    widget: { kind: 'text', maxLength: 50 },
                  },
                  {
                    name: 'mobile',
                    label: t('events.invitees.form.mobile'),
                    required: true,
                    span: 12,
                    widget: { kind: 'text', maxLength: 20, mono: true },
                  },
                  {
                    name: 'referredById',
                    label: t('events.invitees.form.referrer'),
                    widget: customerWidget(referrer, setReferrer),
                  },
                ]
              : [
                  {
                    name: 'customerId',
                    label: t('events.invitees.form.customer'),
                    required: true,
                    widget: customerWidget(picked, setPicked),
                  },
                ]),
            {
              name: 'status',
              label: t('events.invitees.form.status'),
              widget: {
                kind: 'select',
                options: (['pending', 'accepted'] as const).map((s) => ({
                  value: s,
                  label: t(`events.inviteeStatuses.${s}`),
                })),
              },
            },
            ...(v.status === 'accepted' ? seatFields<AddValues>(tt) : []),
          ] as FieldDescriptor<AddValues>[],
        run: (v) =>
          api.call('events.addInvitee', {
            eventId,
            status: v.status,
            ...(v.status === 'accepted'
              ? { cars: v.cars ?? 0, adults: v.adults ?? 0, children: v.children ?? 0 }
              : {}),
            ...(newLead
              ? {
                  newLead: {
                    name: v.name ?? '',
                    mobile: v.mobile ?? '',
                    referredById: v.referredById ?? null,
                  },
                }
              : { customerId: v.customerId ?? 0 }),
          }),
        done: (r) => (r as { message?: string }).message ?? t('events.invitees.answered'),
      }}
    />
  );
}
