import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { csiInput } from '../../contract/callbacks';
import { storeDateTimeLabel } from '../clock';
import { addDays } from './dates';
import type { RuleSet } from './rule-config';
import { stmt } from './statements';

type CsiAnswers = z.output<typeof csiInput>;

const overallLabels = { satisfied: '满意', neutral: '一般', dissatisfied: '不满意' } as const;
const kindLabels = { service: '售后', sales: '销售' } as const;

/** NPS 0–6 is a detractor (NPS = promoters 9–10 minus detractors 0–6). */
export const detractorMax = 6;

export function csiSummary(csi: CsiAnswers): string {
  const nps = csi.nps === null || csi.nps === undefined ? '' : `，NPS ${csi.nps}`;
  return `${kindLabels[csi.kind]}满意度：${overallLabels[csi.overall]}${nps}`;
}

export function recordCsiSurvey(
  sqlite: Database.Database,
  a: { customerId: number; taskId: number; attemptId: number; userId: number; at: string; csi: CsiAnswers },
): number {
  const c = a.csi;
  return Number(
    stmt(
      sqlite,
      `insert into csi_surveys (customer_id, task_id, attempt_id, kind, overall, nps, advisor_score, quality_score,
         timeliness_score, price_score, facility_score, notes, surveyed_at, user_id)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      a.customerId,
      a.taskId,
      a.attemptId,
      c.kind,
      c.overall,
      c.nps ?? null,
      c.advisorScore ?? null,
      c.qualityScore ?? null,
      c.timelinessScore ?? null,
      c.priceScore ?? null,
      c.facilityScore ?? null,
      c.notes ?? null,
      a.at,
      a.userId,
    ).lastInsertRowid,
  );
}

/**
 * A dissatisfied answer or a detractor score becomes a task for the customer-relations manager (the first active
 * manager; unassigned when there is none), due today so it is worked within 24 hours, carrying what was said.
 * Returns its id, or null when the answer was fine or the rule is switched off.
 */
export function createCsiFollowUp(
  sqlite: Database.Database,
  f: {
    customerId: number;
    task: { vehicle_id: number | null; service_visit_id: number | null };
    csi: CsiAnswers;
    callNotes: string | null;
    today: string;
    now: string;
    rules: RuleSet;
  },
): number | null {
  const unhappy =
    f.csi.overall === 'dissatisfied' ||
    (f.csi.nps !== null && f.csi.nps !== undefined && f.csi.nps <= detractorMax);
  const rule = f.rules.get('dissatisfied_followup');
  if (!unhappy || !rule?.enabled) return null;
  const manager = stmt(
    sqlite,
    "select id from users where role = 'manager' and disabled = 0 order by id limit 1",
  )
    .pluck()
    .get() as number | undefined;
  const deadline = new Date(new Date(f.now).getTime() + 24 * 3_600_000);
  const notes = [
    `${csiSummary(f.csi)}。`,
    `客户意见：${f.csi.notes ?? '（未记录）'}`,
    f.callNotes ? `；通话备注：${f.callNotes}` : '',
    `。请于 ${storeDateTimeLabel(deadline)} 前跟进。`,
  ].join('');
  const inserted = stmt(
    sqlite,
    `insert or ignore into callback_tasks (customer_id, vehicle_id, service_visit_id, rule_code, anchor_date, due_date,
       expires_on, priority, status, assigned_user_id, notes, created_at, updated_at)
     values (@customerId, @vehicleId, @visitId, 'dissatisfied_followup', @today, @today, @expiresOn, @priority, 'open',
       @assignedUserId, @notes, @now, @now)`,
  ).run({
    customerId: f.customerId,
    vehicleId: f.task.vehicle_id,
    visitId: f.task.service_visit_id,
    today: f.today,
    expiresOn: addDays(f.today, rule.expiryDays),
    priority: rule.priority,
    assignedUserId: manager ?? null,
    notes,
    now: f.now,
  });
  if (inserted.changes > 0) return Number(inserted.lastInsertRowid);
  // A second unhappy answer the same day about the same car: one follow-up, with both notes.
  const existing = stmt(
    sqlite,
    `select id from callback_tasks where customer_id = ? and rule_code = 'dissatisfied_followup' and anchor_date = ?
       and coalesce(vehicle_id, 0) = coalesce(?, 0)`,
  )
    .pluck()
    .get(f.customerId, f.today, f.task.vehicle_id) as number;
  stmt(
    sqlite,
    `update callback_tasks set notes = coalesce(notes || char(10), '') || ?, updated_at = ? where id = ?`,
  ).run(notes, f.now, existing);
  return existing;
}
