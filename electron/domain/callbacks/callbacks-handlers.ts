import type { callbacksContract } from '../../contract/callbacks';
import type { Handlers } from '../../server/handler-types';
import { assignTasks, spreadTasks } from './assignment';
import { currentCall, nextCall, releaseCall } from './claim';
import { regenerateAllCallbacks } from './full-regeneration';
import { completion, workload } from './manager-reports';
import { listOutcomeSettings, updateOutcomeSetting } from './outcome-settings';
import { callbackPool } from './pool';
import { callbackQueue } from './queue';
import { recordCall } from './record-outcome';
import { listRules, updateRule } from './rule-settings';
import { undoOutcome } from './undo-outcome';

export const callbacksHandlers: Handlers<keyof typeof callbacksContract> = {
  'callbacks.queue': (ctx, input) => callbackQueue(ctx, input),
  'callbacks.next': (ctx, input) => nextCall(ctx, input),
  'callbacks.pool': (ctx, input) => callbackPool(ctx, input),
  'callbacks.current': (ctx) => currentCall(ctx),
  'callbacks.release': (ctx, input) => releaseCall(ctx, input.taskIds),
  'callbacks.record': (ctx, input) => recordCall(ctx, input),
  'callbacks.undoOutcome': (ctx, input) => undoOutcome(ctx, input),
  'callbacks.generate': (ctx) => regenerateAllCallbacks(ctx),
  'callbacks.workload': (ctx, input) => workload(ctx, input),
  'callbacks.completion': (ctx, input) => completion(ctx, input),
  'callbacks.assign': (ctx, input) => assignTasks(ctx, input),
  'callbacks.spread': (ctx, input) => spreadTasks(ctx, input),
  'callbacks.rules': (ctx) => listRules(ctx),
  'callbacks.updateRule': (ctx, input) => updateRule(ctx, input),
  'callbacks.outcomeSettings': (ctx) => listOutcomeSettings(ctx),
  'callbacks.updateOutcomeSetting': (ctx, input) => updateOutcomeSetting(ctx, input),
};
