import type { eventInvitationsContract } from '../../contract/event-invitations';
import { AppError } from '../../contract/errors';
import type { Handlers } from '../../server/handler-types';

const notBuilt = (): never => {
  throw new AppError('internal', '活动邀约功能尚在开发中，暂不可用');
};

export const eventInvitationHandlers: Handlers<keyof typeof eventInvitationsContract> = {
  'events.segments': notBuilt,
  'events.saveSegment': notBuilt,
  'events.deleteSegment': notBuilt,
  'events.previewTargets': notBuilt,
  'events.buildTargets': notBuilt,
  'events.invitees': notBuilt,
  'events.addInvitee': notBuilt,
  'events.startInvitations': notBuilt,
  'events.recordAnswer': notBuilt,
  'events.cancelSignup': notBuilt,
  'events.promoteWaitlisted': notBuilt,
  'events.funnel': notBuilt,
};
