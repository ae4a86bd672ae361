import { addYears, isoDay, monthOf, timestamp, yearOf } from './calendar';
import type { Series } from './catalog';
import { colors, seriesTableFor } from './catalog';
import type { CustomerDraft, Stage } from './customer-record';
import { chooseSource, ownerConsents, ownerSources, writeCustomer } from './customer-record';
import type { DatedInteraction, DemoContext } from './demo-context';
import { businessMinute, pickPastOwner } from './demo-context';
import { draftCompany, draftPerson } from './person';
import { weightedTable } from './rng';
import type { PlannedVisit } from './service-history';
import { planServiceHistory } from './service-history';
import {
  churnInteraction,
  deliveryCall,
  fleetInteraction,
  intentInteraction,
  ownerInteraction,
  serviceAdvisors,
  wonReasons,
} from './texts';

type Finance = 'cash' | 'loan' | 'lease';

// Cars a private owner has bought here over six years: replaced cars stay on the card.
const vehicleCounts = weightedTable<number>([
  [1, 58],
  [2, 31],
  [3, 11],
]);
/** Share of due services done here; the rest go to quick-fit shops. */
const loyalties = weightedTable<number>([
  [0.95, 55],
  [0.8, 32],
  [0.5, 13],
]);
const privateFinance = weightedTable<Finance>([
  ['cash', 55],
  ['loan', 40],
  ['lease', 5],
]);
const fleetFinance = weightedTable<Finance>([
  ['cash', 40],
  ['loan', 20],
  ['lease', 40],
]);

interface Transfer {
  sellerId: number;
  /** The day the car was first delivered new, to the seller. */
  deliveryDay: number;
}

interface VehicleDraft {
  series: Series;
  model: string;
  color: string;
  vin: string;
  plate: string | null;
  deliveryDay: number;
  /** The day this customer took the car: delivery, or the resale date. */
  acquiredDay: number;
  seller: Transfer | null;
  priceFen: number;
  finance: Finance;
  insuranceDay: number;
  startKm: number;
  kmPerDay: number;
  visits: PlannedVisit[];
}

const daysPerYear = 365;

/**
 * An owner (a person or a fleet) with vehicles and service history. The stage is read off the data at the
 * end, so it always agrees with it: churned means no visit and no purchase for a year, new owner means a
 * first car within six months.
 */
export function generateOwner(ctx: DemoContext, id: number, fleet: boolean): void {
  const { rng, today, lastDay, firstDay } = ctx;
  const identity = fleet ? draftCompany(ctx) : draftPerson(ctx, 0.45);
  const churning = rng.chance(fleet ? 0.08 : 0.13);
  const firstAcquired = rng.int(firstDay, lastDay);
  const latestChurn = today - 400;
  const endDay =
    churning && firstAcquired + 120 <= latestChurn ? rng.int(firstAcquired + 120, latestChurn) : lastDay;

  const acquired = [firstAcquired];
  const count = fleet ? rng.int(4, 20) : rng.weighted(vehicleCounts);
  // A family's second car comes later; a fleet may start with several at once.
  const from = firstAcquired + (fleet ? 0 : 180);
  for (let i = 1; i < count && from <= endDay; i++) acquired.push(rng.int(from, endDay));
  acquired.sort((a, b) => a - b);

  let transfer: Transfer | null = null;
  if (!fleet && rng.chance(0.04)) {
    const deliveryDay = firstAcquired - rng.int(365, 1500);
    const seller = deliveryDay >= firstDay ? pickPastOwner(rng, ctx.sellers, deliveryDay - 30) : null;
    if (seller) transfer = { sellerId: seller.id, deliveryDay };
  }

  const rideHail = !fleet && rng.chance(0.03);
  const loyalty = fleet ? 0.9 : rng.weighted(loyalties);
  const vehicles = acquired.map((day, i) =>
    draftVehicle(ctx, {
      acquiredDay: day,
      seller: i === 0 ? transfer : null,
      kmPerDay: fleet
        ? rng.real(60, 180)
        : rideHail && i === 0
          ? rng.real(180, 300)
          : Math.min(150, Math.max(8, Math.exp(rng.normal(Math.log(38), 0.45)))),
      loyalty,
      endDay,
      fleet,
      churning,
    }),
  );

  // Visits before a resale belong to the seller.
  let lastVisitDay: number | null = null;
  let visits12 = 0;
  let spend2y = 0;
  for (const v of vehicles) {
    for (const visit of v.visits) {
      if (visit.day < v.acquiredDay) continue;
      if (lastVisitDay === null || visit.day > lastVisitDay) lastVisitDay = visit.day;
      if (visit.day > today - daysPerYear) visits12++;
      if (visit.day > today - 2 * daysPerYear) spend2y += visit.amountFen;
    }
  }
  const latestAcquired = acquired[acquired.length - 1]!;
  const lastActivity = Math.max(lastVisitDay ?? latestAcquired, latestAcquired);

  let stage: Stage;
  if (lastActivity < today - daysPerYear) stage = 'churned';
  else if (vehicles.length === 1 && latestAcquired >= today - 183) stage = 'new_owner';
  else if (
    (fleet && vehicles.length >= 8) ||
    (vehicles.length >= 2 && rng.chance(0.2)) ||
    (spend2y >= 2_000_000 && rng.chance(0.3))
  )
    stage = 'vip';
  else stage = 'owner';
  const baseGrade =
    stage === 'churned'
      ? 'normal'
      : stage === 'new_owner'
        ? 'potential'
        : (visits12 >= 3 && spend2y >= 600_000) || spend2y >= 1_200_000
          ? 'premium'
          : visits12 >= 1
            ? 'potential'
            : 'normal';

  const createdDay = Math.max(firstDay - 60, firstAcquired - (transfer ? rng.int(1, 20) : rng.int(3, 45)));
  const source = chooseSource(ctx, ownerSources, createdDay);
  const doNotContact = rng.chance(0.025);
  const first = vehicles[0]!;

  const interactions: DatedInteraction[] = [];
  if (!fleet && !transfer && rng.chance(0.5)) {
    const day = Math.max(createdDay, firstAcquired - rng.int(1, 20));
    interactions.push({ day, ...intentInteraction(rng, first.series.name, null) });
  }
  // A fleet's handover call covers the first delivery, not every car.
  for (const v of fleet ? vehicles.slice(0, 1) : vehicles) {
    const after = rng.chance(0.5) ? 3 : 7;
    if (v.seller || v.acquiredDay + after > lastDay || !rng.chance(0.6)) continue;
    const km = v.startKm + Math.round(v.kmPerDay * after);
    interactions.push({ day: v.acquiredDay + after, ...deliveryCall(after, km) });
  }
  const careTo = Math.min(lastDay, endDay + 30);
  if (firstAcquired + 10 <= careTo) {
    for (let i = rng.int(0, 3); i > 0; i--) {
      const day = rng.int(firstAcquired + 10, careTo);
      const text = fleet
        ? fleetInteraction(rng, vehicles.length)
        : ownerInteraction(rng, {
            series: first.series.name,
            insuranceDate: isoDay(nextAnniversary(first.deliveryDay, day)),
          });
      interactions.push({ day, ...text });
    }
  }
  if (stage === 'churned' && lastActivity + daysPerYear + 1 <= lastDay) {
    for (let i = rng.int(1, 2); i > 0; i--) {
      interactions.push({ day: rng.int(lastActivity + daysPerYear + 1, lastDay), ...churnInteraction(rng) });
    }
  }

  const tags: string[] = [];
  if (stage === 'vip') tags.push('VIP');
  if (fleet) tags.push('车队');
  if (source.sourceChannel === 'referral') tags.push('老客户推荐');
  if (rideHail) tags.push('网约车');
  const age = identity.birthDay === null ? 0 : (today - identity.birthDay) / 365.25;
  if (age >= 28 && age <= 45 && rng.chance(0.1)) tags.push('二胎家庭');

  const draft: CustomerDraft = {
    id,
    identity,
    ...source,
    stage,
    leadGrade: null,
    baseGrade,
    purchaseNeed: null,
    budgetFen: null,
    currentCar: null,
    outcomeReason: rng.chance(0.3) ? rng.pick(wonReasons) : null,
    lostReasonCategory: null,
    doNotContact,
    lastVisitDay,
    createdDay,
    touchedDay: Math.max(lastActivity, createdDay),
    tags,
    consents: ownerConsents(ctx, transfer ? firstAcquired : first.deliveryDay, doNotContact),
    interactions,
  };
  writeCustomer(ctx, draft);
  for (const v of vehicles) writeVehicle(ctx, id, v);

  ctx.referrers.push({ id, since: firstAcquired });
  if (!fleet && (stage === 'owner' || stage === 'vip')) ctx.sellers.push({ id, since: firstAcquired });
}

interface VehicleOptions {
  acquiredDay: number;
  seller: Transfer | null;
  kmPerDay: number;
  loyalty: number;
  endDay: number;
  fleet: boolean;
  churning: boolean;
}

function draftVehicle(ctx: DemoContext, o: VehicleOptions): VehicleDraft {
  const { rng, today, lastDay } = ctx;
  const deliveryDay = o.seller ? o.seller.deliveryDay : o.acquiredDay;
  // Cars handed over from September on are sold as next year's model.
  const modelYear = yearOf(deliveryDay) + (monthOf(deliveryDay) >= 9 ? 1 : 0);
  const series = rng.weighted(seriesTableFor(modelYear));
  const [min, max] = series.priceYuan;
  const startKm = rng.int(5, 40);

  // Most active owners renew here, so the expiry on file is the coming one; others show the last one known.
  const coming = nextAnniversary(deliveryDay, today - 20);
  const renewedHere = !o.churning && rng.chance(0.7);
  const insuranceDay = renewedHere || coming <= addYears(deliveryDay, 1) ? coming : addYears(coming, -1);

  const electric = series.energy === 'electric';
  const vw = series.wmi === 'LSV' || series.wmi === 'LFV';
  const visits = planServiceHistory(rng, {
    deliveryDay,
    startKm,
    kmPerDay: o.kmPerDay,
    intervalKm: electric ? 10_000 : vw ? 7_500 : 5_000,
    intervalDays: electric ? 365 : 180,
    energy: series.energy,
    priceYuan: (min + max) / 2,
    loyalty: o.loyalty,
    endDay: o.endDay,
    advisors: serviceAdvisors,
  });

  return {
    series,
    model: `${modelYear}款 ${rng.pick(series.trims)}`,
    color: rng.weighted(colors),
    vin: ctx.vins.next(series, modelYear),
    // Plates take a week or two after delivery.
    plate: deliveryDay > lastDay - 10 && rng.chance(0.5) ? null : ctx.plates.next(series),
    deliveryDay,
    acquiredDay: o.acquiredDay,
    seller: o.seller,
    priceFen: Math.round(rng.int(min, max) / 100) * 100 * 100,
    finance: rng.weighted(o.fleet ? fleetFinance : privateFinance),
    insuranceDay,
    startKm,
    kmPerDay: o.kmPerDay,
    visits,
  };
}

/** The first anniversary of `day` that is not before `notBefore`: insurance runs a year at a time. */
function nextAnniversary(day: number, notBefore: number): number {
  let years = 1;
  while (addYears(day, years) < notBefore) years++;
  return addYears(day, years);
}

function writeVehicle(ctx: DemoContext, ownerId: number, v: VehicleDraft): void {
  const { ins, rng } = ctx;
  const id = ctx.nextVehicleId++;
  const last = v.visits[v.visits.length - 1];
  const createdAt = timestamp(v.deliveryDay, businessMinute(rng));
  ins.vehicle.run(
    id,
    v.vin,
    [...v.vin].reverse().join(''),
    v.plate,
    v.series.brand,
    v.series.name,
    v.model,
    v.color,
    v.series.energy,
    isoDay(v.deliveryDay),
    v.priceFen,
    last ? last.km : v.startKm,
    isoDay(last ? last.day : v.deliveryDay),
    isoDay(v.insuranceDay),
    v.finance,
    ownerId,
    createdAt,
    last ? timestamp(last.day, businessMinute(rng)) : createdAt,
  );
  if (v.seller) {
    ins.ownership.run(id, v.seller.sellerId, isoDay(v.deliveryDay), isoDay(v.acquiredDay));
    ctx.sellersUsed.add(v.seller.sellerId);
  }
  ins.ownership.run(id, ownerId, isoDay(v.acquiredDay), null);
  for (const visit of v.visits) {
    const customerId = v.seller && visit.day < v.acquiredDay ? v.seller.sellerId : ownerId;
    ins.visit.run(
      id,
      customerId,
      isoDay(visit.day),
      visit.type,
      visit.km,
      visit.amountFen,
      visit.advisor,
      visit.notes,
    );
  }
  ctx.counts.vehicles++;
  ctx.counts.serviceVisits += v.visits.length;
}
