import type Database from 'better-sqlite3';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import type { CallbackOutcome } from '../../contract/callbacks';
import { callbackOutcomeMeta } from '../../contract/callbacks';
import { AppError } from '../../contract/errors';
import { roleCan } from '../../contract/permissions';
import { localDate } from '../clock';
import type { AuthedContext } from '../context';
import { restoreInvitees } from '../events/invitee-store';
import type { OutcomeEffects, TaskSnapshot } from './outcome-effects';
import { sameWork, snapshotTasks } from './outcome-effects';
import { regenerate } from './regenerate-for-customer';
import { callbackSettings } from './settings';
import { stmt } from './statements';

type UndoInput = ChannelParsedInput<'callbacks.undoOutcome'>;
type UndoOutput = ChannelOutput<'callbacks.undoOutcome'>;

interface AttemptRow {
  id: number;
  customer_id: number;
  user_id: number;
  ended_at: string;
  outcome: CallbackOutcome;
  effects: string | null;
  undone_at: string | null;
  undone_by_name: string | null;
  user_name: string | null;
}

const conflict = (message: string) => new AppError('conflict', message);

function loadAttempt(sqlite: Database.Database, id: number): AttemptRow {
  const row = stmt(
    sqlite,
    `select a.id, a.customer_id, a.user_id, a.ended_at, a.outcome, a.effects, a.undone_at,
       ub.display_name as undone_by_name, u.display_name as user_name
     from callback_attempts a left join users u on u.id = a.user_id left join users ub on ub.id = a.undone_by
     where a.id = ?`,
  ).get(id) as AttemptRow | undefined;
  if (!row) throw new AppError('not_found', '该回访记录不存在');
  return row;
}

/** Refuses, with what happened, when anything has happened to these tasks since the outcome was recorded. */
function checkNothingLater(
  sqlite: Database.Database,
  a: AttemptRow,
  effects: OutcomeEffects,
  now: string,
  me: number,
): void {
  const touched = effects.tasksBefore.map((t) => t.id);
  const later = stmt(
    sqlite,
    `select a.ended_at as endedAt, a.outcome, u.display_name as name from callback_attempts a
       left join users u on u.id = a.user_id
     where a.customer_id = ? and a.id > ? and a.undone_at is null
       and exists (select 1 from json_each(a.task_ids) j where j.value in (select value from json_each(?)))
     order by a.id limit 1`,
  ).get(a.customer_id, a.id, JSON.stringify(touched)) as
    { endedAt: string; outcome: CallbackOutcome; name: string | null } | undefined;
  if (later) {
    throw conflict(
      `此后${later.name ?? '其他专员'}又记录了一次回访（${callbackOutcomeMeta[later.outcome].label}），` +
        '不能再撤销这条较早的结果；如需更正，请撤销最新的那条',
    );
  }
  const current = new Map(snapshotTasks(sqlite, touched).map((t) => [t.id, t]));
  for (const after of effects.tasksAfter) {
    const now_ = current.get(after.id);
    if (!now_ || !sameWork(now_, after)) {
      throw conflict(
        '这些回访任务在记录之后已有变动（重新分配、过期或重新生成），无法撤销，请联系客服经理处理',
      );
    }
    if (now_.claimed_by !== null && now_.claimed_by !== me && now_.claim_expires_at !== null) {
      if (now_.claim_expires_at >= now) throw conflict('其他专员正在回访该客户，请稍后再撤销');
    }
  }
  for (const id of effects.createdTaskIds) {
    const t = snapshotTasks(sqlite, [id])[0];
    if (
      t &&
      (t.status !== 'open' || t.attempts > 0 || (t.claimed_by !== null && (t.claim_expires_at ?? '') >= now))
    ) {
      throw conflict('由这次回访生成的客户经理跟进任务已开始处理，无法撤销');
    }
  }
}

/** The operator may hold the call again to record the right outcome, unless already on another call. */
function claimBack(sqlite: Database.Database, me: number, now: string): boolean {
  const held = stmt(
    sqlite,
    `select count(*) from callback_tasks where claimed_by = ? and claim_expires_at >= ? and status = 'open'`,
  )
    .pluck()
    .get(me, now) as number;
  return held === 0;
}

function restoreTask(
  sqlite: Database.Database,
  before: TaskSnapshot,
  claim: { by: number; until: string } | null,
  now: string,
): void {
  stmt(
    sqlite,
    `update callback_tasks set status = @status, skip_reason = @skip_reason, attempts = @attempts,
       next_attempt_at = @next_attempt_at, assigned_user_id = @assigned_user_id, last_outcome = @last_outcome,
       notes = @notes, completed_at = @completed_at, completed_by = @completed_by, claimed_by = @claimedBy,
       claim_expires_at = @claimUntil, updated_at = @now, version = version + 1
     where id = @id`,
  ).run({
    ...before,
    claimedBy: claim?.by ?? null,
    claimUntil: claim?.until ?? null,
    now,
  });
}

/**
 * Undoes an outcome recorded by mistake, the same store day, in one transaction: the tasks go back to exactly
 * what they were (status, attempts, retry time, assignment, notes), a do-not-contact flag it set is cleared, the
 * follow-up and the survey it created are removed, and the timeline says who undid it, when and why. Refused
 * when the day has passed or anything has happened to those tasks since.
 */
export function undoOutcome(ctx: AuthedContext, input: UndoInput): UndoOutput {
  const sqlite = ctx.db.$client;
  const at = ctx.clock();
  const now = at.toISOString();
  const me = ctx.user.id;
  const run = sqlite.transaction((): UndoOutput => {
    const a = loadAttempt(sqlite, input.attemptId);
    if (a.user_id !== me && !roleCan(ctx.user.role, 'callbacks.manage')) {
      throw new AppError('forbidden', '只能撤销自己记录的回访结果；撤销他人的记录请找客服经理');
    }
    if (a.undone_at) throw conflict(`这条回访结果已被${a.undone_by_name ?? '他人'}撤销`);
    if (!a.effects) throw conflict('这条回访记录早于撤销功能上线，无法撤销');
    if (localDate(new Date(a.ended_at)) !== localDate(at)) {
      throw conflict(`只能撤销当天记录的回访结果；这条记录于 ${localDate(new Date(a.ended_at))}，已过当天`);
    }
    const effects = JSON.parse(a.effects) as OutcomeEffects;
    if (effects.complaintClosure) {
      // The answer is on the ticket's record (and may have reopened it and told the manager): it is corrected there.
      throw conflict(
        '这通电话记录了投诉结案回访的结果，不能撤销；如记录有误，请在投诉工单上补充说明或由经理重新打开工单',
      );
    }
    checkNothingLater(sqlite, a, effects, now, me);

    const workedIds = new Set(
      JSON.parse(
        stmt(sqlite, 'select task_ids from callback_attempts where id = ?').pluck().get(a.id) as string,
      ) as number[],
    );
    const claim =
      a.user_id === me && claimBack(sqlite, me, now)
        ? { by: me, until: new Date(at.getTime() + callbackSettings.claimMinutes * 60_000).toISOString() }
        : null;
    for (const before of effects.tasksBefore) {
      restoreTask(sqlite, before, workedIds.has(before.id) ? claim : null, now);
    }
    if (effects.csiSurveyIds.length) {
      stmt(sqlite, 'delete from csi_surveys where id in (select value from json_each(?))').run(
        JSON.stringify(effects.csiSurveyIds),
      );
    }
    if (effects.eventCall) {
      // The list first: the invitee refers to the second-confirmation call deleted below.
      restoreInvitees(sqlite, effects.eventCall.inviteesBefore, effects.eventCall.inviteesAfter, now);
      for (const before of effects.eventCall.tasksBefore) restoreTask(sqlite, before, null, now);
    }
    if (effects.createdTaskIds.length) {
      stmt(sqlite, 'delete from callback_tasks where id in (select value from json_each(?))').run(
        JSON.stringify(effects.createdTaskIds),
      );
    }
    if (effects.appendedTask) {
      stmt(
        sqlite,
        'update callback_tasks set notes = ?, updated_at = ?, version = version + 1 where id = ?',
      ).run(effects.appendedTask.notes, now, effects.appendedTask.id);
    }
    let contactRestored = false;
    if (effects.customerBefore && !effects.customerBefore.doNotContact) {
      // Only if the card still says do-not-contact: staff may have already changed it by hand.
      contactRestored =
        stmt(
          sqlite,
          `update customers set do_not_contact = 0, do_not_contact_at = ?, updated_at = ?, version = version + 1
           where id = ? and do_not_contact = 1`,
        ).run(effects.customerBefore.doNotContactAt, now, a.customer_id).changes > 0;
    }
    // Tasks the daily pass created as skipped while the card said do-not-contact reopen as on any card edit.
    if (contactRestored) regenerate(sqlite, a.customer_id, localDate(at), now);

    stmt(
      sqlite,
      'update callback_attempts set undone_at = ?, undone_by = ?, undo_reason = ? where id = ?',
    ).run(now, me, input.reason, a.id);
    const whose = a.user_id === me ? '' : `（原记录人：${a.user_name ?? '—'}）`;
    stmt(
      sqlite,
      `insert into interactions (customer_id, kind, direction, occurred_at, summary, user_id, ref_type, ref_id, created_at)
       values (?, 'callback', null, ?, ?, ?, 'callback_attempt_undo', ?, ?)`,
    ).run(
      a.customer_id,
      now,
      `撤销回访结果「${callbackOutcomeMeta[a.outcome].label}」${whose}。原因：${input.reason}`,
      me,
      a.id,
      now,
    );
    return {
      attemptId: a.id,
      customerId: a.customer_id,
      undoneAt: now,
      restoredTaskIds: effects.tasksBefore.map((t) => t.id),
      doNotContactCleared: contactRestored,
      callResumed: claim !== null,
    };
  });
  return run.immediate();
}
