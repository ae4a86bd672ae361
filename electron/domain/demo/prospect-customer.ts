import { colors, competitorCars, oldCars, seriesTableFor } from './catalog';
import type { CustomerDraft, Stage } from './customer-record';
import { chooseSource, prospectSources, writeCustomer } from './customer-record';
import type { DatedInteraction, DemoContext } from './demo-context';
import { yearOf } from './calendar';
import { draftPerson } from './person';
import { weightedTable } from './rng';
import {
  dormantInteraction,
  intentInteraction,
  leadInteraction,
  lostFollowUp,
  lostInteraction,
  lostReasons,
  lostReasonText,
  purchaseNeedText,
} from './texts';

export type ProspectStage = Extract<Stage, 'lead' | 'intent' | 'lost' | 'dormant'>;

const leadGrades = weightedTable<'A' | 'B' | 'C'>([
  ['A', 25],
  ['B', 40],
  ['C', 35],
]);
const intentGrades = weightedTable<'A' | 'B' | 'C'>([
  ['A', 50],
  ['B', 40],
  ['C', 10],
]);

/**
 * Someone without a car from us: a fresh lead, a prospect who has test-driven, a lost deal (with the reason)
 * or an old lead that went quiet more than a year ago.
 */
export function generateProspect(ctx: DemoContext, id: number, stage: ProspectStage): void {
  const { rng, today, lastDay, firstDay } = ctx;
  const identity = draftPerson(ctx, 0.1);
  let createdDay: number;
  switch (stage) {
    case 'lead':
      createdDay = rng.int(today - 120, lastDay);
      break;
    case 'intent':
      createdDay = rng.int(today - 180, lastDay - 3);
      break;
    case 'lost':
      createdDay = rng.int(firstDay, lastDay - 30);
      break;
    case 'dormant':
      createdDay = rng.int(firstDay, today - 460);
      break;
  }
  const series = rng.weighted(seriesTableFor(yearOf(createdDay)));
  const trim = rng.pick(series.trims);
  const color = rng.weighted(colors);
  const currentCar = rng.chance(0.4) ? rng.pick(oldCars) : null;
  const [min, max] = series.priceYuan;
  const budgetFen = Math.round(rng.int(min, max) / 10_000) * 10_000 * 100;
  const interactions: DatedInteraction[] = [{ day: createdDay, ...leadInteraction(rng, series.name, color) }];
  let leadGrade = rng.weighted(stage === 'intent' ? intentGrades : leadGrades);
  let lostReasonCategory: CustomerDraft['lostReasonCategory'] = null;
  let outcomeReason: string | null = null;
  let touchedDay = createdDay;

  if (stage === 'lead') {
    for (let i = rng.int(0, 2); i > 0; i--) {
      interactions.push({ day: rng.int(createdDay, lastDay), ...leadInteraction(rng, series.name, color) });
    }
  } else if (stage === 'intent') {
    for (let i = rng.int(1, 3); i > 0; i--) {
      interactions.push({
        day: rng.int(createdDay + 1, lastDay),
        ...intentInteraction(rng, series.name, currentCar),
      });
    }
  } else if (stage === 'lost') {
    const lostDay = Math.min(lastDay, createdDay + rng.int(7, 90));
    interactions.push({
      day: rng.int(createdDay, lostDay),
      ...intentInteraction(rng, series.name, currentCar),
    });
    lostReasonCategory = rng.weighted(lostReasons);
    outcomeReason = lostReasonText(rng, lostReasonCategory, series.name, rng.pick(competitorCars));
    interactions.push({ day: lostDay, ...lostInteraction(outcomeReason) });
    if (lostDay + 30 <= lastDay && rng.chance(0.5)) {
      interactions.push({
        day: rng.int(lostDay + 30, Math.min(lastDay, lostDay + 400)),
        ...lostFollowUp(rng),
      });
    }
    touchedDay = lostDay;
  } else {
    // Quiet for more than a year: every contact is older than that.
    leadGrade = 'C';
    const quietFrom = Math.min(createdDay + 60, today - 400);
    for (let i = rng.int(0, 1); i >= 0; i--) {
      interactions.push({ day: rng.int(createdDay, quietFrom), ...dormantInteraction(rng, series.name) });
    }
  }

  const source = chooseSource(ctx, prospectSources, createdDay);
  const online = source.sourceChannel === 'website' || source.sourceChannel === 'social_media';
  const doNotContact = rng.chance(stage === 'lost' ? 0.05 : 0.015);
  const tags: string[] = source.sourceChannel === 'referral' ? ['老客户推荐'] : [];

  writeCustomer(ctx, {
    id,
    identity,
    ...source,
    stage,
    leadGrade,
    baseGrade: null,
    purchaseNeed: purchaseNeedText(rng, series.name, trim),
    budgetFen,
    currentCar,
    outcomeReason,
    lostReasonCategory,
    doNotContact,
    lastVisitDay: null,
    createdDay,
    touchedDay,
    tags,
    // Leads who left their number online ticked the marketing box on the form.
    consents:
      online && rng.chance(0.5)
        ? [
            {
              purpose: 'marketing',
              granted: !doNotContact,
              day: createdDay,
              channel: rng.chance(0.5) ? 'app' : 'wechat',
            },
          ]
        : [],
    interactions,
  });
}
