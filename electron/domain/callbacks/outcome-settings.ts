import type Database from 'better-sqlite3';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import type { CallbackOutcome } from '../../contract/callbacks';
import { callbackOutcomeMeta, callbackOutcomes, finalOutcomes } from '../../contract/callbacks';
import { AppError } from '../../contract/errors';
import { recordSettingsChange } from '../audit/settings-audit';
import type { AuthedContext } from '../context';
import { stmt } from './statements';

export interface OutcomeSetting {
  outcome: CallbackOutcome;
  recycleMinutes: number;
  countsAttempt: boolean;
  closesTask: boolean;
}

export function loadOutcomeSettings(sqlite: Database.Database): Map<CallbackOutcome, OutcomeSetting> {
  const rows = stmt(
    sqlite,
    `select outcome, recycle_minutes as recycleMinutes, counts_attempt as countsAttempt, closes_task as closesTask
     from callback_outcome_settings`,
  ).all() as {
    outcome: CallbackOutcome;
    recycleMinutes: number;
    countsAttempt: number;
    closesTask: number;
  }[];
  return new Map(
    rows.map((r) => [
      r.outcome,
      { ...r, countsAttempt: r.countsAttempt === 1, closesTask: r.closesTask === 1 },
    ]),
  );
}

type OutcomeRow = ChannelOutput<'callbacks.outcomeSettings'>[number];

const withMeta = (s: OutcomeSetting): OutcomeRow => ({ ...s, ...callbackOutcomeMeta[s.outcome] });

export function listOutcomeSettings(ctx: AuthedContext): OutcomeRow[] {
  const settings = loadOutcomeSettings(ctx.db.$client);
  return callbackOutcomes.flatMap((o) => {
    const s = settings.get(o);
    return s ? [withMeta(s)] : [];
  });
}

// These end the conversation for good; letting them recycle would call a customer who said no, or a wrong number.
const mustClose: readonly CallbackOutcome[] = finalOutcomes;

export function updateOutcomeSetting(
  ctx: AuthedContext,
  input: ChannelParsedInput<'callbacks.updateOutcomeSetting'>,
): OutcomeRow {
  if (mustClose.includes(input.outcome) && !input.closesTask) {
    throw new AppError('validation', `“${callbackOutcomeMeta[input.outcome].label}”必须结束任务`, {
      fields: { closesTask: '此结果必须结束任务' },
    });
  }
  const sqlite = ctx.db.$client;
  return sqlite.transaction(() => {
    const before = loadOutcomeSettings(sqlite).get(input.outcome);
    const changes = stmt(
      sqlite,
      `update callback_outcome_settings set recycle_minutes = ?, counts_attempt = ?, closes_task = ? where outcome = ?`,
    ).run(input.recycleMinutes, input.countsAttempt ? 1 : 0, input.closesTask ? 1 : 0, input.outcome).changes;
    if (changes === 0 || !before) throw new AppError('not_found', '该回访结果设置不存在');
    const after = loadOutcomeSettings(sqlite).get(input.outcome)!;
    recordSettingsChange(ctx, 'callback_outcome', input.outcome, before, after, [
      'recycleMinutes',
      'countsAttempt',
      'closesTask',
    ]);
    return withMeta(after);
  })();
}
