import type Database from 'better-sqlite3';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import { AppError } from '../../contract/errors';
import { roleCan, roles } from '../../contract/permissions';
import type { SubjectRequestDetail } from '../../contract/subject-requests';
import {
  openSubjectRequestStates,
  subjectRequestKindLabels,
  subjectRequestStateLabels,
  subjectRequestTransitions,
} from '../../contract/subject-requests';
import { recordAudit } from '../audit/audit-log';
import { localDate } from '../clock';
import type { AuthedContext } from '../context';
import { mergedAwayError } from '../customers/customer-exists';
import { prepared } from '../customers/sql-cache';
import { isErasedCard } from './erasure-guard';
import type { StoredRequest } from './request-store';
import {
  addEvent,
  defaultDeadline,
  readDetail,
  requestSelectSql,
  requireCurrent,
  requireOpen,
  toRow,
} from './request-store';

const handlerRoles = roles.filter((r) => roleCan(r, 'privacy.requests'));

function requireRequestCustomer(sqlite: Database.Database, customerId: number): void {
  const row = prepared(sqlite, 'select merged_into_id as mergedIntoId from customers where id = ?').get(
    customerId,
  ) as { mergedIntoId: number | null } | undefined;
  if (!row) throw new AppError('not_found', `客户（编号 ${customerId}）不存在`);
  // The request belongs on the card the person's data now lives on.
  if (row.mergedIntoId) throw mergedAwayError(sqlite, row.mergedIntoId);
  if (isErasedCard(sqlite, customerId)) {
    throw new AppError('conflict', '该客户的个人信息已按本人请求删除（匿名化），门店不再持有可办理的资料');
  }
}

function requireHandler(sqlite: Database.Database, userId: number | null | undefined): void {
  if (!userId) return;
  const u = prepared(sqlite, 'select role, disabled from users where id = ?').get(userId) as
    { role: string; disabled: number } | undefined;
  if (!u || u.disabled || !handlerRoles.includes(u.role as (typeof handlerRoles)[number])) {
    throw new AppError('validation', '经办人须是可处理权利请求的在职员工（客服经理或系统管理员）', {
      fields: { handlerUserId: '请选择客服经理或系统管理员' },
    });
  }
}

export function listRequests(
  ctx: AuthedContext,
  input: ChannelParsedInput<'subjectRequests.list'>,
): ChannelOutput<'subjectRequests.list'> {
  const sqlite = ctx.db.$client;
  const today = localDate(ctx.clock());
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.states?.length) {
    where.push('r.state in (select value from json_each(?))');
    params.push(JSON.stringify(input.states));
  }
  if (input.kind) {
    where.push('r.kind = ?');
    params.push(input.kind);
  }
  if (input.customerId) {
    where.push('r.customer_id = ?');
    params.push(input.customerId);
  }
  if (input.overdueOnly) {
    where.push(`r.state in ('open', 'in_progress') and r.deadline < ?`);
    params.push(today);
  }
  // Open work first, nearest deadline first; handled requests after, latest first.
  const rows = sqlite
    .prepare(
      `${requestSelectSql} ${where.length ? `where ${where.join(' and ')}` : ''}
       order by case when r.state in ('open', 'in_progress') then 0 else 1 end,
         case when r.state in ('open', 'in_progress') then r.deadline end, r.updated_at desc, r.id desc
       limit ?`,
    )
    .all(...params, input.limit) as StoredRequest[];
  // Counts cover every open request, whatever the filter shows: the desk's headline.
  const open = prepared(sqlite, `${requestSelectSql} where r.state in ('open', 'in_progress')`)
    .all()
    .map((r) => toRow(r as StoredRequest, today));
  return {
    rows: rows.map((r) => toRow(r, today)),
    counts: {
      open: open.filter((r) => r.state === 'open').length,
      inProgress: open.filter((r) => r.state === 'in_progress').length,
      overdue: open.filter((r) => r.overdue).length,
      dueSoon: open.filter((r) => r.dueSoon).length,
    },
  };
}

export function getRequest(ctx: AuthedContext, id: number): SubjectRequestDetail {
  return readDetail(ctx.db.$client, id, localDate(ctx.clock()));
}

export function createRequest(
  ctx: AuthedContext,
  input: ChannelParsedInput<'subjectRequests.create'>,
): SubjectRequestDetail {
  const sqlite = ctx.db.$client;
  const now = ctx.clock().toISOString();
  const today = localDate(ctx.clock());
  if (input.receivedOn > today) {
    throw new AppError('validation', '收到请求的日期不能晚于今天', {
      fields: { receivedOn: '收到日期不能晚于今天' },
    });
  }
  const deadline = input.deadline ?? defaultDeadline(input.receivedOn);
  const id = sqlite
    .transaction(() => {
      requireRequestCustomer(sqlite, input.customerId);
      requireHandler(sqlite, input.handlerUserId);
      const newId = Number(
        prepared(
          sqlite,
          `insert into subject_requests (customer_id, kind, channel, identity_check, identity_note, received_on,
             deadline, state, handler_user_id, notes, created_at, created_by, updated_at)
           values (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?)`,
        ).run(
          input.customerId,
          input.kind,
          input.channel,
          input.identityCheck,
          input.identityNote ?? null,
          input.receivedOn,
          deadline,
          input.handlerUserId ?? null,
          input.notes ?? null,
          now,
          ctx.user.id,
          now,
        ).lastInsertRowid,
      );
      const custom = deadline !== defaultDeadline(input.receivedOn) ? '（自定）' : '';
      addEvent(ctx, newId, {
        action: 'created',
        toState: 'open',
        note: `${subjectRequestKindLabels[input.kind]}，答复期限 ${deadline}${custom}`,
      });
      recordAudit(ctx, {
        action: 'subject_request.created',
        entity: 'subject_request',
        entityId: newId,
        customerId: input.customerId,
        detail: { kind: input.kind, channel: input.channel, receivedOn: input.receivedOn, deadline },
      });
      return newId;
    })
    .immediate();
  return readDetail(sqlite, id, today);
}

export function updateRequest(
  ctx: AuthedContext,
  input: ChannelParsedInput<'subjectRequests.update'>,
): SubjectRequestDetail {
  const sqlite = ctx.db.$client;
  const now = ctx.clock().toISOString();
  const today = localDate(ctx.clock());
  sqlite
    .transaction(() => {
      const r = requireCurrent(sqlite, input.id, input.version);
      requireOpen(r);
      const changed: Record<string, unknown> = {};
      if (input.deadline !== undefined && input.deadline !== r.deadline) {
        if (input.deadline < r.receivedOn) {
          throw new AppError('validation', '答复期限不能早于收到请求的日期', {
            fields: { deadline: '不能早于收到日期' },
          });
        }
        changed.deadline = input.deadline;
        addEvent(ctx, r.id, {
          action: 'deadline',
          note: `答复期限 ${r.deadline} → ${input.deadline}${input.deadlineReason ? `：${input.deadlineReason}` : ''}`,
        });
      }
      if (input.handlerUserId !== undefined && input.handlerUserId !== r.handlerUserId) {
        requireHandler(sqlite, input.handlerUserId);
        changed.handler_user_id = input.handlerUserId;
        const name = input.handlerUserId
          ? (prepared(sqlite, 'select display_name from users where id = ?')
              .pluck()
              .get(input.handlerUserId) as string)
          : '（未指定）';
        addEvent(ctx, r.id, { action: 'handler', note: `经办人：${name}` });
      }
      if (input.notes !== undefined && (input.notes ?? null) !== r.notes) {
        changed.notes = input.notes ?? null;
        addEvent(ctx, r.id, { action: 'notes', note: '修改了说明' });
      }
      const columns = Object.keys(changed);
      if (!columns.length) return;
      sqlite
        .prepare(
          `update subject_requests set ${columns.map((c) => `${c} = ?, `).join('')}updated_at = ?,
             version = version + 1 where id = ?`,
        )
        .run(...Object.values(changed), now, r.id);
      recordAudit(ctx, {
        action: 'subject_request.updated',
        entity: 'subject_request',
        entityId: r.id,
        customerId: r.customerId,
        // Which fields moved; the deadline is no personal value, the notes may be.
        detail: {
          changed: columns,
          ...(changed.deadline ? { deadline: [r.deadline, changed.deadline] } : {}),
        },
      });
    })
    .immediate();
  return readDetail(sqlite, input.id, today);
}

/**
 * Moves a request's state inside the caller's transaction; `note` goes on the history (a refusal's reason).
 * Shared by the desk's buttons and by the actions that move it themselves (package, anonymise).
 */
export function changeState(
  ctx: AuthedContext,
  r: StoredRequest,
  to: StoredRequest['state'],
  note: string | null,
  refusalReason: string | null = null,
): void {
  if (!subjectRequestTransitions[r.state].includes(to)) {
    throw new AppError(
      'conflict',
      `权利请求 #${r.id} 当前「${subjectRequestStateLabels[r.state]}」，不能改为「${subjectRequestStateLabels[to]}」`,
    );
  }
  const now = ctx.clock().toISOString();
  const closed = !openSubjectRequestStates.includes(to);
  prepared(
    ctx.db.$client,
    `update subject_requests set state = ?, refusal_reason = coalesce(?, refusal_reason),
       closed_at = ?, updated_at = ?, version = version + 1 where id = ?`,
  ).run(to, refusalReason, closed ? now : null, now, r.id);
  addEvent(ctx, r.id, { action: 'state', fromState: r.state, toState: to, note });
  recordAudit(ctx, {
    action: 'subject_request.updated',
    entity: 'subject_request',
    entityId: r.id,
    customerId: r.customerId,
    detail: { state: [r.state, to], ...(refusalReason ? { reasonGiven: true } : {}) },
  });
}

export function transitionRequest(
  ctx: AuthedContext,
  input: ChannelParsedInput<'subjectRequests.transition'>,
): SubjectRequestDetail {
  const sqlite = ctx.db.$client;
  sqlite
    .transaction(() => {
      const r = requireCurrent(sqlite, input.id, input.version);
      requireOpen(r);
      if (input.to === 'refused' && !input.reason) {
        throw new AppError('validation', '拒绝请求必须说明理由（《个人信息保护法》第五十条）', {
          fields: { reason: '请填写拒绝理由' },
        });
      }
      // A delete request is done by the erasure itself; "done" without it would claim what did not happen.
      if (input.to === 'done' && r.kind === 'delete' && !r.erasedAt) {
        throw new AppError(
          'conflict',
          '删除请求须通过「匿名化删除」办理，完成后请求自动办结；不予删除时请选择「拒绝」并说明理由',
        );
      }
      changeState(ctx, r, input.to, input.reason ?? null, input.to === 'refused' ? input.reason! : null);
    })
    .immediate();
  return readDetail(sqlite, input.id, localDate(ctx.clock()));
}

export function listHandlers(ctx: AuthedContext): ChannelOutput<'subjectRequests.staff'> {
  return ctx.db.$client
    .prepare(
      `select id, display_name as name from users
       where disabled = 0 and role in (select value from json_each(?)) order by display_name`,
    )
    .all(JSON.stringify(handlerRoles)) as ChannelOutput<'subjectRequests.staff'>;
}
