import type { ConsentChannel, ConsentPurpose, ConsentSource } from '../../contract/consent';
import { consentChannelLabels, consentPurposeLabels } from '../../contract/consent';
import { recordAudit } from '../audit/audit-log';
import { regenerateCallbacksForCustomer } from '../callbacks/regenerate-for-customer';
import type { ServiceContext } from '../context';
import { requireCustomer } from './customer-exists';
import { prepared } from './sql-cache';

export interface ConsentChange {
  customerId: number;
  purpose: ConsentPurpose;
  granted: boolean;
  channel: ConsentChannel;
  /** Paper form number, call recording id…; null when none was given. */
  evidence: string | null;
  /** 'request' when a data-subject request withdraws or grants it; the card records 'staff'. */
  source: Exclude<ConsentSource, 'migration'>;
}

const upsertSql = `insert into consents (customer_id, purpose, granted, recorded_at, channel) values (?, ?, ?, ?, ?)
  on conflict (customer_id, purpose) do update set granted = excluded.granted,
    recorded_at = excluded.recorded_at, channel = excluded.channel`;
const historySql = `insert into consent_history (customer_id, purpose, granted, at, channel, evidence, user_id,
  user_name, source) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const noteSql = `insert into interactions (customer_id, kind, direction, occurred_at, summary, user_id, ref_type,
  ref_id, created_at) values (?, 'note', null, ?, ?, ?, 'consent', ?, ?)`;

/**
 * The one writer of consent: the current answer, a ledger row, a timeline note and the audit row, then the
 * call-back queue catches up — all in one transaction (the caller's, when it has one), so a withdrawal takes
 * effect at once: open call-backs that need the purpose are skipped with the reason, and none of it happens
 * when any step fails. A repeated answer is still a new ledger row: re-signing a form is an event worth keeping.
 */
export function recordConsentChange(ctx: ServiceContext, change: ConsentChange): { historyId: number } {
  const sqlite = ctx.db.$client;
  const now = ctx.clock().toISOString();
  return sqlite.transaction(() => {
    requireCustomer(sqlite, change.customerId);
    const before = prepared(sqlite, 'select granted from consents where customer_id = ? and purpose = ?').get(
      change.customerId,
      change.purpose,
    ) as { granted: number } | undefined;
    const granted = change.granted ? 1 : 0;
    prepared(sqlite, upsertSql).run(change.customerId, change.purpose, granted, now, change.channel);
    const historyId = Number(
      prepared(sqlite, historySql).run(
        change.customerId,
        change.purpose,
        granted,
        now,
        change.channel,
        change.evidence,
        ctx.user?.id ?? null,
        ctx.user?.displayName ?? null,
        change.source,
      ).lastInsertRowid,
    );
    prepared(sqlite, noteSql).run(
      change.customerId,
      now,
      noteSummary(change),
      ctx.user?.id ?? null,
      historyId,
      now,
    );
    recordAudit(ctx, {
      action: 'consent.changed',
      entity: 'consent',
      entityId: historyId,
      customerId: change.customerId,
      detail: {
        purpose: change.purpose,
        channel: change.channel,
        source: change.source,
        changes: { granted: [before ? before.granted === 1 : null, change.granted] },
      },
    });
    regenerateCallbacksForCustomer(ctx, change.customerId);
    return { historyId };
  })();
}

/** The timeline's line, e.g. 授权记录：不同意营销推广（电话，凭证：录音 REC-0412）. */
function noteSummary(c: ConsentChange): string {
  const how = c.evidence
    ? `${consentChannelLabels[c.channel]}，凭证：${c.evidence}`
    : consentChannelLabels[c.channel];
  return `授权记录：${c.granted ? '同意' : '不同意'}${consentPurposeLabels[c.purpose]}（${how}）`;
}
