import type { eventInvitationsContract } from '../../contract/event-invitations';
import type { Handlers } from '../../server/handler-types';

export const eventInvitationHandlers: Handlers<keyof typeof eventInvitationsContract> = {};
