import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import { AppError } from '../../contract/errors';
import { recordAudit } from '../audit/audit-log';
import { localDate } from '../clock';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';
import { fieldError, readEvent } from './event-store';
import { tickSummaryTask } from './event-summary-due';

export const summaryLockedMessage = '总结已提交，不能再修改';

/**
 * The summary (总结), written once the event is done: saved as a draft as often as needed; submitting needs
 * strengths, shortcomings and improvements, locks it and marks the event summarised.
 */
export function saveSummary(
  ctx: AuthedContext,
  input: ChannelParsedInput<'events.saveSummary'>,
): ChannelOutput<'events.saveSummary'> {
  const sqlite = ctx.db.$client;
  const now = ctx.clock().toISOString();
  return sqlite
    .transaction(() => {
      const e = readEvent(sqlite, input.eventId);
      if (e.summarySubmittedAt !== null || e.status === 'summarised') {
        throw new AppError('validation', summaryLockedMessage);
      }
      if (e.status !== 'done') throw new AppError('validation', '活动结束后才能填写活动总结');
      if (input.submit) {
        const missing = (
          [
            ['strengths', '请填写活动亮点'],
            ['shortcomings', '请填写不足之处'],
            ['improvements', '请填写下次改进'],
          ] as const
        ).find(([f]) => !input[f]);
        if (missing) throw fieldError(missing[0], `提交总结前${missing[1]}`);
      }
      const version = prepared(
        sqlite,
        `update events set summary_strengths = @strengths, summary_shortcomings = @shortcomings,
           summary_improvements = @improvements, summary_publicity = @publicity,
           summary_submitted_at = @submittedAt, summary_submitted_by = @submittedBy,
           status = case when @submit then 'summarised' else status end,
           updated_at = @now, version = version + @submit
         where id = @id returning version`,
      )
        .pluck()
        .get({
          strengths: input.strengths ?? null,
          shortcomings: input.shortcomings ?? null,
          improvements: input.improvements ?? null,
          publicity: input.publicity ?? null,
          submittedAt: input.submit ? now : null,
          submittedBy: input.submit ? ctx.user.id : null,
          submit: input.submit ? 1 : 0,
          now,
          id: e.id,
        }) as number;
      if (input.submit) {
        tickSummaryTask(sqlite, e.id, ctx.user.id, now);
        recordAudit(ctx, {
          action: 'event.summary_submitted',
          entity: 'event',
          entityId: e.id,
          detail: {
            eventNo: e.eventNo,
            dueOn: e.summaryDueOn,
            late: e.summaryDueOn !== null && localDate(ctx.clock()) > e.summaryDueOn,
          },
        });
      }
      return {
        id: e.id,
        version,
        status: input.submit ? ('summarised' as const) : e.status,
        locked: input.submit,
      };
    })
    .immediate();
}
