import type Database from 'better-sqlite3';
import type { ChannelParsedInput } from '../../contract';
import type { ConsentChannel, ConsentPurpose, ConsentsDetail } from '../../contract/consent';
import type { ServiceContext } from '../context';
import { recordConsentChange } from './consent-ledger';
import { prepared } from './sql-cache';

type ConsentRow = { purpose: ConsentPurpose; granted: number; recordedAt: string; channel: ConsentChannel };

export const consentsSql =
  'select purpose, granted, recorded_at as recordedAt, channel from consents where customer_id = ?';

/** The current answer per purpose (null: never asked); the ledger of every answer is consent-history.ts. */
export function readConsents(sqlite: Database.Database, customerId: number): ConsentsDetail {
  const rows = prepared(sqlite, consentsSql).all(customerId) as ConsentRow[];
  const out: ConsentsDetail = { service: null, care: null, marketing: null, events: null };
  for (const r of rows) {
    out[r.purpose] = { granted: r.granted === 1, recordedAt: r.recordedAt, channel: r.channel };
  }
  return out;
}

/** The card's "记录授权": staff record the customer's answer, dated now. */
export function setConsent(
  ctx: ServiceContext,
  input: ChannelParsedInput<'customers.setConsent'>,
): ConsentsDetail {
  recordConsentChange(ctx, {
    customerId: input.customerId,
    purpose: input.purpose,
    granted: input.granted,
    channel: input.channel,
    evidence: input.evidence ?? null,
    source: 'staff',
  });
  return readConsents(ctx.db.$client, input.customerId);
}
