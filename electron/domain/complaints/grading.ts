import type Database from 'better-sqlite3';
import type { GradeRuleValue } from '../../contract/complaint-settings';
import type {
  ComplaintCategory,
  ComplaintChannel,
  ComplaintGrade,
  ComplaintState,
  GradeFact,
  StatedGradeFact,
} from '../../contract/complaint-terms';
import { gradeFactLabels, gradeFacts, gradeSeverity } from '../../contract/complaint-terms';
import { storeDate } from '../clock';
import { threeGuaranteeForVehicle } from '../vehicles/three-guarantee-watch';

export type GradeFacts = Record<GradeFact, boolean>;

export interface GradeReason {
  fact: GradeFact;
  grade: ComplaintGrade;
  label: string;
}

/**
 * The facts a ticket is graded on: what staff ticked, the 12315/regulator channel, whether the vehicle is at a
 * 三包 legal line, whether it repeats an earlier complaint and whether the customer is a VIP.
 */
export function gradeFactsOf(
  stated: Record<StatedGradeFact, boolean>,
  channel: ComplaintChannel,
  found: { repeat: boolean; vip: boolean; threeGuarantee: boolean },
): GradeFacts {
  return {
    safety_fault: stated.safety_fault,
    media_exposure: stated.media_exposure || channel === 'online',
    regulator: stated.regulator || channel === 'regulator',
    refund_or_replacement: stated.refund_or_replacement,
    three_guarantee: found.threeGuarantee,
    repeat: found.repeat,
    vip: found.vip,
    concrete_loss: stated.concrete_loss,
  };
}

/**
 * The suggestion from the rules in Settings: the most severe grade any true fact gives (a rule set to 'off'
 * gives none), C when none does; with each fact that counted, most severe first.
 */
export function suggestGrade(
  facts: GradeFacts,
  rules: Record<GradeFact, GradeRuleValue>,
): { grade: ComplaintGrade; reasons: GradeReason[] } {
  const reasons: GradeReason[] = [];
  for (const fact of gradeFacts) {
    const rule = rules[fact];
    if (!facts[fact] || rule === 'off') continue;
    reasons.push({ fact, grade: rule, label: gradeFactLabels[fact] });
  }
  reasons.sort((a, b) => gradeSeverity[b.grade] - gradeSeverity[a.grade]);
  return { grade: reasons[0]?.grade ?? 'C', reasons };
}

/** The vehicle's 三包 watch is at a legal line (level alert) on the store date the complaint was received. */
export function atThreeGuaranteeLine(
  sqlite: Database.Database,
  vehicleId: number | null,
  receivedAt: string,
): boolean {
  if (vehicleId === null) return false;
  return threeGuaranteeForVehicle(sqlite, vehicleId, storeDate(new Date(receivedAt)))?.level === 'alert';
}

export interface RepeatMatch {
  id: number;
  ticketNo: string;
  receivedAt: string;
  category: ComplaintCategory;
  state: ComplaintState;
}

/**
 * The latest earlier ticket this one repeats: the same customer, or the same vehicle (VIN) with the same
 * category, received within the window before `receivedAt`. Both are index lookups.
 */
export function findRepeat(
  sqlite: Database.Database,
  q: {
    customerId: number;
    vehicleId: number | null;
    category: string;
    receivedAt: string;
    windowDays: number;
    excludeId?: number;
  },
): RepeatMatch | null {
  const since = new Date(Date.parse(q.receivedAt) - q.windowDays * 86_400_000).toISOString();
  const row = sqlite
    .prepare(
      `select id, ticket_no as ticketNo, received_at as receivedAt, category, state from (
         select id, ticket_no, received_at, category, state from complaint_tickets
           where customer_id = @customerId and received_at >= @since and received_at <= @until and id != @exclude
         union all
         select id, ticket_no, received_at, category, state from complaint_tickets
           where @vehicleId is not null and vehicle_id = @vehicleId and category = @category
             and received_at >= @since and received_at <= @until and id != @exclude
       ) order by received_at desc, id desc limit 1`,
    )
    .get({
      customerId: q.customerId,
      vehicleId: q.vehicleId,
      category: q.category,
      since,
      until: q.receivedAt,
      exclude: q.excludeId ?? 0,
    }) as RepeatMatch | undefined;
  return row ?? null;
}
