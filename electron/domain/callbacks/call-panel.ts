import type Database from 'better-sqlite3';
import type { CallbackOutcome, CallbackRuleCode, CallPanel } from '../../contract/callbacks';
import { callbackOutcomeMeta } from '../../contract/callbacks';
import type { ComplaintCategory, ComplaintGrade, ComplaintState } from '../../contract/complaint-terms';
import { complaintCategoryLabels, complaintStateLabels } from '../../contract/complaint-terms';
import { AppError } from '../../contract/errors';
import { localDate } from '../clock';
import type { ServiceContext } from '../context';
import { eventCallInfo, isEventRule } from '../events/event-calls';
import { expiringFor } from '../loyalty/expiry';
import { loadLoyaltySettings } from '../loyalty/loyalty-settings';
import { loadCustomerFacts } from './facts';
import { daysBetween } from './dates';
import { defaultKmPerDay, loadRules } from './rule-config';
import { genderTitle, salutation } from '../../common/salutation';
import { chineseDate, renderScript } from './script';
import { loadStoreSettings } from '../settings/settings-service';
import { stmt } from './statements';
import { estimatedMileage, ownedVehicles } from './vehicle-usage';

interface TaskRow {
  id: number;
  customer_id: number;
  vehicle_id: number | null;
  service_visit_id: number | null;
  rule_code: CallbackRuleCode;
  anchor_date: string;
  due_date: string;
  expires_on: string;
  priority: number;
  attempts: number;
  last_outcome: CallbackOutcome | null;
  notes: string | null;
  claim_expires_at: string | null;
}

interface VehicleRow {
  id: number;
  plate: string | null;
  brand: string;
  series: string;
  model: string | null;
  deliveryDate: string | null;
  mileageKm: number | null;
  insuranceExpiry: string | null;
}

interface VisitRow {
  id: number;
  vehicleId: number;
  visitDate: string;
  type: string;
  mileageKm: number;
  advisor: string | null;
  plate: string | null;
}

const csiKindOf: Partial<Record<CallbackRuleCode, 'service' | 'sales'>> = {
  service_csi: 'service',
  sales_csi: 'sales',
};

const vehicleColumns = `id, plate, brand, series, model, delivery_date as deliveryDate, mileage_km as mileageKm,
  insurance_expiry as insuranceExpiry`;
const visitColumns = `sv.id, sv.vehicle_id as vehicleId, sv.visit_date as visitDate, sv.type, sv.mileage_km as mileageKm,
  sv.advisor, v.plate`;

/**
 * What the operator sees for one call: the card summary, every reason (task) with its script filled in for this
 * customer and car, the CSI surveys that apply, and the earlier calls.
 */
export function buildCallPanel(ctx: ServiceContext, taskIds: readonly number[], resumed: boolean): CallPanel {
  const sqlite = ctx.db.$client;
  const tasks = stmt(
    sqlite,
    `select id, customer_id, vehicle_id, service_visit_id, rule_code, anchor_date, due_date, expires_on, priority,
       attempts, last_outcome, notes, claim_expires_at
     from callback_tasks where id in (select value from json_each(?)) order by priority, due_date, id`,
  ).all(JSON.stringify(taskIds)) as TaskRow[];
  const first = tasks[0];
  if (!first) throw new AppError('not_found', '回访任务不存在');
  const customerId = first.customer_id;
  const customer = stmt(
    sqlite,
    `select id, name, gender, mobile, mobile2, stage, birthday, do_not_contact as dnc, is_company as company,
       contact_person as contactPerson, contact_title as contactTitle from customers where id = ?`,
  ).get(customerId) as Omit<CallPanel['customer'], 'title' | 'doNotContact' | 'isCompany' | 'salutation'> & {
    dnc: number;
    company: number;
  };
  const greeting = salutation({ ...customer, isCompany: customer.company === 1 });

  const rules = loadRules(sqlite);
  const { storeName } = loadStoreSettings(sqlite);
  const today = localDate(ctx.clock());
  const facts = loadCustomerFacts(sqlite, customerId, today);
  const usage = new Map(
    (facts ? ownedVehicles(facts, defaultKmPerDay(rules)) : []).map((u) => [u.vehicleId, u]),
  );
  const vehicles = stmt(sqlite, `select ${vehicleColumns} from vehicles where owner_id = ? order by id`).all(
    customerId,
  ) as VehicleRow[];
  const vehicleById = new Map(vehicles.map((v) => [v.id, v]));
  const vehicleOf = (id: number | null): VehicleRow | undefined => {
    if (id === null) return vehicles[0];
    let v = vehicleById.get(id);
    if (!v) {
      // A CSI call about a car the customer has since sold is still about that car.
      v = stmt(sqlite, `select ${vehicleColumns} from vehicles where id = ?`).get(id) as
        VehicleRow | undefined;
      if (v) vehicleById.set(id, v);
    }
    return v;
  };
  const mileageOf = (v: VehicleRow | undefined) => {
    const u = v ? usage.get(v.id) : undefined;
    return u ? estimatedMileage(u, today) : (v?.mileageKm ?? null);
  };

  const visitById = stmt(
    sqlite,
    `select ${visitColumns} from service_visits sv join vehicles v on v.id = sv.vehicle_id where sv.id = ?`,
  );
  const lastVisitOf = stmt(
    sqlite,
    `select ${visitColumns} from service_visits sv join vehicles v on v.id = sv.vehicle_id
     where sv.customer_id = @customerId and (@vehicleId is null or sv.vehicle_id = @vehicleId)
     order by sv.visit_date desc, sv.id desc limit 1`,
  );
  const lastVisits = stmt(
    sqlite,
    `select ${visitColumns} from service_visits sv join vehicles v on v.id = sv.vehicle_id
     where sv.customer_id = ? order by sv.visit_date desc, sv.id desc limit 3`,
  ).all(customerId) as VisitRow[];

  const closedTicket = stmt(
    sqlite,
    `select id, ticket_no as ticketNo, coalesce(resolution_summary, '') as resolutionSummary from complaint_tickets
     where closure_task_id = ? order by closed_at desc limit 1`,
  );
  const closedTicketOf = (taskId: number) =>
    (closedTicket.get(taskId) as { id: number; ticketNo: string; resolutionSummary: string } | undefined) ??
    null;

  // A points-expiry call reads the points as they are now (some may have been spent since the call was made).
  const pointsOf = (t: TaskRow) => {
    const live = expiringFor(sqlite, customerId, today, loyaltyNoticeDays(sqlite, today, t.anchor_date));
    return {
      points: live ? live.points.toLocaleString('zh-CN') : '部分',
      expiryDate: chineseDate(t.anchor_date) ?? t.anchor_date,
    };
  };

  const reasons = tasks.map((t) => {
    const rule = rules.get(t.rule_code);
    const vehicle = vehicleOf(t.vehicle_id);
    const visit = (
      t.service_visit_id !== null
        ? visitById.get(t.service_visit_id)
        : lastVisitOf.get({ customerId, vehicleId: vehicle?.id ?? null })
    ) as VisitRow | undefined;
    const event = isEventRule(t.rule_code) ? eventCallInfo(sqlite, t.id, today) : null;
    return {
      taskId: t.id,
      ruleCode: t.rule_code,
      ruleName: rule?.name ?? t.rule_code,
      priority: t.priority,
      anchorDate: t.anchor_date,
      dueDate: t.due_date,
      expiresOn: t.expires_on,
      attempts: t.attempts,
      maxAttempts: rule?.maxAttempts ?? 1,
      lastOutcome: t.last_outcome,
      vehicleId: t.vehicle_id,
      script: renderScript(event?.ownScript ?? rule?.script ?? '', {
        name: customer.name,
        title: genderTitle(customer.gender),
        salutation: greeting,
        model: vehicle ? vehicle.series || vehicle.model : null,
        plate: vehicle?.plate ?? null,
        mileage: mileageOf(vehicle),
        deliveryDate: vehicle ? (usage.get(vehicle.id)?.acquiredDate ?? vehicle.deliveryDate) : null,
        visitDate: visit?.visitDate ?? null,
        advisor: visit?.advisor ?? null,
        store: storeName,
        event: event?.script ?? null,
        points: t.rule_code === 'points_expiry' ? pointsOf(t) : null,
      }),
      csiKind: csiKindOf[t.rule_code] ?? null,
      complaint: t.rule_code === 'complaint_closure' ? closedTicketOf(t.id) : null,
      event: event?.panel ?? null,
      notes: t.notes,
    };
  });

  const openComplaints = openComplaintsOf(sqlite, customerId);
  const calls = stmt(
    sqlite,
    `select a.id, a.ended_at as endedAt, a.outcome, a.notes, u.display_name as userName, a.undone_at as undoneAt,
       a.undo_reason as undoReason, ub.display_name as undoneByName,
       (select json_group_array(coalesce(r.name, t.rule_code)) from json_each(a.task_ids) j
          join callback_tasks t on t.id = j.value left join callback_rules r on r.code = t.rule_code) as reasons
     from callback_attempts a left join users u on u.id = a.user_id left join users ub on ub.id = a.undone_by
     where a.customer_id = ? order by a.ended_at desc, a.id desc limit 10`,
  ).all(customerId) as {
    id: number;
    endedAt: string;
    outcome: CallbackOutcome;
    notes: string | null;
    userName: string | null;
    reasons: string;
    undoneAt: string | null;
    undoReason: string | null;
    undoneByName: string | null;
  }[];

  return {
    claimExpiresAt: tasks.reduce(
      (m, t) => (t.claim_expires_at && t.claim_expires_at > m ? t.claim_expires_at : m),
      '',
    ),
    resumed,
    customer: {
      id: customer.id,
      name: customer.name,
      gender: customer.gender,
      title: genderTitle(customer.gender),
      salutation: greeting,
      isCompany: customer.company === 1,
      contactPerson: customer.contactPerson,
      contactTitle: customer.contactTitle,
      mobile: customer.mobile,
      mobile2: customer.mobile2,
      stage: customer.stage,
      birthday: customer.birthday,
      doNotContact: customer.dnc === 1,
    },
    vehicles: vehicles.map((v) => ({ ...v, estimatedMileageKm: mileageOf(v) })),
    lastVisits,
    openComplaints,
    complaintsNote: openComplaints.length ? null : '该客户暂无未结投诉',
    previousCalls: calls.map((c) => ({
      id: c.id,
      endedAt: c.endedAt,
      outcome: c.outcome,
      outcomeLabel: callbackOutcomeMeta[c.outcome].label,
      userName: c.userName,
      reasons: JSON.parse(c.reasons) as string[],
      notes: c.notes,
      undone: c.undoneAt ? { at: c.undoneAt, userName: c.undoneByName, reason: c.undoReason ?? '' } : null,
    })),
    reasons,
    csiKinds: [...new Set(reasons.map((r) => r.csiKind).filter((k): k is 'service' | 'sales' => k !== null))],
  };
}

/** The customer's open complaint tickets, for the operator to know before speaking (most urgent first). */
function openComplaintsOf(sqlite: Database.Database, customerId: number): { id: number; summary: string }[] {
  const rows = stmt(
    sqlite,
    `select id, ticket_no as ticketNo, grade, state, category, description from complaint_tickets
     where customer_id = ? and state != 'closed' order by next_due_at is null, next_due_at limit 5`,
  ).all(customerId) as {
    id: number;
    ticketNo: string;
    grade: ComplaintGrade;
    state: ComplaintState;
    category: ComplaintCategory;
    description: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    summary: `${r.ticketNo} ${r.grade} 级 ${complaintCategoryLabels[r.category]}（${complaintStateLabels[r.state]}）：${r.description.slice(0, 60)}`,
  }));
}

/** Days from today to past the call's expiry date, at least the store's notice window. */
function loyaltyNoticeDays(sqlite: Database.Database, today: string, lastDay: string): number {
  const notice = loadLoyaltySettings(sqlite).expiringNoticeDays;
  return Math.max(notice, daysBetween(today, lastDay) + 1);
}
