import type Database from 'better-sqlite3';
import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import { AppError } from '../../contract/errors';
import type { ErasurePreview } from '../../contract/subject-requests';
import { recordAudit } from '../audit/audit-log';
import { localDate } from '../clock';
import type { AuthedContext } from '../context';
import { mergedAwayError } from '../customers/customer-exists';
import { forgetDuplicateScan } from '../duplicates/duplicate-scan';
import { quoteId } from '../duplicates/schema-info';
import type { ErasurePlan } from './erasure-plan';
import { describePlan, importBatchesWith, planErasure } from './erasure-plan';
import { personCardIds } from './customer-references';
import { childRules, customerColumnRules, erasedName } from './person-data-rules';
import { changeState } from './request-service';
import type { StoredRequest } from './request-store';
import { addEvent, readDetail, readStoredRequest, requireCurrent } from './request-store';
import { existingColumns, tableExists } from './person-rows';
import { readCardIdentities, scrubColumns, uniqueTerms } from './scrub-text';
import { findTextMentions, scrubMentions } from './text-scan';

type Output = ChannelOutput<'subjectRequests.anonymise'>;

export const closedTaskReason = '客户个人信息已按本人请求删除';

/** Why the erasure cannot run for this request now, or null. */
function blockedReason(sqlite: Database.Database, r: StoredRequest): string | null {
  if (r.kind !== 'delete') return '只有「删除」请求可以执行匿名化删除';
  if (r.state === 'done' || r.state === 'refused') return `该请求已${r.state === 'done' ? '办结' : '拒绝'}`;
  if (r.erasedAt) return '该客户的个人信息已经删除';
  const merged = sqlite
    .prepare('select merged_into_id from customers where id = ?')
    .pluck()
    .get(r.customerId) as number | null;
  if (merged) {
    // The rule: erase on the card the person's data lives on; its erasure takes every card merged into it along.
    const survivor = mergedAwayError(sqlite, merged).details as { mergedInto?: { id: number; name: string } };
    const to = survivor?.mergedInto
      ? `${survivor.mergedInto.name}（客户编号 ${survivor.mergedInto.id}）`
      : '其他客户';
    return `该客户卡已合并到 ${to}：请对保留的客户卡登记删除请求，删除时会一并清除合并进来的旧卡`;
  }
  return null;
}

export function previewErasure(ctx: AuthedContext, requestId: number): ErasurePreview {
  const sqlite = ctx.db.$client;
  const r = readStoredRequest(sqlite, requestId);
  const blocked = blockedReason(sqlite, r);
  if (blocked && (r.kind !== 'delete' || r.erasedAt)) {
    return {
      customerId: r.customerId,
      customerName: r.customerName,
      mergedCardIds: [],
      erase: [],
      keep: [],
      confirmText: String(r.customerId),
      blockedReason: blocked,
    };
  }
  const plan = sqlite.transaction(() => planErasure(sqlite, r.customerId))();
  const unruled = plan.unruled.length
    ? `数据表 ${plan.unruled.map((u) => u.key).join('、')} 尚未规定删除时如何处理，无法执行，请联系系统管理员`
    : null;
  return {
    customerId: r.customerId,
    customerName: r.customerName,
    mergedCardIds: plan.cardIds.slice(1),
    ...describePlan(plan),
    confirmText: String(r.customerId),
    blockedReason: blocked ?? unruled,
  };
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** The card columns as an erased card has them (customerColumnRules), for the card row and stored images. */
function erasedValues(customerId: number, now: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [column, rule] of Object.entries(customerColumnRules)) {
    if (!('erase' in rule)) continue;
    out[column] = { null: null, empty: '', name: erasedName(customerId), true: 1, now }[rule.erase];
  }
  return out;
}

function anonymiseCards(sqlite: Database.Database, plan: ErasurePlan, now: string): void {
  const columns = sqlite
    .prepare('select name from pragma_table_xinfo(?)')
    .pluck()
    .all('customers') as string[];
  const unknown = columns.filter((c) => !(c in customerColumnRules));
  if (unknown.length) {
    throw new AppError('internal', `客户资料的字段 ${unknown.join('、')} 尚未规定删除时如何处理，已停止删除`);
  }
  for (const id of plan.cardIds) {
    const values = erasedValues(id, now);
    const set = Object.keys(values);
    sqlite
      .prepare(
        `update customers set ${set.map((c) => `${quoteId(c)} = ?, `).join('')}updated_at = ?, version = version + 1
         where id = ?`,
      )
      .run(...Object.values(values), now, id);
  }
}

/** The import's copy of each updated card takes the erased values too; a revert is refused anyway (edited since). */
function scrubImportHistory(sqlite: Database.Database, plan: ErasurePlan, now: string): number {
  const batches = importBatchesWith(sqlite, plan.cardIds);
  const read = sqlite.prepare('select undo from import_batches where id = ?').pluck();
  const write = sqlite.prepare('update import_batches set undo = ? where id = ?');
  for (const id of batches) {
    const undo = JSON.parse(read.get(id) as string) as {
      updated?: { customers?: Record<string, unknown>[] };
    };
    for (const row of undo.updated?.customers ?? []) {
      if (plan.cardIds.includes(Number(row.id))) Object.assign(row, erasedValues(Number(row.id), now));
    }
    write.run(JSON.stringify(undo), id);
  }
  return batches.length;
}

/** A merge between the person's cards keeps its log line; its snapshot (full old rows) goes, and with it the undo. */
function eraseMergeSnapshots(sqlite: Database.Database, plan: ErasurePlan, now: string): void {
  const list = JSON.stringify(plan.cardIds);
  const merges = sqlite
    .prepare(
      `select id, survivor_id as survivorId, merged_id as mergedId from customer_merges
       where survivor_id in (select value from json_each(?)) or merged_id in (select value from json_each(?))`,
    )
    .all(list, list) as { id: number; survivorId: number; mergedId: number }[];
  const write = sqlite.prepare('update customer_merges set snapshot = ? where id = ?');
  for (const m of merges) {
    write.run(
      JSON.stringify({
        format: 1,
        survivorId: m.survivorId,
        mergedId: m.mergedId,
        takenOver: [],
        tables: {},
        rows: [],
        erasedAt: now,
      }),
      m.id,
    );
  }
}

function applyReferenceRules(ctx: AuthedContext, plan: ErasurePlan, r: StoredRequest, now: string): void {
  const sqlite = ctx.db.$client;
  const list = JSON.stringify(plan.cardIds);
  const inCards = (column: string) => `${quoteId(column)} in (select value from json_each(?))`;
  for (const p of plan.references) {
    const { table, column } = p.ref;
    const e = p.erasure;
    if (e.action === 'delete') {
      sqlite.prepare(`delete from ${quoteId(table)} where ${inCards(column)}`).run(list);
    } else if (e.action === 'keep') {
      for (const c of existingColumns(sqlite, table, e.clear ?? [])) {
        sqlite
          .prepare(`update ${quoteId(table)} set ${quoteId(c)} = null where ${inCards(column)}`)
          .run(list);
      }
      const scrub = existingColumns(sqlite, table, e.scrub ?? []);
      scrubColumns(sqlite, table, scrub, inCards(column), [list], plan.terms);
    }
  }
  for (const child of childRules) {
    const parent = plan.references.find((p) => p.ref.key === child.parentKey);
    if (!parent || !tableExists(sqlite, child.table)) continue;
    const parentIds = `select id from ${quoteId(parent.ref.table)} where ${inCards(parent.ref.column)}`;
    scrubColumns(
      sqlite,
      child.table,
      existingColumns(sqlite, child.table, child.erasure.scrub ?? []),
      `${quoteId(child.column)} in (${parentIds})${child.filter ? ` and (${child.filter})` : ''}`,
      [list],
      plan.terms,
    );
  }
  // Nobody calls an erased card: open call-backs close with the reason, claims released.
  sqlite
    .prepare(
      `update callback_tasks set status = 'cancelled', skip_reason = ?, claimed_by = null, claim_expires_at = null,
         next_attempt_at = null, updated_at = ?, version = version + 1
       where status = 'open' and customer_id in (${placeholders(plan.cardIds.length)})`,
    )
    .run(`${closedTaskReason}（权利请求 #${r.id}）`, now, ...plan.cardIds);
  eraseMergeSnapshots(sqlite, plan, now);
}

/**
 * Anonymises the person of a delete request, irreversibly and in one transaction: every card of theirs loses
 * its identity, their own records are deleted or kept unlinked by the rules (person-data-rules.ts), their
 * phone and ID number are replaced wherever free text mentions them, open call-backs close, the request is
 * done and the audit log gets one row with counts and no personal value. Typed confirmation: the customer
 * number, checked here as well as on screen.
 */
export function anonymisePerson(
  ctx: AuthedContext,
  input: ChannelParsedInput<'subjectRequests.anonymise'>,
): Output {
  const sqlite = ctx.db.$client;
  const now = ctx.clock().toISOString();
  // Free text elsewhere is searched before the write lock is taken (a read of every large table); the
  // transaction then rewrites the rows found, and searches again itself only if the numbers changed meanwhile.
  const before = readStoredRequest(sqlite, input.id);
  const searched = uniqueTerms(readCardIdentities(sqlite, personCardIds(sqlite, before.customerId)));
  const found = findTextMentions(sqlite, searched);
  const result = sqlite
    .transaction(() => {
      const r = requireCurrent(sqlite, input.id, input.version);
      const blocked = blockedReason(sqlite, r);
      if (blocked) throw new AppError('conflict', blocked);
      if (input.confirm !== String(r.customerId)) {
        throw new AppError('validation', `请输入客户编号 ${r.customerId} 确认删除`, {
          fields: { confirm: `请输入 ${r.customerId}` },
        });
      }
      const plan = planErasure(sqlite, r.customerId, { scanText: false });
      if (plan.unruled.length) {
        throw new AppError(
          'internal',
          `数据表 ${plan.unruled.map((u) => u.key).join('、')} 尚未规定删除时如何处理，已停止删除`,
        );
      }
      const described = describePlan(plan);

      applyReferenceRules(ctx, plan, r, now);
      scrubImportHistory(sqlite, plan, now);
      // Free text is rewritten while the cards still hold the numbers it is searched for (read into the plan).
      const same = JSON.stringify(searched) === JSON.stringify(plan.uniqueTerms);
      const mentions = same ? found : findTextMentions(sqlite, plan.uniqueTerms);
      const mentioned = scrubMentions(sqlite, mentions, plan.uniqueTerms);
      if (mentioned) {
        described.erase.push({
          key: 'free_text',
          label: '其他记录中出现的本人手机号、证件号',
          count: mentioned,
          detail: '替换为「[已删除]」',
        });
      }
      anonymiseCards(sqlite, plan, now);
      const mark = sqlite.prepare(
        'insert into customer_erasures (customer_id, request_id, erased_at, erased_by) values (?, ?, ?, ?)',
      );
      for (const id of plan.cardIds) mark.run(id, r.id, now, ctx.user.id);
      sqlite
        .prepare(
          `insert into interactions (customer_id, kind, occurred_at, summary, user_id, ref_type, ref_id, created_at)
           values (?, 'note', ?, ?, ?, 'subject_request', ?, ?)`,
        )
        .run(r.customerId, now, `已按本人请求删除个人信息（权利请求 #${r.id}）`, ctx.user.id, r.id, now);

      const counts = (lines: typeof described.erase) =>
        Object.fromEntries(lines.filter((l) => l.count !== null).map((l) => [l.key, l.count]));
      addEvent(ctx, r.id, {
        action: 'anonymised',
        note: `已匿名化客户卡 ${plan.cardIds.length} 张：${described.erase.map((l) => `${l.label} ${l.count ?? ''}`.trim()).join('，')}`,
      });
      changeState(ctx, r, 'done', '匿名化删除完成');
      // The person's other open requests (a correction, a copy) have nothing left to act on.
      const others = sqlite
        .prepare(
          `select id from subject_requests where id <> ? and state in ('open', 'in_progress')
           and customer_id in (select value from json_each(?))`,
        )
        .pluck()
        .all(r.id, JSON.stringify(plan.cardIds)) as number[];
      for (const id of others) {
        changeState(
          ctx,
          readStoredRequest(sqlite, id),
          'done',
          `本人的个人信息已按权利请求 #${r.id} 删除，本请求随之办结`,
        );
      }
      recordAudit(ctx, {
        action: 'customer.anonymised',
        entity: 'customer',
        entityId: r.customerId,
        customerId: r.customerId,
        // Counts and ids only: the row must not keep what the erasure removed.
        detail: {
          requestId: r.id,
          cardIds: plan.cardIds,
          erased: counts(described.erase),
          kept: counts(described.keep),
        },
      });
      return described;
    })
    .immediate();
  forgetDuplicateScan(sqlite);
  return {
    request: readDetail(sqlite, input.id, localDate(ctx.clock())),
    erased: result.erase,
    kept: result.keep,
  };
}
