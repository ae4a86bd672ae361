import { isoDay, timestamp } from './calendar';
import type { DatedInteraction, DemoContext } from './demo-context';
import { businessMinute, pickPastOwner } from './demo-context';
import type { Identity } from './person';
import { birthdayText } from './person';
import type { WeightedTable } from './rng';
import { weightedTable } from './rng';
import type { LostReason } from './texts';
import type { ConsentChannel } from '../../contract/consent';
import type { ConsentDraft } from './consent-ledger';
import { writeConsents } from './consent-ledger';

export type Stage = 'lead' | 'intent' | 'new_owner' | 'owner' | 'vip' | 'lost' | 'churned' | 'dormant';
export type SourceChannel =
  'walk_in' | 'phone' | 'website' | 'vertical_platform' | 'social_media' | 'referral' | 'event' | 'other';

/** Everything about one customer except vehicles, ready to write. */
export interface CustomerDraft {
  id: number;
  identity: Identity;
  sourceChannel: SourceChannel;
  referrerId: number | null;
  stage: Stage;
  leadGrade: 'A' | 'B' | 'C' | null;
  baseGrade: 'premium' | 'potential' | 'normal' | null;
  purchaseNeed: string | null;
  budgetFen: number | null;
  currentCar: string | null;
  outcomeReason: string | null;
  lostReasonCategory: LostReason | null;
  doNotContact: boolean;
  lastVisitDay: number | null;
  createdDay: number;
  /** Latest day anything on the card changed. */
  touchedDay: number;
  tags: string[];
  consents: ConsentDraft[];
  interactions: DatedInteraction[];
}

export const ownerSources = weightedTable<SourceChannel>([
  ['walk_in', 36],
  ['phone', 8],
  ['website', 6],
  ['vertical_platform', 17],
  ['social_media', 8],
  ['referral', 18],
  ['event', 5],
  ['other', 2],
]);

export const prospectSources = weightedTable<SourceChannel>([
  ['walk_in', 12],
  ['phone', 12],
  ['website', 18],
  ['vertical_platform', 28],
  ['social_media', 16],
  ['referral', 8],
  ['event', 4],
  ['other', 2],
]);

/** A referral names an owner who already had a car when this customer turned up; otherwise it was a walk-in. */
export function chooseSource(
  ctx: DemoContext,
  table: WeightedTable<SourceChannel>,
  createdDay: number,
): { sourceChannel: SourceChannel; referrerId: number | null } {
  const sourceChannel = ctx.rng.weighted(table);
  if (sourceChannel !== 'referral') return { sourceChannel, referrerId: null };
  const referrer = pickPastOwner(ctx.rng, ctx.referrers, createdDay);
  return referrer
    ? { sourceChannel, referrerId: referrer.id }
    : { sourceChannel: 'walk_in', referrerId: null };
}

const consentChannels = weightedTable<ConsentChannel>([
  ['in_person', 45],
  ['paper', 35],
  ['wechat', 12],
  ['app', 8],
]);

/**
 * Owners sign the PIPL notice at delivery: service almost always, care usually, marketing about half, event
 * invitations a little more (decided on the ledger's own stream: the box came later, see consent-ledger.ts).
 */
export function ownerConsents(ctx: DemoContext, day: number, doNotContact: boolean): ConsentDraft[] {
  const { rng } = ctx;
  if (!rng.chance(0.88)) return [];
  const channel = rng.weighted(consentChannels);
  return [
    { purpose: 'service', granted: true, day, channel },
    { purpose: 'care', granted: !doNotContact && rng.chance(0.92), day, channel },
    { purpose: 'marketing', granted: !doNotContact && rng.chance(0.6), day, channel },
    { purpose: 'events', granted: !doNotContact && ctx.ledgerRng.chance(0.65), day, channel },
  ];
}

/** Inserts the customer row with its tags, consents and interactions; vehicles come after (foreign keys). */
export function writeCustomer(ctx: DemoContext, d: CustomerDraft): void {
  const { rng, ins } = ctx;
  const p = d.identity;
  const createdMinute = businessMinute(rng);
  const createdAt = timestamp(d.createdDay, createdMinute);
  const lastInteraction = d.interactions.reduce((m, i) => Math.max(m, i.day), d.createdDay);
  const touched = Math.min(ctx.lastDay, Math.max(d.touchedDay, lastInteraction));
  const updatedAt =
    touched > d.createdDay
      ? timestamp(touched, businessMinute(rng))
      : timestamp(d.createdDay, createdMinute + 5);
  const dncAt = d.doNotContact ? timestamp(rng.int(d.createdDay, touched), businessMinute(rng)) : null;

  ins.customer.run(
    d.id,
    p.name,
    p.pinyin,
    p.initials,
    p.gender,
    birthdayText(p),
    p.mobile,
    p.mobile2,
    p.mobile.slice(-4),
    p.wechat,
    p.address,
    p.district,
    p.idNumber,
    p.occupation,
    p.industry,
    p.employer,
    p.isCompany ? 1 : 0,
    p.contactPerson,
    p.contactTitle,
    d.sourceChannel,
    d.referrerId,
    d.stage,
    d.leadGrade,
    d.baseGrade,
    d.purchaseNeed,
    d.budgetFen,
    d.currentCar,
    d.outcomeReason,
    d.lostReasonCategory,
    p.preferences,
    d.doNotContact ? 1 : 0,
    dncAt,
    d.lastVisitDay === null ? null : isoDay(d.lastVisitDay),
    p.notes,
    createdAt,
    updatedAt,
  );
  for (const tag of d.tags) ins.tag.run(d.id, tag);
  writeConsents(ctx, d.id, d.consents);
  d.interactions.sort((a, b) => a.day - b.day);
  for (const i of d.interactions) {
    // Same-day notes must not predate the card they belong to.
    const minute = i.day === d.createdDay ? rng.int(createdMinute, 1260) : businessMinute(rng);
    const at = timestamp(i.day, minute);
    ins.interaction.run(d.id, i.kind, i.direction, at, i.summary, at);
  }
  ctx.counts.customers++;
  ctx.counts.interactions += d.interactions.length;
}
