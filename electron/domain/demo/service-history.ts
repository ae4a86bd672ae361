import type { Energy } from './catalog';
import type { Rng } from './rng';
import { visitNotes } from './texts';

export type VisitType =
  'first_maintenance' | 'maintenance' | 'repair' | 'body_insurance' | 'detailing' | 'recall';

export interface PlannedVisit {
  day: number;
  type: VisitType;
  km: number;
  amountFen: number;
  advisor: string;
  notes: string | null;
}

export interface UsageProfile {
  deliveryDay: number;
  /** Odometer at handover. */
  startKm: number;
  kmPerDay: number;
  /** The maker's interval: whichever of distance and time comes first. */
  intervalKm: number;
  intervalDays: number;
  energy: Energy;
  priceYuan: number;
  /** Share of due services the owner brings to this store rather than a quick-fit shop. */
  loyalty: number;
  /** No visits after this day (churn, or yesterday). */
  endDay: number;
  advisors: readonly string[];
}

/** Chance, per maintenance interval, of a visit for something else in between. */
const extraChances: readonly (readonly [VisitType, number])[] = [
  ['repair', 0.14],
  ['body_insurance', 0.08],
  ['detailing', 0.07],
];

/**
 * A vehicle's visits from delivery to `endDay`: first service at 3 months or 3000 km, then maintenance at the
 * maker's interval as the owner's driving wears it down, with repairs, bodywork and detailing in between.
 * Mileage follows the vehicle's own km/day, so it always rises from one visit to the next.
 */
export function planServiceHistory(rng: Rng, u: UsageProfile): PlannedVisit[] {
  const visits: PlannedVisit[] = [];
  let lastDay = u.deliveryDay;
  let lastKm = u.startKm;
  let maintenanceCount = 0;
  const recallDay = rng.chance(0.05) ? u.deliveryDay + rng.int(200, 1500) : -1;
  const primaryAdvisor = rng.pick(u.advisors);

  const add = (day: number, type: VisitType): void => {
    if (day <= lastDay || day > u.endDay) return;
    const km = lastKm + Math.max(1, Math.round(u.kmPerDay * (day - lastDay) * rng.real(0.85, 1.15)));
    if (type === 'maintenance') maintenanceCount++;
    visits.push({
      day,
      type,
      km,
      amountFen: amountFen(rng, type, u, maintenanceCount),
      advisor: rng.chance(0.8) ? primaryAdvisor : rng.pick(u.advisors),
      notes: rng.chance(0.5) ? noteFor(rng, type, u.energy) : null,
    });
    lastDay = day;
    lastKm = km;
  };

  const firstDue = Math.min(90, Math.ceil(3000 / u.kmPerDay));
  let serviceDay = u.deliveryDay + Math.max(20, Math.round(firstDue * rng.real(0.8, 1.25)));
  if (rng.chance(Math.min(0.97, u.loyalty + 0.15))) add(serviceDay, 'first_maintenance');

  while (serviceDay <= u.endDay) {
    const due = Math.min(u.intervalDays, u.intervalKm / u.kmPerDay);
    // Owners come late more often than early.
    const factor = Math.min(1.8, Math.max(0.75, rng.normal(1.05, 0.15)));
    const next = serviceDay + Math.max(14, Math.round(due * factor));
    const gap = next - serviceDay;
    const extras: [number, VisitType][] = [];
    for (const [type, p] of extraChances)
      if (gap > 2 && rng.chance(p)) extras.push([serviceDay + rng.int(1, gap - 1), type]);
    if (recallDay > serviceDay && recallDay < next) extras.push([recallDay, 'recall']);
    extras.sort((a, b) => a[0] - b[0]);
    for (const [day, type] of extras) add(day, type);
    if (rng.chance(u.loyalty)) add(next, 'maintenance');
    serviceDay = next;
  }
  return visits;
}

function yuan(n: number): number {
  // Invoices are in whole yuan; the database keeps fen.
  return Math.round(n) * 100;
}

function amountFen(rng: Rng, type: VisitType, u: UsageProfile, maintenanceCount: number): number {
  switch (type) {
    case 'first_maintenance':
      return rng.chance(0.6) ? 0 : yuan(rng.int(150, 400));
    case 'maintenance': {
      if (u.energy === 'electric') return yuan(rng.int(200, 600));
      const base = 300 + u.priceYuan / 800;
      // Every third service is the big one (spark plugs, brake fluid, filters).
      return maintenanceCount % 3 === 0 ? yuan(base * rng.real(2.2, 3.5)) : yuan(base * rng.real(0.85, 1.3));
    }
    case 'repair':
      return yuan(Math.min(20_000, Math.exp(rng.normal(Math.log(900), 0.9))));
    case 'body_insurance':
      return yuan(Math.min(60_000, Math.exp(rng.normal(Math.log(3500), 0.8))));
    case 'detailing':
      return yuan(rng.int(100, 800));
    case 'recall':
      return 0;
  }
}

function noteFor(rng: Rng, type: VisitType, energy: Energy): string {
  if (type === 'maintenance' && energy === 'electric') return rng.pick(visitNotes.electricMaintenance);
  return rng.pick(visitNotes[type]);
}
