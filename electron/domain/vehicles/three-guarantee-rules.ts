import type {
  RepairSystem,
  ThreeGuaranteeLine,
  ThreeGuaranteeSettings,
  ThreeGuaranteeWatch,
  WatchLevel,
  WatchLineResult,
  WatchRepair,
} from '../../contract/three-guarantee';
import {
  loanCarAfterDays,
  loanCarReminderDays,
  mainPartSystems,
  repairSystemLabels,
  threeGuaranteeLines,
} from '../../contract/three-guarantee';
import type { WarrantyTerms } from '../customers/customer-rules/warranty-state';
import { addDays, addMonths, daysBetween } from '../customers/customer-rules/rule-dates';

/**
 * The 三包 watch over one VIN: pure, over the facts the reader loads (three-guarantee-watch.ts). Rules, with
 * the articles of 家用汽车产品修理更换退货责任规定 (2021 text, in force 2022):
 *
 * - Period (第十八条): from delivery (the invoice date when it is the same day; we keep the delivery date) for
 *   `periodYears` or `periodKm`, whichever comes first. A repair is inside when it came in before the date end
 *   and its own odometer reading is within the limit. The period has ended by km when the latest reading known
 *   (the vehicle's, kept current by visits) is above the limit.
 * - Repair days (第四十条): a single repair runs from intake to completion, every begun 24 hours a day. Visits keep
 *   dates, not times, so in and out day both count (out − in + 1): exact when the car leaves later in the day
 *   than it came, one day over otherwise, never under, so the watch errs early. A car still in the workshop
 *   counts up to today. Transport of special parts and rescue travel (第二十四条第三款) are not recorded and
 *   are not deducted.
 * - Same problem (第二十四条第一款第（四）项 同一质量问题): the regulation means the same fault of the same part.
 *   Free-text fault descriptions cannot be matched reliably ("异响" and "有异响" are one fault, two faults of the
 *   electrical system are not), so the practical rule is the same system concerned. It may count two different
 *   faults of one system together; it never misses a repeat, and the card lists each repair's fault text so
 *   staff judge before a customer does.
 * - Same main part (第二十四条第一款第（二）（三）项): replacements of the same part name within the same system,
 *   for the ten systems the article names; names compare without case, width, spaces and a trailing 总成.
 * - Serious safety (第二十四条第一款第（一）项; 第四十条 defines the fault): repairs marked as such.
 * - Warning at the store's lines before the legal ones, alert at the legal line. After the period a warning
 *   no longer matters and is dropped; an alert stays (the right arose inside the period).
 * - Loan car (第二十一条): a single repair over 5 days inside the maker's warranty (包修期) needs a loan car or
 *   a transport allowance from day 6, reminded while the car is in and for a while after it left.
 */

export interface RepairFact {
  visitId: number;
  type: 'repair' | 'recall';
  inDate: string;
  outDate: string | null;
  mileageKm: number;
  system: RepairSystem;
  mainPartReplaced: boolean;
  mainPart: string | null;
  seriousSafety: boolean;
  faultText: string | null;
}

export interface WatchFacts {
  today: string;
  deliveryDate: string | null;
  latestKm: number | null;
  latestKmAt: string | null;
  /** First day a reading above the period's km limit was recorded, if any. */
  kmPassedOn: string | null;
  /** Quality repairs on or after delivery, oldest first. */
  repairs: readonly RepairFact[];
  settings: ThreeGuaranteeSettings;
  warranty: WarrantyTerms;
}

/** One repair's days in the workshop: in and out day both count; still in, up to today. */
export function repairDays(inDate: string, outDate: string | null, today: string): number {
  const end = outDate ?? (today > inDate ? today : inDate);
  return Math.max(1, daysBetween(inDate, end) + 1);
}

/** Part names as staff type them, compared: width, case, spaces and punctuation, a trailing 总成. */
export function partKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s·・.,，。、\-_/()（）]+/g, '')
    .replace(/总成$/, '');
}

/** The first day after the period by date. */
export function periodDateEnd(deliveryDate: string, s: ThreeGuaranteeSettings): string {
  return addMonths(deliveryDate, s.periodYears * 12);
}

function levelOf(count: number, warnAt: number, alertAt: number): WatchLevel {
  if (count >= alertAt) return 'alert';
  return count >= warnAt ? 'warning' : 'none';
}

const rank: Record<WatchLevel, number> = { none: 0, warning: 1, alert: 2 };
const higher = (a: WatchLevel, b: WatchLevel): WatchLevel => (rank[a] >= rank[b] ? a : b);

interface Group {
  key: string;
  label: string;
  visitIds: number[];
}

/** The largest group (ties: the one reached first, so the result does not depend on map order). */
function largest(groups: Map<string, Group>): Group | null {
  let best: Group | null = null;
  for (const g of groups.values()) if (!best || g.visitIds.length > best.visitIds.length) best = g;
  return best;
}

function line(
  key: ThreeGuaranteeLine,
  count: number,
  warnAt: number,
  group: string | null,
  visitIds: number[],
): WatchLineResult {
  const alertAt = threeGuaranteeLines[key].alertAt;
  return { line: key, level: levelOf(count, warnAt, alertAt), count, warnAt, alertAt, group, visitIds };
}

export function threeGuaranteeWatchOf(f: WatchFacts): ThreeGuaranteeWatch {
  const s = f.settings;
  const base = {
    kmLimit: s.periodKm,
    latestKm: f.latestKm,
    latestKmAt: f.latestKmAt,
  };
  if (!f.deliveryDate || f.deliveryDate > f.today) {
    return {
      level: 'none',
      period: { state: 'unknown', startsOn: f.deliveryDate, lastDay: null, ...base, kmPassedOn: null },
      repairDays: 0,
      lines: [],
      repairs: [],
      loanCar: null,
    };
  }
  const dateEnd = periodDateEnd(f.deliveryDate, s);
  const kmEnded = f.latestKm !== null && f.latestKm > s.periodKm;
  const kmPassedOn = kmEnded ? (f.kmPassedOn ?? f.latestKmAt) : null;
  const state =
    kmEnded && (kmPassedOn === null || kmPassedOn < dateEnd)
      ? 'ended_km'
      : f.today >= dateEnd
        ? 'ended_date'
        : 'active';
  const warrantyEnd = addMonths(f.deliveryDate, f.warranty.warrantyYears * 12);

  const repairs: WatchRepair[] = f.repairs.map((r) => {
    const days = repairDays(r.inDate, r.outDate, f.today);
    const inWarranty = r.inDate < warrantyEnd && r.mileageKm <= f.warranty.warrantyKm;
    return {
      visitId: r.visitId,
      inDate: r.inDate,
      outDate: r.outDate,
      days,
      type: r.type,
      system: r.system,
      mainPart: r.mainPartReplaced ? r.mainPart : null,
      seriousSafety: r.seriousSafety,
      faultText: r.faultText,
      mileageKm: r.mileageKm,
      inPeriod: r.inDate >= f.deliveryDate! && r.inDate < dateEnd && r.mileageKm <= s.periodKm,
      overLoanDays: inWarranty && days > loanCarAfterDays,
    };
  });
  const counted = repairs.filter((r) => r.inPeriod);
  const facts = new Map(f.repairs.map((r) => [r.visitId, r]));

  const totalDays = counted.reduce((sum, r) => sum + r.days, 0);
  const bySystem = new Map<string, Group>();
  const byPart = new Map<string, Group>();
  const safety: number[] = [];
  for (const r of counted) {
    const label = repairSystemLabels[r.system];
    const sys = bySystem.get(r.system) ?? { key: r.system, label, visitIds: [] };
    sys.visitIds.push(r.visitId);
    bySystem.set(r.system, sys);
    const fact = facts.get(r.visitId)!;
    if (fact.mainPartReplaced && fact.mainPart && mainPartSystems.includes(r.system)) {
      const key = `${r.system}:${partKey(fact.mainPart)}`;
      const part = byPart.get(key) ?? { key, label: `${label} · ${fact.mainPart}`, visitIds: [] };
      part.visitIds.push(r.visitId);
      byPart.set(key, part);
    }
    if (r.seriousSafety) safety.push(r.visitId);
  }
  const problem = largest(bySystem);
  const part = largest(byPart);
  const lines = [
    line(
      'repairDays',
      totalDays,
      s.warnRepairDays,
      null,
      counted.map((r) => r.visitId),
    ),
    line('sameProblem', problem?.visitIds.length ?? 0, s.warnSameProblem, problem?.label ?? null, [
      ...(problem?.visitIds ?? []),
    ]),
    line('samePart', part?.visitIds.length ?? 0, s.warnSamePart, part?.label ?? null, [
      ...(part?.visitIds ?? []),
    ]),
    line('safety', safety.length, s.warnSafety, null, safety),
  ];
  let level = lines.reduce<WatchLevel>((l, x) => higher(l, x.level), 'none');
  if (state !== 'active' && level === 'warning') level = 'none';

  // The latest long repair: still in, or finished lately (staff check the allowance was settled).
  const recentFrom = addDays(f.today, -loanCarReminderDays);
  const long = [...repairs]
    .reverse()
    .find((r) => r.overLoanDays && (r.outDate === null || r.outDate >= recentFrom));

  return {
    level,
    period: { state, startsOn: f.deliveryDate, lastDay: addDays(dateEnd, -1), ...base, kmPassedOn },
    repairDays: totalDays,
    lines,
    repairs,
    loanCar: long
      ? {
          visitId: long.visitId,
          inDate: long.inDate,
          outDate: long.outDate,
          days: long.days,
          dueFrom: addDays(long.inDate, loanCarAfterDays),
        }
      : null,
  };
}
