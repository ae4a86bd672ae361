import type Database from 'better-sqlite3';
import type { WorkingCalendar } from '../../common/working-time';
import { isWorkingDate } from '../../common/working-days';
import type { ComplaintSettings } from '../../contract/complaint-settings';
import { complaintSettingsSchema } from '../../contract/complaint-settings';
import type {
  ClosureAnswer,
  ComplaintCategory,
  ComplaintChannel,
  ComplaintGrade,
  ComplaintState,
  PauseReason,
  RootCause,
  StatedGradeFact,
} from '../../contract/complaint-terms';
import {
  complaintCategoryLabels,
  complaintChannelLabels,
  complaintGradeLabels,
  rootCauseLabels,
} from '../../contract/complaint-terms';
import { storeTimeZone } from '../clock';
import { gradeFactsOf, suggestGrade } from '../complaints/grading';
import { budgetOf, meterOf, summarise, timersAt } from '../complaints/sla-timers';
import { isoDay, timestamp } from './calendar';
import {
  complaintDemands,
  complaintDescriptions,
  correctiveActions,
  resolutionSummaries,
} from './complaint-texts';
import type { Rng } from './rng';
import { weightedTable } from './rng';

/**
 * Six years of complaint tickets, about one per four customers (≈50,000 at scale L), more in recent years as the
 * store grew: realistic categories, channels and grades (by the default rules), repeats, pauses, solutions with
 * compensation, closure calls (some dissatisfied, reopened and closed again), reviews of A/B tickets, and the
 * last weeks' tickets still open — some warned or breached. Deadlines are the real engine's on the default
 * calendar. Written after the customers (its own random stream), in the generator's transaction.
 */

const categories = weightedTable<ComplaintCategory>([
  ['product_quality', 22],
  ['service_quality', 20],
  ['waiting_time', 12],
  ['price_charges', 12],
  ['staff_attitude', 10],
  ['sales_process', 9],
  ['parts_supply', 7],
  ['insurance_claim', 5],
  ['other', 3],
]);
const channels = weightedTable<ComplaintChannel>([
  ['phone', 30],
  ['walk_in', 22],
  ['callback', 14],
  ['wechat', 12],
  ['csi_followup', 8],
  ['manufacturer', 5],
  ['online', 4],
  ['regulator', 2],
  ['other', 3],
]);
const rootCauseOf: Record<ComplaintCategory, readonly RootCause[]> = {
  product_quality: ['manufacturing', 'product_design', 'diagnosis', 'customer_expectation'],
  sales_process: ['process', 'communication', 'staff_behaviour'],
  service_quality: ['repair_workmanship', 'diagnosis', 'process'],
  price_charges: ['pricing_policy', 'communication'],
  staff_attitude: ['staff_behaviour', 'communication'],
  waiting_time: ['process', 'parts_shortage'],
  parts_supply: ['parts_shortage', 'third_party'],
  insurance_claim: ['third_party', 'communication'],
  other: ['other', 'process'],
};
const closureAnswers = weightedTable<ClosureAnswer>([
  ['satisfied', 83],
  ['neutral', 9],
  ['dissatisfied', 8],
]);
const pauseReasons = weightedTable<PauseReason>([
  ['manufacturer_parts', 55],
  ['waiting_customer', 30],
  ['manufacturer_decision', 15],
]);
/** How much of a timer's budget the work took: mostly well within, some close to the line, a few over. */
const shareUsed = weightedTable<readonly [number, number]>([
  [[0.05, 0.5], 62],
  [[0.5, 0.75], 22],
  [[0.75, 1], 10],
  [[1, 1.8], 6],
]);

const minuteMs = 60_000;
const dayMs = 86_400_000;

interface Subject {
  customerId: number;
  vehicleId: number | null;
  vip: boolean;
}

interface Spec extends Subject {
  received: number;
  /** Taken in the evening (after closing): entered the next morning. */
  evening: boolean;
  /** Part of today's workload: still being worked on. */
  current: boolean;
  category: ComplaintCategory;
  channel: ComplaintChannel;
}

interface Statements {
  ticket: Database.Statement;
  event: Database.Statement;
  pause: Database.Statement;
  solution: Database.Statement;
  review: Database.Statement;
  interaction: Database.Statement;
  task: Database.Statement;
  linkTask: Database.Statement;
}

function prepare(sqlite: Database.Database): Statements {
  return {
    ticket: sqlite.prepare(
      `insert into complaint_tickets (ticket_no, customer_id, vehicle_id, channel, category, description, demand,
         received_at, facts, suggested_grade, grade, targets, grade_reason, repeat_of_id, is_repeat, department_id, state,
         resume_state, manufacturer_case_no, manufacturer_due_at, first_response_at, solution_agreed_at, closed_at,
         resolution_summary, root_cause, resolved_at_first_contact, reopen_count, closure_task_id, closure_answer,
         closure_answered_at, first_response_due_at, solution_due_at, close_due_at, first_response_breached,
         solution_breached, close_breached, manufacturer_breached, next_due_at, created_at, updated_at, version)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    event: sqlite.prepare(
      'insert into complaint_events (ticket_id, kind, at, note, data) values (?, ?, ?, ?, ?)',
    ),
    pause: sqlite.prepare(
      'insert into complaint_pauses (ticket_id, reason, note, started_at, ended_at) values (?, ?, ?, ?, ?)',
    ),
    solution: sqlite.prepare(
      `insert into complaint_solutions (ticket_id, proposal, goodwill_fen, labour_discount_fen, parts_discount_fen, gift,
         gift_value_fen, total_fen, state, needs_approval, proposed_at, approved_at, approval_note, answered_at)
       values (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    review: sqlite.prepare(
      `insert into complaint_reviews (ticket_id, root_cause, corrective_action, due_date, preventable, done_at,
         created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    interaction: sqlite.prepare(
      `insert into interactions (customer_id, kind, occurred_at, summary, ref_type, ref_id, created_at)
       values (?, ?, ?, ?, 'complaint_ticket', ?, ?)`,
    ),
    task: sqlite.prepare(
      `insert or ignore into callback_tasks (customer_id, vehicle_id, rule_code, anchor_date, due_date, expires_on,
         priority, status, attempts, last_outcome, notes, completed_at, created_at, updated_at)
       values (?, ?, 'complaint_closure', ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    linkTask: sqlite.prepare('update complaint_tickets set closure_task_id = ? where id = ?'),
  };
}

/** The next working day's date after `ms` (the closure call's due date). */
function nextWorkingDay(ms: number, cal: WorkingCalendar, dayOfMs: (ms: number) => number): number {
  let day = dayOfMs(ms) + 1;
  while (!isWorkingDate(isoDay(day), cal.closingDays)) day++;
  return day;
}

export function writeComplaintTickets(
  sqlite: Database.Database,
  rng: Rng,
  o: { today: number; now: Date; customers: number },
): { tickets: number; interactions: number } {
  const settings: ComplaintSettings = complaintSettingsSchema.parse({});
  const cal: WorkingCalendar = {
    zone: storeTimeZone(),
    hours: settings.workingHours,
    closingDays: new Set(),
  };
  const nowMs = o.now.getTime();
  const midnight0 = new Date(timestamp(o.today, 0)).getTime();
  const dayOfMs = (ms: number) => o.today + Math.floor((ms - midnight0) / dayMs);
  const departments = new Map(
    (sqlite.prepare('select id, code from departments').all() as { id: number; code: string }[]).map((d) => [
      d.code,
      d.id,
    ]),
  );
  const owned = sqlite
    .prepare(
      `select v.id as vehicleId, v.owner_id as customerId, c.stage = 'vip' as vip from vehicles v
       join customers c on c.id = v.owner_id order by v.id`,
    )
    .all() as { vehicleId: number; customerId: number; vip: number }[];
  const carless = sqlite
    .prepare(`select id as customerId from customers where stage in ('intent', 'lost') order by id`)
    .pluck()
    .all() as number[];
  if (owned.length === 0) return { tickets: 0, interactions: 0 };

  // Who complains, when and about what; then written in order of receipt, so ids follow time.
  const target = Math.max(1, Math.round(o.customers / 4));
  const span = 6 * 365;
  const specs: Spec[] = [];
  for (let i = 0; i < target; i++) {
    let day: number;
    do {
      // Density rising with time: the store grew over the six years.
      day = o.today - span + Math.floor(span * Math.sqrt(rng.next()));
    } while (!isWorkingDate(isoDay(day)) && rng.chance(0.6));
    const evening = rng.chance(0.08);
    const minute = evening ? rng.int(1080, 1320) : rng.int(510, 1080);
    const received = Math.min(new Date(timestamp(day, minute)).getTime(), nowMs - 30 * minuteMs);
    let subject: Subject;
    let category = rng.weighted(categories);
    const recent =
      specs.length > 0 && rng.chance(0.06)
        ? specs[specs.length - 1 - rng.int(0, Math.min(150, specs.length - 1))]
        : null;
    if (recent) {
      subject = { customerId: recent.customerId, vehicleId: recent.vehicleId, vip: recent.vip };
      if (rng.chance(0.6)) category = recent.category;
    } else if (category === 'sales_process' && carless.length > 0 && rng.chance(0.3)) {
      subject = { customerId: rng.pick(carless), vehicleId: null, vip: false };
    } else {
      const v = rng.pick(owned);
      subject = {
        customerId: v.customerId,
        vehicleId: rng.chance(0.9) ? v.vehicleId : null,
        vip: v.vip === 1,
      };
    }
    specs.push({ ...subject, received, evening, current: false, category, channel: rng.weighted(channels) });
  }
  // The current workload: the last two weeks' tickets, most of them still open.
  const recentCount = Math.max(25, Math.round(o.customers / 400));
  for (let i = 0; i < recentCount; i++) {
    // Mostly the last two or three days (on time); some older ones, overdue by now.
    const day = o.today - (rng.chance(0.8) ? rng.int(0, 2) : rng.int(3, 9));
    const received = Math.min(
      new Date(timestamp(day, rng.int(510, 1080))).getTime(),
      nowMs - rng.int(30, 240) * minuteMs,
    );
    const v = rng.pick(owned);
    specs.push({
      customerId: v.customerId,
      vehicleId: v.vehicleId,
      vip: v.vip === 1,
      received,
      evening: false,
      current: true,
      category: rng.weighted(categories),
      channel: rng.weighted(channels),
    });
  }
  specs.sort((a, b) => a.received - b.received);

  const st = prepare(sqlite);
  const lastByCustomer = new Map<number, { id: number; at: number }>();
  const lastByVehicle = new Map<string, { id: number; at: number }>();
  const seqByDay = new Map<number, number>();
  const windowMs = settings.repeatWindowDays * dayMs;
  let caseSeq = 0;
  let written = 0;
  let interactions = 0;
  const iso = (ms: number) => new Date(ms).toISOString();

  for (const s of specs) {
    const prevC = lastByCustomer.get(s.customerId);
    const vKey = s.vehicleId === null ? null : `${s.vehicleId}|${s.category}`;
    const prevV = vKey ? lastByVehicle.get(vKey) : undefined;
    const repeatOf = [prevC, prevV]
      .filter((p): p is { id: number; at: number } => p !== undefined && s.received - p.at <= windowMs)
      .sort((a, b) => b.at - a.at)[0];
    const stated: Record<StatedGradeFact, boolean> = {
      safety_fault: s.category === 'product_quality' ? rng.chance(0.12) : rng.chance(0.005),
      media_exposure: rng.chance(0.025),
      regulator: false,
      refund_or_replacement: s.category === 'product_quality' ? rng.chance(0.05) : rng.chance(0.005),
      concrete_loss: rng.chance(0.38),
    };
    const facts = gradeFactsOf(stated, s.channel, {
      repeat: repeatOf !== undefined,
      vip: s.vip,
      threeGuarantee: false,
    });
    const suggestion = suggestGrade(facts, settings.gradeRules);
    // A VIP's minor matter is often taken down a grade by the manager, with the reason on the ticket.
    const vipOnly = suggestion.reasons.length === 1 && suggestion.reasons[0]!.fact === 'vip';
    const lowered = vipOnly && rng.chance(0.5);
    const grade: ComplaintGrade = lowered ? (stated.concrete_loss ? 'B' : 'C') : suggestion.grade;
    const gradeReason = lowered ? 'VIP 客户的一般问题，经客服经理确认按常规等级处理' : null;
    const targets = settings.targets[grade];
    const at = (timer: 'first_response' | 'solution' | 'close', share: number) => {
      const t = targets[timer];
      return meterOf(t, cal).advance(s.received, budgetOf(t, cal, s.received) * share);
    };
    const share = () => {
      const [lo, hi] = rng.weighted(shareUsed);
      return rng.real(lo, hi);
    };
    const fcr = !s.current && rng.chance(grade === 'C' ? 0.55 : grade === 'B' ? 0.3 : 0.1);
    let firstResponse = at('first_response', share());
    if (s.current && s.received > nowMs - 6 * 3_600_000 && rng.chance(0.5)) {
      firstResponse = Math.max(firstResponse, nowMs + rng.int(10, 120) * minuteMs);
    }
    let solution = fcr
      ? firstResponse + rng.int(5, 40) * minuteMs
      : Math.max(at('solution', share()), firstResponse + 30 * minuteMs);
    let close = fcr
      ? solution + rng.int(5, 30) * minuteMs
      : Math.max(at('close', share()), solution + 60 * minuteMs);
    if (s.current) {
      // Still open now: the solution maybe agreed already, the closing to come.
      if (rng.chance(0.6)) solution = Math.max(solution, nowMs + rng.int(1, 48) * 3_600_000);
      close = Math.max(close, solution + 3_600_000, nowMs + rng.int(2, 96) * 3_600_000);
    }
    let pause: { start: number; end: number; reason: PauseReason } | null = null;
    if (!fcr && rng.chance(0.09)) {
      const start = firstResponse + Math.floor((solution - firstResponse) * rng.real(0.2, 0.8));
      const end = start + rng.int(1, 6) * dayMs + rng.int(0, 300) * minuteMs;
      pause = { start, end, reason: rng.weighted(pauseReasons) };
      solution += end - start;
      close += end - start;
    }
    const rootCause = rng.pick(rootCauseOf[s.category]);
    const summary = rng.pick(resolutionSummaries[rootCause]);
    const description = rng.pick(complaintDescriptions[s.category]);
    const demand = rng.chance(0.7) ? rng.pick(complaintDemands) : null;
    // The closure call the next working day; now and then the customer is still unhappy and it goes round again.
    let answer: ClosureAnswer | null = null;
    let answeredAt: number | null = null;
    let reopened: {
      at: number;
      reclose: number;
      answer: ClosureAnswer | null;
      answeredAt: number | null;
    } | null = null;
    const callAt = (after: number) =>
      new Date(timestamp(nextWorkingDay(after, cal, dayOfMs), rng.int(570, 1050))).getTime();
    if (close <= nowMs) {
      const first = callAt(close);
      if (first <= nowMs) {
        answer = rng.weighted(closureAnswers);
        answeredAt = first;
        if (answer === 'dissatisfied') {
          const reclose = first + rng.int(1, 4) * dayMs;
          const second = callAt(reclose);
          reopened = {
            at: first,
            reclose,
            answer: second <= nowMs ? (rng.chance(0.85) ? 'satisfied' : 'neutral') : null,
            answeredAt: second <= nowMs ? second : null,
          };
        }
      }
    }
    const finalClose = reopened
      ? reopened.reclose <= nowMs
        ? reopened.reclose
        : null
      : close <= nowMs
        ? close
        : null;
    let state: ComplaintState;
    let resumeState: ComplaintState | null = null;
    const pausedNow = pause !== null && pause.start <= nowMs && pause.end > nowMs;
    if (finalClose !== null) state = 'closed';
    else if (reopened) state = 'handling';
    else if (firstResponse > nowMs) state = 'received';
    else if (pausedNow) {
      state = 'paused';
      resumeState = 'handling';
    } else if (solution > nowMs) state = rng.chance(0.4) ? 'proposed' : 'handling';
    else state = 'agreed';
    const frAt = firstResponse <= nowMs ? firstResponse : null;
    const solAt = solution <= nowMs ? solution : null;
    const pauses =
      pause && pause.start <= nowMs
        ? [{ start: pause.start, end: pause.end <= nowMs ? pause.end : null }]
        : [];
    const manufacturerDue = s.channel === 'manufacturer' ? s.received + rng.int(3, 7) * dayMs : null;
    const timers = timersAt(
      {
        receivedAt: s.received,
        targets,
        firstResponseAt: frAt,
        solutionAgreedAt: solAt,
        closedAt: finalClose,
        pauses,
        manufacturerDueAt: manufacturerDue,
      },
      cal,
      nowMs,
    );
    const by = new Map(timers.map((x) => [x.timer, x]));
    const breached = (k: 'first_response' | 'solution' | 'close' | 'manufacturer') =>
      by.get(k)?.state === 'breached' ? 1 : 0;
    // An evening call is entered the next morning.
    const createdAt = s.evening
      ? s.received + rng.int(600, 780) * minuteMs
      : s.received + rng.int(2, 40) * minuteMs;
    const created = Math.min(createdAt, nowMs - minuteMs);
    const day = dayOfMs(created);
    const seq = (seqByDay.get(day) ?? 0) + 1;
    seqByDay.set(day, seq);
    const ticketNo = `TS${isoDay(day).replaceAll('-', '')}-${String(seq).padStart(3, '0')}`;
    const closed = state === 'closed';
    const lastAnswer = reopened ? reopened.answer : answer;
    const lastAnsweredAt = reopened ? reopened.answeredAt : answeredAt;
    const id = Number(
      st.ticket.run(
        ticketNo,
        s.customerId,
        s.vehicleId,
        s.channel,
        s.category,
        description,
        demand,
        iso(s.received),
        JSON.stringify(facts),
        suggestion.grade,
        grade,
        JSON.stringify(targets),
        gradeReason,
        repeatOf?.id ?? null,
        repeatOf ? 1 : 0,
        departments.get(settings.categoryDepartments[s.category]) ?? null,
        state,
        resumeState,
        manufacturerDue ? `FAW-${isoDay(day).slice(0, 4)}-${String(++caseSeq).padStart(5, '0')}` : null,
        manufacturerDue ? iso(manufacturerDue) : null,
        frAt ? iso(frAt) : null,
        solAt ? iso(solAt) : null,
        finalClose ? iso(finalClose) : null,
        closed || reopened ? summary : null,
        closed || reopened ? rootCause : null,
        closed || reopened ? (fcr ? 1 : 0) : null,
        reopened ? 1 : 0,
        null,
        lastAnswer,
        lastAnsweredAt ? iso(lastAnsweredAt) : null,
        by.get('first_response')?.dueAt ?? null,
        by.get('solution')?.dueAt ?? null,
        by.get('close')?.dueAt ?? null,
        breached('first_response'),
        breached('solution'),
        breached('close'),
        breached('manufacturer'),
        summarise(timers).nextDueAt,
        iso(created),
        iso(Math.max(created, lastAnsweredAt ?? finalClose ?? solAt ?? frAt ?? created)),
        4,
      ).lastInsertRowid,
    );
    written++;
    lastByCustomer.set(s.customerId, { id, at: s.received });
    if (vKey) lastByVehicle.set(vKey, { id, at: s.received });

    const event = (
      kind: string,
      ms: number,
      note: string | null,
      data: Record<string, unknown> | null = null,
    ) => st.event.run(id, kind, iso(ms), note, data ? JSON.stringify(data) : null);
    event('created', created, description, {
      channel: s.channel,
      grade,
      suggestedGrade: grade,
      receivedAt: iso(s.received),
    });
    event('routed', created, null, {
      departmentId: departments.get(settings.categoryDepartments[s.category]) ?? null,
    });
    interactions++;
    st.interaction.run(
      s.customerId,
      'complaint',
      iso(s.received),
      `投诉受理 ${ticketNo}（${complaintGradeLabels[grade]}，${complaintCategoryLabels[s.category]}，${complaintChannelLabels[s.channel]}）：${description}`,
      id,
      iso(created),
    );
    if (frAt) event('first_response', frAt, '已电话联系客户，了解详细情况并致歉', { how: 'call' });
    if (pauses.length) {
      const p = pauses[0]!;
      st.pause.run(id, pause!.reason, null, iso(p.start), p.end ? iso(p.end) : null);
      event('paused', p.start, null, { reason: pause!.reason, from: 'handling' });
      if (p.end) event('resumed', p.end, null, { to: 'handling' });
    }
    if (!fcr && frAt) {
      const proposedAt = Math.min(
        nowMs - minuteMs,
        Math.max(frAt + 10 * minuteMs, solution - rng.int(60, 600) * minuteMs),
      );
      if (proposedAt > frAt && (solAt || state === 'proposed')) {
        const goodwill = rng.chance(0.25) ? rng.int(2, 30) * 10_000 : 0;
        const labour = rng.chance(0.2) ? rng.int(1, 8) * 5_000 : 0;
        const gift = rng.chance(0.15) ? '保养券' : null;
        const giftValue = gift ? 30_000 : 0;
        const total = goodwill + labour + giftValue;
        const needsApproval = total > settings.compensationApprovalFen;
        st.solution.run(
          id,
          summary,
          goodwill,
          labour,
          gift,
          giftValue,
          total,
          solAt ? 'agreed' : 'proposed',
          needsApproval ? 1 : 0,
          iso(proposedAt),
          needsApproval ? iso(proposedAt + rng.int(20, 180) * minuteMs) : null,
          needsApproval ? '同意' : null,
          solAt ? iso(solAt) : null,
        );
        event('solution_proposed', proposedAt, summary, { totalFen: total, needsApproval });
        if (solAt) event('customer_answer', solAt, null, { answer: 'agreed' });
      }
    }
    const closeNote = (ms: number) => {
      event('closed', ms, summary, { rootCause, resolvedAtFirstContact: fcr });
      interactions++;
      st.interaction.run(
        s.customerId,
        'note',
        iso(ms),
        `投诉 ${ticketNo} 结案（${rootCauseLabels[rootCause]}）：${summary}`,
        id,
        iso(ms),
      );
    };
    if (close <= nowMs) closeNote(close);
    if (answer && answeredAt) event('closure_call', answeredAt, null, { answer });
    if (reopened) {
      event('reopened', reopened.at, '结案回访：客户对处理结果不满意', null);
      if (reopened.reclose <= nowMs) closeNote(reopened.reclose);
      if (reopened.answer && reopened.answeredAt)
        event('closure_call', reopened.answeredAt, null, { answer: reopened.answer });
    }
    // The closure calls of the last month are in the queue: done when answered, open when still to make.
    if (closed && finalClose && finalClose >= nowMs - 30 * dayMs) {
      const anchor = dayOfMs(finalClose);
      const due = nextWorkingDay(finalClose, cal, dayOfMs);
      const done = lastAnsweredAt !== null && lastAnsweredAt >= finalClose;
      const task = st.task.run(
        s.customerId,
        s.vehicleId,
        isoDay(anchor),
        isoDay(due),
        isoDay(due + 7),
        done ? 'done' : 'open',
        done ? 1 : 0,
        done ? 'reached' : null,
        `投诉工单 ${ticketNo} 已结案：${summary}`,
        done ? iso(lastAnsweredAt!) : null,
        iso(finalClose),
        iso(done ? lastAnsweredAt! : finalClose),
      );
      if (task.changes > 0) {
        st.linkTask.run(Number(task.lastInsertRowid), id);
      }
    }
    if (closed && grade !== 'C' && rng.chance(0.7)) {
      const dueDay = dayOfMs(finalClose!) + 14;
      const doneAt = dueDay < o.today && rng.chance(0.85) ? iso(finalClose! + rng.int(3, 13) * dayMs) : null;
      st.review.run(
        id,
        rootCause,
        rng.pick(correctiveActions),
        isoDay(dueDay),
        rng.chance(0.6) ? 1 : 0,
        doneAt,
        iso(finalClose!),
        iso(finalClose!),
      );
      event('review', Math.min(nowMs - minuteMs, finalClose! + dayMs), null, { rootCause });
    }
  }
  return { tickets: written, interactions };
}
