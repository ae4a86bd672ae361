import { AppError } from '../../contract/errors';
import type { eventPlanContract } from '../../contract/event-plan';
import type { Handlers } from '../../server/handler-types';

type PlanChannel = keyof typeof eventPlanContract;

/** A channel whose service is still being built: says so plainly instead of answering wrong. */
const notBuilt = (name: PlanChannel) => () => {
  throw new AppError('internal', `「${name}」尚未完成，请稍后再试`);
};

export const eventPlanHandlers: Handlers<PlanChannel> = {
  'events.list': notBuilt('events.list'),
  'events.get': notBuilt('events.get'),
  'events.create': notBuilt('events.create'),
  'events.update': notBuilt('events.update'),
  'events.transition': notBuilt('events.transition'),
  'events.saveAgenda': notBuilt('events.saveAgenda'),
  'events.saveChecklistItem': notBuilt('events.saveChecklistItem'),
  'events.setChecklistDone': notBuilt('events.setChecklistDone'),
  'events.removeChecklistItem': notBuilt('events.removeChecklistItem'),
  'events.saveBudgetLine': notBuilt('events.saveBudgetLine'),
  'events.recordActual': notBuilt('events.recordActual'),
  'events.removeBudgetLine': notBuilt('events.removeBudgetLine'),
  'events.updateSupport': notBuilt('events.updateSupport'),
  'events.saveSummary': notBuilt('events.saveSummary'),
  'events.addAttachment': notBuilt('events.addAttachment'),
  'events.attachment': notBuilt('events.attachment'),
  'events.settings': notBuilt('events.settings'),
  'events.updateSettings': notBuilt('events.updateSettings'),
  'events.staff': notBuilt('events.staff'),
  'events.budgetYear': notBuilt('events.budgetYear'),
  'events.updateBudgetYear': notBuilt('events.updateBudgetYear'),
  'events.addBudgetSpend': notBuilt('events.addBudgetSpend'),
};
