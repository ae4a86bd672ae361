import { randomInt } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ChannelOutput } from '../../contract';
import { maskPersonName } from '../../common/mask-name';
import { AppError } from '../../contract/errors';
import type { LoyaltyTier } from '../../contract/loyalty-terms';
import { referralCodeAlphabet, referralCodeLength } from '../../contract/loyalty-terms';
import { requireCustomer } from '../customers/customer-exists';
import { prepared } from '../customers/sql-cache';
import { ensureMember } from './ledger';

function randomCode(): string {
  let code = '';
  for (let i = 0; i < referralCodeLength; i++)
    code += referralCodeAlphabet[randomInt(referralCodeAlphabet.length)];
  return code;
}

/** The member's referral code, given on first request (random, so a code says nothing about the customer). */
export function referralCodeOf(sqlite: Database.Database, customerId: number, now: string): string {
  return sqlite.transaction(() => {
    requireCustomer(sqlite, customerId);
    const existing = prepared(sqlite, 'select referral_code from loyalty_members where customer_id = ?')
      .pluck()
      .get(customerId) as string | null | undefined;
    if (existing) return existing;
    ensureMember(sqlite, customerId, now);
    const taken = prepared(sqlite, 'select 1 from loyalty_members where referral_code = ?').pluck();
    // 31^6 ≈ 887 million codes: a clash is rare, and a few tries settle it.
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = randomCode();
      if (taken.get(code)) continue;
      prepared(
        sqlite,
        'update loyalty_members set referral_code = ?, updated_at = ? where customer_id = ?',
      ).run(code, now, customerId);
      return code;
    }
    throw new AppError('internal', '推荐码生成失败，请重试');
  })();
}

export function resolveReferralCode(
  sqlite: Database.Database,
  code: string,
): ChannelOutput<'loyalty.resolveCode'> {
  const row = prepared(
    sqlite,
    `select c.id as customerId, c.name, c.is_company as isCompany, m.tier from loyalty_members m
     join customers c on c.id = m.customer_id
     where m.referral_code = ? and c.merged_into_id is null`,
  ).get(code.trim().toUpperCase()) as
    { customerId: number; name: string; isCompany: number; tier: LoyaltyTier } | undefined;
  if (!row)
    throw new AppError('not_found', `推荐码 ${code} 不存在，请核对后重新输入`, {
      fields: { code: '推荐码不存在' },
    });
  const { isCompany, ...found } = row;
  return { ...found, maskedName: maskPersonName(row.name, isCompany === 1) };
}

/** Who referred this customer, whom they referred, and how each referral ended (delivery, rewards). */
export function referralsOf(
  sqlite: Database.Database,
  customerId: number,
): ChannelOutput<'loyalty.referrals'> {
  requireCustomer(sqlite, customerId);
  const referredBy = prepared(
    sqlite,
    `select r.id as customerId, r.name from customers c join customers r on r.id = c.referrer_id where c.id = ?`,
  ).get(customerId) as { customerId: number; name: string } | undefined;
  const rows = prepared(
    sqlite,
    `select c.id as customerId, c.name, c.stage,
       (select min(v.delivery_date) from vehicle_ownerships o join vehicles v on v.id = o.vehicle_id
          where o.customer_id = c.id and v.delivery_date is not null) as deliveredOn,
       (select sum(p.points) from loyalty_postings p where p.source_table = 'customers' and p.source_id = c.id
          and p.source = 'referral' and p.customer_id = @referrer and p.kind in ('earn', 'reverse')) as referrerPoints,
       (select sum(p.points) from loyalty_postings p where p.source_table = 'customers' and p.source_id = c.id
          and p.source = 'referral' and p.customer_id = c.id and p.kind in ('earn', 'reverse')) as refereePoints,
       (select min(p.posted_on) from loyalty_postings p where p.source_table = 'customers' and p.source_id = c.id
          and p.source = 'referral' and p.kind = 'earn') as rewardedOn
     from customers c where c.referrer_id = @referrer and c.merged_into_id is null order by c.id desc limit 500`,
  ).all({ referrer: customerId }) as ChannelOutput<'loyalty.referrals'>['referred'];
  return { referredBy: referredBy ?? null, referred: rows };
}
