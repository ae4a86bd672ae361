import type { eventInvitationsContract } from '../../contract/event-invitations';
import type { Handlers } from '../../server/handler-types';
import { funnelOf } from './funnel';
import { loadEvent } from './invitation-event';
import { capacityOf, listInvitees } from './invitee-list';
import { addInvitee, cancelSignup, promoteWaitlisted, recordAnswer } from './invitee-write';
import { startInvitations } from './invitation-tasks';
import { deleteSegment, listSegments, saveSegment } from './segments';
import { buildTargets, previewTargets } from './target-list';

export const eventInvitationHandlers: Handlers<keyof typeof eventInvitationsContract> = {
  'events.segments': (ctx) => listSegments(ctx.db.$client),
  'events.saveSegment': (ctx, input) => saveSegment(ctx, input),
  'events.deleteSegment': (ctx, input) => deleteSegment(ctx, input.id),
  'events.previewTargets': (ctx, input) => previewTargets(ctx, input),
  'events.buildTargets': (ctx, input) => buildTargets(ctx, input),
  'events.invitees': (ctx, input) => listInvitees(ctx, input),
  'events.addInvitee': (ctx, input) => addInvitee(ctx, input),
  'events.startInvitations': (ctx, input) => startInvitations(ctx, input),
  'events.recordAnswer': (ctx, input) => recordAnswer(ctx, input),
  'events.cancelSignup': (ctx, input) => cancelSignup(ctx, input),
  'events.promoteWaitlisted': (ctx, input) => promoteWaitlisted(ctx, input),
  'events.funnel': (ctx, input) => {
    const sqlite = ctx.db.$client;
    return {
      funnel: funnelOf(sqlite, input.eventId),
      capacity: capacityOf(sqlite, loadEvent(sqlite, input.eventId)),
    };
  },
};
