import type { complaintsContract } from '../../contract/complaints';
import type { Handlers } from '../../server/handler-types';
import { addAttachment, readAttachment } from './attachments';
import { closeTicket, reopenTicket } from './closing';
import { getComplaintSettings, updateComplaintSettings } from './complaint-settings';
import { runEscalation } from './escalation';
import { addContact, pause, regrade, respond, resume, route, updateTicket } from './handling';
import { createTicket, suggestForForm } from './intake';
import { prefill, ticketFromFollowUp } from './intake-sources';
import { complaintKpis } from './kpis';
import { saveReview } from './review';
import { customerVehicles } from './customer-vehicles';
import { listStaff } from './routing';
import { approveSolution, proposeSolution, recordAnswer } from './solutions';
import { ticketDetail } from './ticket-detail';
import { listTickets } from './ticket-list';

export const complaintsHandlers: Handlers<keyof typeof complaintsContract> = {
  'complaints.settings': getComplaintSettings,
  'complaints.updateSettings': (ctx, input) => updateComplaintSettings(ctx, input),
  'complaints.staff': (ctx) => listStaff(ctx.db.$client),
  'complaints.customerVehicles': (ctx, input) => customerVehicles(ctx.db.$client, input.customerId),
  'complaints.suggest': (ctx, input) => suggestForForm(ctx, input),
  'complaints.prefill': (ctx, input) => prefill(ctx, input),
  'complaints.create': (ctx, input) => createTicket(ctx, input),
  'complaints.fromFollowUp': (ctx, input) => ticketFromFollowUp(ctx, input),
  'complaints.list': (ctx, input) => listTickets(ctx, input),
  'complaints.get': (ctx, input) => ticketDetail(ctx, input.id),
  'complaints.update': (ctx, input) => updateTicket(ctx, input),
  'complaints.regrade': (ctx, input) => regrade(ctx, input),
  'complaints.route': (ctx, input) => route(ctx, input),
  'complaints.respond': (ctx, input) => respond(ctx, input),
  'complaints.addEvent': (ctx, input) => addContact(ctx, input),
  'complaints.pause': (ctx, input) => pause(ctx, input),
  'complaints.resume': (ctx, input) => resume(ctx, input),
  'complaints.proposeSolution': (ctx, input) => proposeSolution(ctx, input),
  'complaints.approveSolution': (ctx, input) => approveSolution(ctx, input),
  'complaints.recordAnswer': (ctx, input) => recordAnswer(ctx, input),
  'complaints.close': (ctx, input) => closeTicket(ctx, input),
  'complaints.reopen': (ctx, input) => reopenTicket(ctx, input),
  'complaints.saveReview': (ctx, input) => saveReview(ctx, input),
  'complaints.addAttachment': (ctx, input) => addAttachment(ctx, input),
  'complaints.attachment': (ctx, input) => readAttachment(ctx, input),
  'complaints.kpis': (ctx, input) => complaintKpis(ctx, input),
  'complaints.escalate': (ctx) => runEscalation(ctx.db.$client, ctx.clock),
};
