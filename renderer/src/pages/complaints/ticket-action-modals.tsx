import type { TFunction } from 'i18next';
import type { ChannelOutput } from '../../../../electron/contract';
import type { TicketDetail } from '../../../../electron/contract/complaints';
import {
  complaintContactKinds,
  complaintGrades,
  complaintsContract,
  pauseReasons,
  rootCauses,
} from '../../../../electron/contract/complaints';
import { api } from '../../api';
import type { FieldOption } from '../../forms/field-descriptors';
import { formatFen } from '../../format/money';
import { ActionModal } from './action-modal';
import { TicketEditModal } from './ticket-edit-modal';

/** What the ticket page can ask for; each opens one dialog below. */
export type TicketAction =
  | { kind: 'respond' }
  | { kind: 'edit' }
  | { kind: 'contact' }
  | { kind: 'regrade' }
  | { kind: 'route' }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'propose' }
  | { kind: 'answer'; solutionId: number; answer: 'agreed' | 'refused' }
  | { kind: 'approve'; solutionId: number; approve: boolean }
  | { kind: 'close' }
  | { kind: 'review' }
  | { kind: 'reopen' };

interface ModalContext {
  t: TFunction;
  ticket: TicketDetail;
  staff: ChannelOutput<'complaints.staff'> | undefined;
  /** Total compensation above which a manager approves (complaints.settings). */
  approvalFen: number | null;
  onClose: () => void;
}

const ref = (tk: TicketDetail) => ({ id: tk.id, version: tk.version });
const opts = <V extends string>(t: TFunction, list: readonly V[], group: string): FieldOption<V>[] =>
  list.map((v) => ({ value: v, label: t(`complaints.${group}.${v}` as 'complaints.grades.A') }));

/** The dialog for one action, its fields declared against the channel's own input schema. */
export function TicketActionModal({ action, ...c }: ModalContext & { action: TicketAction }) {
  const { t, ticket } = c;
  const L = (k: string) => t(`complaints.actions.fields.${k}` as 'complaints.actions.fields.note');
  const staffOptions = (list: { id: number; name: string }[] | undefined) =>
    (list ?? []).map((s) => ({ value: s.id, label: s.name, title: s.name }));
  const common = { ticketId: ticket.id, customerId: ticket.customer.id, onClose: c.onClose };

  switch (action.kind) {
    case 'edit':
      return <TicketEditModal ticket={ticket} onClose={c.onClose} />;
    case 'respond':
      return (
        <ActionModal
          {...common}
          spec={{
            title: t('complaints.actions.respond.title'),
            intro: t('complaints.actions.respond.intro'),
            schema: complaintsContract['complaints.respond'].input.omit({ id: true, version: true }),
            defaults: { how: 'call', note: '' },
            fields: () => [
              {
                name: 'how',
                label: L('how'),
                span: 24,
                widget: {
                  kind: 'select',
                  options: opts(t, ['call', 'message', 'visit'] as const, 'contactKinds'),
                },
              },
              {
                name: 'note',
                label: L('responseNote'),
                required: true,
                widget: { kind: 'textarea', rows: 3, maxLength: 2000 },
              },
            ],
            okText: t('complaints.actions.respond.ok'),
            run: (v) => api.call('complaints.respond', { ...ref(ticket), ...v }),
            done: t('complaints.actions.respond.done'),
          }}
        />
      );
    case 'contact':
      return (
        <ActionModal
          {...common}
          spec={{
            title: t('complaints.actions.contact.title'),
            schema: complaintsContract['complaints.addEvent'].input.omit({ id: true }),
            defaults: { kind: 'note', note: '' },
            fields: () => [
              {
                name: 'kind',
                label: L('kind'),
                widget: { kind: 'select', options: opts(t, complaintContactKinds, 'contactKinds') },
              },
              {
                name: 'note',
                label: L('content'),
                required: true,
                widget: { kind: 'textarea', rows: 4, maxLength: 2000 },
              },
            ],
            okText: t('complaints.actions.contact.ok'),
            run: (v) => api.call('complaints.addEvent', { id: ticket.id, ...v }),
            done: t('complaints.actions.contact.done'),
          }}
        />
      );
    case 'regrade':
      return (
        <ActionModal
          {...common}
          spec={{
            title: t('complaints.actions.regrade.title'),
            intro: t('complaints.actions.regrade.intro', {
              grade: ticket.grade,
              suggested: ticket.suggestedGrade,
            }),
            schema: complaintsContract['complaints.regrade'].input.omit({ id: true, version: true }),
            defaults: { grade: ticket.grade, reason: '' },
            fields: () => [
              {
                name: 'grade',
                label: L('grade'),
                span: 24,
                widget: { kind: 'select', options: opts(t, complaintGrades, 'grades') },
              },
              {
                name: 'reason',
                label: L('reason'),
                required: true,
                widget: { kind: 'textarea', rows: 2, maxLength: 500 },
              },
            ],
            okText: t('complaints.actions.regrade.ok'),
            run: (v) => api.call('complaints.regrade', { ...ref(ticket), ...v }),
            done: t('complaints.actions.regrade.done'),
          }}
        />
      );
    case 'route':
      return (
        <ActionModal
          {...common}
          spec={{
            title: t('complaints.actions.route.title'),
            intro: ticket.customer.highValue ? t('complaints.actions.route.highValue') : undefined,
            schema: complaintsContract['complaints.route'].input.omit({ id: true, version: true }),
            defaults: {
              departmentId: ticket.department?.id ?? (undefined as unknown as number),
              ownerUserId: ticket.owner?.id ?? null,
              managerUserId: ticket.manager?.id ?? null,
              note: '',
            },
            fields: (v) => {
              const dept = c.staff?.departments.find((d) => d.id === v.departmentId);
              return [
                {
                  name: 'departmentId',
                  label: L('department'),
                  required: true,
                  span: 12,
                  widget: { kind: 'select', options: staffOptions(c.staff?.departments), loading: !c.staff },
                },
                {
                  name: 'ownerUserId',
                  label: L('owner'),
                  span: 12,
                  extra:
                    dept && dept.members.length === 0 ? t('complaints.actions.route.noMembers') : undefined,
                  widget: {
                    kind: 'select',
                    allowClear: true,
                    showSearch: true,
                    options: staffOptions(dept?.members),
                    disabled: !dept,
                  },
                },
                {
                  name: 'managerUserId',
                  label: L('manager'),
                  span: 12,
                  widget: { kind: 'select', allowClear: true, options: staffOptions(c.staff?.managers) },
                },
                {
                  name: 'note',
                  label: L('routeNote'),
                  widget: { kind: 'textarea', rows: 2, maxLength: 500 },
                },
              ];
            },
            okText: t('complaints.actions.route.ok'),
            run: (v) => api.call('complaints.route', { ...ref(ticket), ...v }),
            done: t('complaints.actions.route.done'),
          }}
        />
      );
    case 'pause':
      return (
        <ActionModal
          {...common}
          spec={{
            title: t('complaints.actions.pause.title'),
            intro: t('complaints.actions.pause.intro'),
            schema: complaintsContract['complaints.pause'].input.omit({ id: true, version: true }),
            defaults: { reason: 'waiting_customer', note: '' },
            fields: () => [
              {
                name: 'reason',
                label: L('pauseReason'),
                required: true,
                widget: { kind: 'select', options: opts(t, pauseReasons, 'pauseReasons') },
              },
              { name: 'note', label: L('note'), widget: { kind: 'textarea', rows: 2, maxLength: 500 } },
            ],
            okText: t('complaints.actions.pause.ok'),
            run: (v) => api.call('complaints.pause', { ...ref(ticket), ...v }),
            done: t('complaints.actions.pause.done'),
          }}
        />
      );
    case 'resume':
      return (
        <ActionModal
          {...common}
          spec={{
            title: t('complaints.actions.resume.title'),
            intro: t('complaints.actions.resume.intro'),
            schema: complaintsContract['complaints.resume'].input.omit({ id: true, version: true }),
            defaults: { note: '' },
            fields: () => [
              { name: 'note', label: L('note'), widget: { kind: 'textarea', rows: 2, maxLength: 500 } },
            ],
            okText: t('complaints.actions.resume.ok'),
            run: (v) => api.call('complaints.resume', { ...ref(ticket), ...v }),
            done: t('complaints.actions.resume.done'),
          }}
        />
      );
    case 'propose':
      return (
        <ActionModal
          {...common}
          spec={{
            title: t('complaints.actions.propose.title'),
            intro:
              c.approvalFen !== null
                ? t('complaints.actions.propose.intro', { amount: formatFen(c.approvalFen) })
                : undefined,
            width: 640,
            schema: complaintsContract['complaints.proposeSolution'].input.omit({ id: true, version: true }),
            defaults: {
              proposal: '',
              compensation: {
                goodwillFen: 0,
                labourDiscountFen: 0,
                partsDiscountFen: 0,
                gift: '',
                giftValueFen: 0,
              },
            },
            fields: () => [
              {
                name: 'proposal',
                label: L('proposal'),
                required: true,
                widget: { kind: 'textarea', rows: 3, maxLength: 2000 },
              },
              { name: 'compensation.goodwillFen', label: L('goodwill'), span: 8, widget: { kind: 'money' } },
              {
                name: 'compensation.labourDiscountFen',
                label: L('labourDiscount'),
                span: 8,
                widget: { kind: 'money' },
              },
              {
                name: 'compensation.partsDiscountFen',
                label: L('partsDiscount'),
                span: 8,
                widget: { kind: 'money' },
              },
              {
                name: 'compensation.gift',
                label: L('gift'),
                span: 16,
                widget: { kind: 'text', maxLength: 200 },
              },
              {
                name: 'compensation.giftValueFen',
                label: L('giftValue'),
                span: 8,
                widget: { kind: 'money' },
              },
            ],
            okText: t('complaints.actions.propose.ok'),
            run: (v) => api.call('complaints.proposeSolution', { ...ref(ticket), ...v }),
            done: t('complaints.actions.propose.done'),
          }}
        />
      );
    case 'answer':
      return (
        <ActionModal
          {...common}
          spec={{
            title: t(`complaints.actions.answer.title.${action.answer}`),
            intro: t(`complaints.actions.answer.intro.${action.answer}`),
            schema: complaintsContract['complaints.recordAnswer'].input.omit({
              solutionId: true,
              answer: true,
            }),
            defaults: { note: '' },
            fields: () => [
              {
                name: 'note',
                label: L('answerNote'),
                widget: { kind: 'textarea', rows: 3, maxLength: 1000 },
              },
            ],
            okText: t(`complaints.actions.answer.ok.${action.answer}`),
            danger: action.answer === 'refused',
            run: (v) =>
              api.call('complaints.recordAnswer', {
                solutionId: action.solutionId,
                answer: action.answer,
                ...v,
              }),
            done: t('complaints.actions.answer.done'),
          }}
        />
      );
    case 'approve':
      return (
        <ActionModal
          {...common}
          spec={{
            title: t(
              action.approve
                ? 'complaints.actions.approve.approveTitle'
                : 'complaints.actions.approve.rejectTitle',
            ),
            schema: complaintsContract['complaints.approveSolution'].input.omit({
              solutionId: true,
              approve: true,
            }),
            defaults: { note: '' },
            fields: () => [
              {
                name: 'note',
                label: L('approvalNote'),
                widget: { kind: 'textarea', rows: 2, maxLength: 500 },
              },
            ],
            okText: t(
              action.approve ? 'complaints.actions.approve.approve' : 'complaints.actions.approve.reject',
            ),
            danger: !action.approve,
            run: (v) =>
              api.call('complaints.approveSolution', {
                solutionId: action.solutionId,
                approve: action.approve,
                ...v,
              }),
            done: t('complaints.actions.approve.done'),
          }}
        />
      );
    case 'close':
      return (
        <ActionModal
          {...common}
          spec={{
            title: t('complaints.actions.close.title'),
            intro: t('complaints.actions.close.intro'),
            width: 620,
            schema: complaintsContract['complaints.close'].input.omit({ id: true, version: true }),
            defaults: {
              resolutionSummary: '',
              rootCause: undefined as unknown as 'other',
              resolvedAtFirstContact: undefined as unknown as boolean,
            },
            fields: () => [
              {
                name: 'resolutionSummary',
                label: L('resolutionSummary'),
                required: true,
                widget: { kind: 'textarea', rows: 3, maxLength: 2000 },
              },
              {
                name: 'rootCause',
                label: L('rootCause'),
                required: true,
                span: 12,
                widget: { kind: 'select', showSearch: true, options: opts(t, rootCauses, 'rootCauses') },
              },
              {
                name: 'resolvedAtFirstContact',
                label: L('fcr'),
                required: true,
                span: 12,
                extra: t('complaints.actions.close.fcrHint'),
                widget: { kind: 'yesNo', yes: t('common.yes'), no: t('common.no') },
              },
            ],
            okText: t('complaints.actions.close.ok'),
            run: (v) => api.call('complaints.close', { ...ref(ticket), ...v }),
            done: t('complaints.actions.close.done'),
          }}
        />
      );
    case 'review': {
      const r = ticket.review;
      return (
        <ActionModal
          {...common}
          spec={{
            title: t('complaints.actions.review.title'),
            intro: t('complaints.actions.review.intro'),
            width: 620,
            schema: complaintsContract['complaints.saveReview'].input.omit({ id: true }),
            defaults: {
              rootCause: r?.rootCause ?? ticket.rootCause ?? (undefined as unknown as 'other'),
              correctiveAction: r?.correctiveAction ?? '',
              ownerUserId: r?.owner?.id ?? ticket.owner?.id ?? (undefined as unknown as number),
              dueDate: r?.dueDate ?? (undefined as unknown as string),
              preventable: r?.preventable ?? (undefined as unknown as boolean),
              done: r?.doneAt != null,
            },
            fields: () => [
              {
                name: 'rootCause',
                label: L('rootCause'),
                required: true,
                span: 12,
                widget: { kind: 'select', showSearch: true, options: opts(t, rootCauses, 'rootCauses') },
              },
              {
                name: 'preventable',
                label: L('preventable'),
                required: true,
                span: 12,
                widget: { kind: 'yesNo', yes: t('common.yes'), no: t('common.no') },
              },
              {
                name: 'correctiveAction',
                label: L('correctiveAction'),
                required: true,
                widget: { kind: 'textarea', rows: 3, maxLength: 2000 },
              },
              {
                name: 'ownerUserId',
                label: L('reviewOwner'),
                required: true,
                span: 12,
                widget: {
                  kind: 'select',
                  showSearch: true,
                  options: staffOptions(c.staff?.receivers),
                  loading: !c.staff,
                },
              },
              { name: 'dueDate', label: L('dueDate'), required: true, span: 12, widget: { kind: 'date' } },
              {
                name: 'done',
                label: L('reviewDone'),
                widget: {
                  kind: 'yesNo',
                  yes: t('complaints.actions.review.doneYes'),
                  no: t('complaints.actions.review.doneNo'),
                },
              },
            ],
            okText: t('complaints.actions.review.ok'),
            run: (v) => api.call('complaints.saveReview', { id: ticket.id, ...v }),
            done: t('complaints.actions.review.done'),
          }}
        />
      );
    }
    case 'reopen':
      return (
        <ActionModal
          {...common}
          spec={{
            title: t('complaints.actions.reopen.title'),
            intro: t('complaints.actions.reopen.intro'),
            schema: complaintsContract['complaints.reopen'].input.omit({ id: true, version: true }),
            defaults: { reason: '' },
            fields: () => [
              {
                name: 'reason',
                label: L('reopenReason'),
                required: true,
                widget: { kind: 'textarea', rows: 2, maxLength: 500 },
              },
            ],
            okText: t('complaints.actions.reopen.ok'),
            danger: true,
            run: (v) => api.call('complaints.reopen', { ...ref(ticket), ...v }),
            done: t('complaints.actions.reopen.done'),
          }}
        />
      );
  }
}
