import type Database from 'better-sqlite3';
import type { ChannelParsedInput } from '../../contract';
import type { ConsentsDetail } from '../../contract/customers';
import type { ServiceContext } from '../context';
import { regenerateCallbacksForCustomer } from '../callbacks/regenerate-for-customer';
import { requireCustomer } from './customer-exists';
import { prepared } from './sql-cache';

type ConsentRow = { purpose: keyof ConsentsDetail; granted: number; recordedAt: string; channel: string };

const purposeNames: Record<keyof ConsentsDetail, string> = {
  service: '服务通知',
  care: '关怀回访',
  marketing: '营销推广',
};
const channelNames: Record<string, string> = {
  paper: '纸质签字',
  phone: '电话',
  wechat: '微信',
  sms: '短信',
  app: 'App',
  in_person: '当面',
};

export const consentsSql =
  'select purpose, granted, recorded_at as recordedAt, channel from consents where customer_id = ?';

export function readConsents(sqlite: Database.Database, customerId: number): ConsentsDetail {
  const rows = prepared(sqlite, consentsSql).all(customerId) as ConsentRow[];
  const out: ConsentsDetail = { service: null, care: null, marketing: null };
  for (const r of rows) {
    out[r.purpose] = {
      granted: r.granted === 1,
      recordedAt: r.recordedAt,
      channel: r.channel as NonNullable<ConsentsDetail['service']>['channel'],
    };
  }
  return out;
}

/**
 * Records the customer's latest answer for one purpose, dated now. The table keeps only the latest answer per
 * purpose, so each change also goes on the timeline as a note: the history of what was agreed stays readable.
 */
export function setConsent(
  ctx: ServiceContext,
  input: ChannelParsedInput<'customers.setConsent'>,
): ConsentsDetail {
  const now = ctx.clock().toISOString();
  const sqlite = ctx.db.$client;
  ctx.db.transaction(() => {
    requireCustomer(sqlite, input.customerId);
    prepared(
      sqlite,
      `insert into consents (customer_id, purpose, granted, recorded_at, channel) values (?, ?, ?, ?, ?)
       on conflict (customer_id, purpose) do update set granted = excluded.granted,
         recorded_at = excluded.recorded_at, channel = excluded.channel`,
    ).run(input.customerId, input.purpose, input.granted ? 1 : 0, now, input.channel);
    const summary = `${input.granted ? '同意' : '不同意'}${purposeNames[input.purpose]}（${channelNames[input.channel]}）`;
    prepared(
      sqlite,
      `insert into interactions (customer_id, kind, direction, occurred_at, summary, user_id, ref_type, created_at)
       values (?, 'note', null, ?, ?, ?, 'consent', ?)`,
    ).run(input.customerId, now, `授权记录：${summary}`, ctx.user?.id ?? null, now);
    regenerateCallbacksForCustomer(ctx, input.customerId);
  });
  return readConsents(sqlite, input.customerId);
}
