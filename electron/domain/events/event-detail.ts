import type { ChannelOutput } from '../../contract';
import type { BudgetCategory, ChecklistKind, EventType, FilingStatus } from '../../contract/event-terms';
import type { EventDetail } from '../../contract/event-plan';
import type { Role } from '../../contract/permissions';
import { localDate } from '../clock';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';
import { listEventAttachments } from './event-attachments';
import { budgetTotals, eventCounts, newLeadCount } from './event-counts';
import { funnelOf } from './funnel';
import { allowedTransitions } from './event-status';
import { readEvent, staffNames } from './event-store';
import { summaryOverdue } from './event-summary-due';

interface ChecklistRow {
  id: number;
  kind: ChecklistKind;
  title: string;
  ownerUserId: number | null;
  dueOn: string | null;
  doneAt: string | null;
  doneBy: number | null;
  sort: number;
}

interface BudgetRow {
  id: number;
  category: BudgetCategory;
  description: string | null;
  plannedFen: number;
  actualFen: number | null;
  note: string | null;
  receiptNo: string | null;
  actualBy: number | null;
  actualAt: string | null;
  sort: number;
}

/** The whole event page in one read: overdue marks on the store's calendar. */
export function eventDetail(ctx: AuthedContext, id: number): EventDetail {
  const sqlite = ctx.db.$client;
  const today = localDate(ctx.clock());
  const e = readEvent(sqlite, id);
  const agenda = prepared(
    sqlite,
    `select id, day, time, place, item, person_in_charge as personInCharge, sort from event_agenda_items
     where event_id = ? order by day, sort, id`,
  ).all(id) as EventDetail['agenda'];
  const checklist = prepared(
    sqlite,
    `select id, kind, title, owner_user_id as ownerUserId, due_on as dueOn, done_at as doneAt, done_by as doneBy, sort
     from event_checklist_items where event_id = ? order by sort, id`,
  ).all(id) as ChecklistRow[];
  const lines = prepared(
    sqlite,
    `select id, category, description, planned_fen as plannedFen, actual_fen as actualFen, note, receipt_no as receiptNo,
       actual_by as actualBy, actual_at as actualAt, sort
     from event_budget_lines where event_id = ? order by sort, id`,
  ).all(id) as BudgetRow[];
  const attachments = listEventAttachments(sqlite, id);
  const staff = staffNames(sqlite, [
    e.ownerUserId,
    e.approvedBy,
    e.createdBy,
    e.summarySubmittedBy,
    ...checklist.flatMap((c) => [c.ownerUserId, c.doneBy]),
    ...lines.map((l) => l.actualBy),
    ...attachments.map((a) => a.uploadedBy),
  ]);
  const counts = eventCounts(sqlite, id);
  return {
    id: e.id,
    eventNo: e.eventNo,
    title: e.title,
    type: e.type as EventType,
    theme: e.theme,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    places: e.places,
    capacityCars: e.capacityCars,
    capacityPeople: e.capacityPeople,
    plannedCars: e.plannedCars,
    plannedPeople: e.plannedPeople,
    owner: staff(e.ownerUserId),
    status: e.status,
    cancelReason: e.cancelReason,
    approvedBy: staff(e.approvedBy),
    approvedAt: e.approvedAt,
    invitationScript: e.invitationScript,
    confirmationScript: e.confirmationScript,
    filingStatus: e.filingStatus as FilingStatus,
    subsidyRequestedFen: e.subsidyRequestedFen,
    subsidyApprovedFen: e.subsidyApprovedFen,
    subsidyReceivedFen: e.subsidyReceivedFen,
    manufacturerGifts: e.manufacturerGifts,
    createdAt: e.createdAt,
    createdBy: staff(e.createdBy),
    updatedAt: e.updatedAt,
    version: e.version,
    counts,
    agenda,
    checklist: checklist.map((c) => ({
      id: c.id,
      kind: c.kind,
      title: c.title,
      owner: staff(c.ownerUserId),
      dueOn: c.dueOn,
      doneAt: c.doneAt,
      doneBy: staff(c.doneBy),
      overdue: c.doneAt === null && c.dueOn !== null && c.dueOn < today,
      sort: c.sort,
    })),
    budget: {
      lines: lines.map((l) => ({
        ...l,
        varianceFen: l.actualFen === null ? null : l.actualFen - l.plannedFen,
        actualBy: staff(l.actualBy),
      })),
      totals: budgetTotals(lines, e.subsidyReceivedFen, counts.checkedIn, newLeadCount(sqlite, id)),
      planFixed: e.status !== 'draft',
      actualsOpen: e.status !== 'draft' && e.status !== 'cancelled',
    },
    funnel: funnelOf(sqlite, id),
    attachments: attachments.map((a) => ({ ...a, uploadedBy: staff(a.uploadedBy) })),
    summary: {
      strengths: e.summaryStrengths,
      shortcomings: e.summaryShortcomings,
      improvements: e.summaryImprovements,
      publicity: e.summaryPublicity,
      dueOn: e.summaryDueOn,
      overdue: summaryOverdue(e, today),
      submittedAt: e.summarySubmittedAt,
      submittedBy: staff(e.summarySubmittedBy),
      locked: e.summarySubmittedAt !== null,
    },
    transitions: allowedTransitions(e.status),
  };
}

/** Everyone active may own an event or a preparation task (a salesperson books the venue). */
export function eventStaff(ctx: AuthedContext): ChannelOutput<'events.staff'> {
  const rows = prepared(
    ctx.db.$client,
    'select id, display_name as name, role from users where disabled = 0 order by display_name, id',
  ).all() as { id: number; name: string; role: Role }[];
  return { rows };
}
