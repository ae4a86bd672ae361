import type { subjectRequestsContract } from '../../contract/subject-requests';
import type { Handlers } from '../../server/handler-types';
import { anonymisePerson, previewErasure } from './anonymise-person';
import { produceDataPackage } from './data-package';
import {
  createRequest,
  getRequest,
  listHandlers,
  listRequests,
  transitionRequest,
  updateRequest,
} from './request-service';
import { withdrawConsent } from './withdraw-consent';

export const subjectRequestsHandlers: Handlers<keyof typeof subjectRequestsContract> = {
  'subjectRequests.list': (ctx, input) => listRequests(ctx, input),
  'subjectRequests.get': (ctx, input) => getRequest(ctx, input.id),
  'subjectRequests.create': (ctx, input) => createRequest(ctx, input),
  'subjectRequests.update': (ctx, input) => updateRequest(ctx, input),
  'subjectRequests.transition': (ctx, input) => transitionRequest(ctx, input),
  'subjectRequests.dataPackage': (ctx, input) => produceDataPackage(ctx, input.id),
  'subjectRequests.erasurePreview': (ctx, input) => previewErasure(ctx, input.id),
  'subjectRequests.anonymise': (ctx, input) => anonymisePerson(ctx, input),
  'subjectRequests.withdrawConsent': (ctx, input) => withdrawConsent(ctx, input),
  'subjectRequests.staff': (ctx) => listHandlers(ctx),
};
