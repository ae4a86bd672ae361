import type { eventPlanContract } from '../../contract/event-plan';
import type { Handlers } from '../../server/handler-types';
import { addBudgetSpend, budgetYear, updateBudgetYear } from './crm-budget';
import { saveAgenda } from './event-agenda';
import { addEventAttachment, readEventAttachment } from './event-attachments';
import { recordActual, removeBudgetLine, saveBudgetLine } from './event-budget';
import { removeChecklistItem, saveChecklistItem, setChecklistDone } from './event-checklist';
import { eventDetail, eventStaff } from './event-detail';
import { listEvents } from './event-list';
import { getEventSettings, updateEventSettings } from './event-settings';
import { transitionEvent } from './event-status';
import { saveSummary } from './event-summary';
import { updateSupport } from './event-support';
import { createEvent, updateEvent } from './event-write';

export const eventPlanHandlers: Handlers<keyof typeof eventPlanContract> = {
  'events.list': listEvents,
  'events.get': (ctx, input) => eventDetail(ctx, input.id),
  'events.create': createEvent,
  'events.update': updateEvent,
  'events.transition': transitionEvent,
  'events.saveAgenda': saveAgenda,
  'events.saveChecklistItem': saveChecklistItem,
  'events.setChecklistDone': setChecklistDone,
  'events.removeChecklistItem': removeChecklistItem,
  'events.saveBudgetLine': saveBudgetLine,
  'events.recordActual': recordActual,
  'events.removeBudgetLine': removeBudgetLine,
  'events.updateSupport': updateSupport,
  'events.saveSummary': saveSummary,
  'events.addAttachment': addEventAttachment,
  'events.attachment': readEventAttachment,
  'events.settings': getEventSettings,
  'events.updateSettings': updateEventSettings,
  'events.staff': eventStaff,
  'events.budgetYear': (ctx, input) => budgetYear(ctx.db.$client, input.year),
  'events.updateBudgetYear': updateBudgetYear,
  'events.addBudgetSpend': addBudgetSpend,
};
