import type { complaintsContract } from '../../contract/complaints';
import { AppError } from '../../contract/errors';
import type { Handlers } from '../../server/handler-types';

// The contract is committed first so the screens can be built on it; the services follow.
const notYet = (): never => {
  throw new AppError('internal', '投诉工单功能正在上线中，请稍后再试');
};

export const complaintsHandlers: Handlers<keyof typeof complaintsContract> = {
  'complaints.settings': notYet,
  'complaints.updateSettings': notYet,
  'complaints.staff': notYet,
  'complaints.suggest': notYet,
  'complaints.prefill': notYet,
  'complaints.create': notYet,
  'complaints.fromFollowUp': notYet,
  'complaints.list': notYet,
  'complaints.get': notYet,
  'complaints.update': notYet,
  'complaints.regrade': notYet,
  'complaints.route': notYet,
  'complaints.respond': notYet,
  'complaints.addEvent': notYet,
  'complaints.pause': notYet,
  'complaints.resume': notYet,
  'complaints.proposeSolution': notYet,
  'complaints.approveSolution': notYet,
  'complaints.recordAnswer': notYet,
  'complaints.close': notYet,
  'complaints.reopen': notYet,
  'complaints.saveReview': notYet,
  'complaints.addAttachment': notYet,
  'complaints.attachment': notYet,
  'complaints.kpis': notYet,
  'complaints.escalate': notYet,
};
