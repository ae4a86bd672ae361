import type Database from 'better-sqlite3';
import type {
  ClosureAnswer,
  ComplaintEventKind,
  GradeFact,
  PauseReason,
  RootCause,
  SolutionState,
} from '../../contract/complaint-terms';
import type { TicketAttachment, TicketDetail, TicketSolution } from '../../contract/complaints';
import { localDate } from '../clock';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';
import { threeGuaranteeForVehicle } from '../vehicles/three-guarantee-watch';
import { canHandle, canManage } from './access';
import { calendarOf, loadComplaintSettings } from './complaint-settings';
import { timersAt } from './sla-timers';
import { pausesOf, readTicket, timingOf, toTicketRow } from './ticket-store';

interface Extra {
  description: string;
  demand: string | null;
  facts: string;
  suggestedGrade: TicketDetail['suggestedGrade'];
  gradeReason: string | null;
  repeatOfId: number | null;
  repeatNo: string | null;
  repeatReceivedAt: string | null;
  receivedBy: number | null;
  receivedByName: string | null;
  createdAt: string;
  createdBy: number | null;
  createdByName: string | null;
  resolutionSummary: string | null;
  rootCause: RootCause | null;
  fcr: number | null;
  reopenCount: number;
  closureTaskId: number | null;
  closureDue: string | null;
  closureStatus: string | null;
  closureAnswer: ClosureAnswer | null;
  closureAnsweredAt: string | null;
  sourceTaskId: number | null;
  sourceAttemptId: number | null;
}

const extraSql = `select t.description, t.demand, t.facts, t.suggested_grade as suggestedGrade, t.grade_reason as gradeReason,
  t.repeat_of_id as repeatOfId, r.ticket_no as repeatNo, r.received_at as repeatReceivedAt,
  t.received_by as receivedBy, ur.display_name as receivedByName, t.created_at as createdAt, t.created_by as createdBy,
  uc.display_name as createdByName, t.resolution_summary as resolutionSummary, t.root_cause as rootCause,
  t.resolved_at_first_contact as fcr, t.reopen_count as reopenCount, t.closure_task_id as closureTaskId,
  ct.due_date as closureDue, ct.status as closureStatus, t.closure_answer as closureAnswer,
  t.closure_answered_at as closureAnsweredAt, t.source_task_id as sourceTaskId, t.source_attempt_id as sourceAttemptId
  from complaint_tickets t left join complaint_tickets r on r.id = t.repeat_of_id
  left join users ur on ur.id = t.received_by left join users uc on uc.id = t.created_by
  left join callback_tasks ct on ct.id = t.closure_task_id where t.id = ?`;

const ref = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

function solutionsOf(sqlite: Database.Database, ticketId: number): TicketSolution[] {
  const rows = prepared(
    sqlite,
    `select s.id, s.proposal, s.goodwill_fen as goodwillFen, s.labour_discount_fen as labourDiscountFen,
       s.parts_discount_fen as partsDiscountFen, s.gift, s.gift_value_fen as giftValueFen, s.total_fen as totalFen,
       s.state, s.needs_approval as needsApproval, s.proposed_at as proposedAt, s.proposed_by as proposedBy,
       up.display_name as proposedByName, s.approved_at as approvedAt, s.approved_by as approvedBy,
       ua.display_name as approvedByName, s.approval_note as approvalNote, s.answered_at as answeredAt,
       s.answer_note as answerNote
     from complaint_solutions s left join users up on up.id = s.proposed_by left join users ua on ua.id = s.approved_by
     where s.ticket_id = ? order by s.id`,
  ).all(ticketId) as (Omit<TicketSolution, 'compensation' | 'proposedBy' | 'approvedBy' | 'needsApproval'> & {
    goodwillFen: number;
    labourDiscountFen: number;
    partsDiscountFen: number;
    gift: string | null;
    giftValueFen: number;
    needsApproval: number;
    state: SolutionState;
    proposedBy: number | null;
    proposedByName: string | null;
    approvedBy: number | null;
    approvedByName: string | null;
  })[];
  return rows.map((s) => ({
    id: s.id,
    proposal: s.proposal,
    compensation: {
      goodwillFen: s.goodwillFen,
      labourDiscountFen: s.labourDiscountFen,
      partsDiscountFen: s.partsDiscountFen,
      gift: s.gift,
      giftValueFen: s.giftValueFen,
    },
    totalFen: s.totalFen,
    state: s.state,
    needsApproval: s.needsApproval === 1,
    proposedAt: s.proposedAt,
    proposedBy: ref(s.proposedBy, s.proposedByName),
    approvedAt: s.approvedAt,
    approvedBy: ref(s.approvedBy, s.approvedByName),
    approvalNote: s.approvalNote,
    answeredAt: s.answeredAt,
    answerNote: s.answerNote,
  }));
}

function attachmentsOf(sqlite: Database.Database, ticketId: number): TicketAttachment[] {
  const rows = prepared(
    sqlite,
    `select a.id, a.file_name as fileName, a.mime_type as mimeType, a.kind, a.size_bytes as sizeBytes, a.sha256,
       a.thumb_path is not null as hasThumbnail, a.note, a.uploaded_at as uploadedAt, a.uploaded_by as uploadedBy,
       u.display_name as uploadedByName
     from complaint_attachments a left join users u on u.id = a.uploaded_by where a.ticket_id = ? order by a.id`,
  ).all(ticketId) as (Omit<TicketAttachment, 'hasThumbnail' | 'uploadedBy'> & {
    hasThumbnail: number;
    uploadedBy: number | null;
    uploadedByName: string | null;
  })[];
  return rows.map(({ uploadedByName, uploadedBy, hasThumbnail, ...a }) => ({
    ...a,
    hasThumbnail: hasThumbnail === 1,
    uploadedBy: ref(uploadedBy, uploadedByName),
  }));
}

/** The ticket page as the caller sees it (masking is the router's, from the contract's personal spots). */
export function ticketDetail(ctx: AuthedContext, id: number): TicketDetail {
  const sqlite = ctx.db.$client;
  const settings = loadComplaintSettings(sqlite);
  const t = readTicket(sqlite, id);
  const pauses = pausesOf(sqlite, [id]).get(id) ?? [];
  const timers = timersAt(timingOf(t, pauses, settings), calendarOf(settings), ctx.clock().getTime());
  const x = prepared(sqlite, extraSql).get(id) as Extra;
  const pauseRows = prepared(
    sqlite,
    `select p.id, p.reason, p.note, p.started_at as startedAt, p.ended_at as endedAt, p.started_by as startedBy,
       u.display_name as startedByName
     from complaint_pauses p left join users u on u.id = p.started_by where p.ticket_id = ? order by p.started_at, p.id`,
  ).all(id) as {
    id: number;
    reason: PauseReason;
    note: string | null;
    startedAt: string;
    endedAt: string | null;
    startedBy: number | null;
    startedByName: string | null;
  }[];
  const events = prepared(
    sqlite,
    `select e.id, e.kind, e.at, e.user_id as userId, u.display_name as userName, e.note, e.data
     from complaint_events e left join users u on u.id = e.user_id where e.ticket_id = ? order by e.at desc, e.id desc`,
  ).all(id) as {
    id: number;
    kind: ComplaintEventKind;
    at: string;
    userId: number | null;
    userName: string | null;
    note: string | null;
    data: string | null;
  }[];
  const review = prepared(
    sqlite,
    `select r.root_cause as rootCause, r.corrective_action as correctiveAction, r.owner_user_id as ownerId,
       uo.display_name as ownerName, r.due_date as dueDate, r.preventable, r.done_at as doneAt, r.updated_at as updatedAt,
       r.updated_by as updatedBy, uu.display_name as updatedByName
     from complaint_reviews r left join users uo on uo.id = r.owner_user_id left join users uu on uu.id = r.updated_by
     where r.ticket_id = ?`,
  ).get(id) as
    | {
        rootCause: RootCause;
        correctiveAction: string;
        ownerId: number | null;
        ownerName: string | null;
        dueDate: string;
        preventable: number;
        doneAt: string | null;
        updatedAt: string;
        updatedBy: number | null;
        updatedByName: string | null;
      }
    | undefined;
  const handle = canHandle(ctx, t);
  const manage = canManage(ctx);
  const reviewRequired = t.grade !== 'C';
  return {
    ...toTicketRow(t, timers),
    description: x.description,
    demand: x.demand,
    facts: JSON.parse(x.facts) as Record<GradeFact, boolean>,
    suggestedGrade: x.suggestedGrade,
    gradeReason: x.gradeReason,
    repeatOf:
      x.repeatOfId === null
        ? null
        : { id: x.repeatOfId, ticketNo: x.repeatNo ?? '', receivedAt: x.repeatReceivedAt ?? '' },
    receivedBy: ref(x.receivedBy, x.receivedByName),
    createdAt: x.createdAt,
    createdBy: ref(x.createdBy, x.createdByName),
    manufacturerDueAt: t.manufacturerDueAt,
    firstResponseAt: t.firstResponseAt,
    solutionAgreedAt: t.solutionAgreedAt,
    resolutionSummary: x.resolutionSummary,
    rootCause: x.rootCause,
    resolvedAtFirstContact: x.fcr === null ? null : x.fcr === 1,
    reopenCount: x.reopenCount,
    closureCall:
      x.closureTaskId === null
        ? null
        : {
            taskId: x.closureTaskId,
            dueDate: x.closureDue ?? '',
            status: x.closureStatus ?? '',
            answer: x.closureAnswer,
            answeredAt: x.closureAnsweredAt,
          },
    source: { taskId: x.sourceTaskId, attemptId: x.sourceAttemptId },
    pauses: pauseRows.map((p) => ({
      id: p.id,
      reason: p.reason,
      note: p.note,
      startedAt: p.startedAt,
      endedAt: p.endedAt,
      startedBy: ref(p.startedBy, p.startedByName),
    })),
    solutions: solutionsOf(sqlite, id),
    attachments: attachmentsOf(sqlite, id),
    review: review
      ? {
          rootCause: review.rootCause,
          correctiveAction: review.correctiveAction,
          owner: ref(review.ownerId, review.ownerName),
          dueDate: review.dueDate,
          preventable: review.preventable === 1,
          doneAt: review.doneAt,
          updatedAt: review.updatedAt,
          updatedBy: ref(review.updatedBy, review.updatedByName),
        }
      : null,
    reviewRequired,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      at: e.at,
      user: ref(e.userId, e.userName),
      note: e.note,
      data: e.data ? (JSON.parse(e.data) as Record<string, unknown>) : null,
    })),
    can: { handle, approve: manage, reopen: manage, review: reviewRequired && (handle || manage) },
    threeGuarantee:
      t.vehicleId === null ? null : threeGuaranteeForVehicle(sqlite, t.vehicleId, localDate(ctx.clock())),
    version: t.version,
  };
}
