import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDate } from '../../electron/common/working-days';
import type { WorkingCalendar } from '../../electron/common/working-time';
import {
  addWorkingMs,
  closeOfNthWorkingDay,
  isWorkingInstant,
  workingMsBetween,
} from '../../electron/common/working-time';
import { defaultSlaTargets } from '../../electron/contract/complaint-settings';
import type { TicketTiming } from '../../electron/domain/complaints/sla-timers';
import { deadlinesFor, summarise, timerAt, timersAt } from '../../electron/domain/complaints/sla-timers';

/**
 * The store calendar and the SLA engine with fixed instants: the National Day 2026 holiday (1–7 Oct, make-up
 * working days Sun 20 Sep and Sat 10 Oct), the Spring Festival make-up Saturday (14 Feb 2026), tickets received
 * after closing time and on a holiday, store closing days, grade A around the clock, a pause across the holiday,
 * a regrade while paused. The whole file runs again in child processes with the host set to UTC and to a zone
 * with daylight saving: the store's zone, never the host's, decides.
 */

const cal: WorkingCalendar = {
  zone: 'Asia/Shanghai',
  hours: { start: '08:30', end: '17:30' },
  closingDays: new Set(),
};
const at = (local: string) => Date.parse(`${local}+08:00`);
const iso = (local: string) => new Date(at(local)).toISOString();
const min = 60_000;

function timing(over: Partial<TicketTiming> & { receivedAt: number }): TicketTiming {
  return {
    targets: defaultSlaTargets.B,
    firstResponseAt: null,
    solutionAgreedAt: null,
    closedAt: null,
    pauses: [],
    manufacturerDueAt: null,
    ...over,
  };
}

describe('store working calendar', () => {
  it('knows the national holiday, its make-up days and ordinary weekends', () => {
    expect(isWorkingDate('2026-09-30')).toBe(true);
    for (const d of ['2026-10-01', '2026-10-04', '2026-10-07']) expect(isWorkingDate(d), d).toBe(false);
    expect(isWorkingDate('2026-10-08')).toBe(true);
    // 调休: a Saturday and a Sunday that are working days.
    expect(isWorkingDate('2026-10-10')).toBe(true);
    expect(isWorkingDate('2026-09-20')).toBe(true);
    expect(isWorkingDate('2026-02-14')).toBe(true);
    expect(isWorkingDate('2026-10-11')).toBe(false);
    expect(isWorkingDate('2026-10-17')).toBe(false);
  });

  it('leaves out the store closing days, only where they are given', () => {
    const closed = new Set(['2026-10-09']);
    expect(isWorkingDate('2026-10-09', closed)).toBe(false);
    expect(isWorkingDate('2026-10-09')).toBe(true);
    expect(addWorkingDays('2026-09-30', 2)).toBe('2026-10-09');
    expect(addWorkingDays('2026-09-30', 2, closed)).toBe('2026-10-10');
  });

  it('counts minutes inside working hours only', () => {
    // Wed 30 Sep 16:30 → Thu 8 Oct 11:30: one hour before the holiday, three after it.
    expect(workingMsBetween(cal, at('2026-09-30T16:30'), at('2026-10-08T11:30'))).toBe(240 * min);
    expect(workingMsBetween(cal, at('2026-10-08T18:00'), at('2026-10-08T20:00'))).toBe(0);
    expect(workingMsBetween(cal, at('2026-10-08T12:00'), at('2026-10-08T11:00'))).toBe(0);
    expect(isWorkingInstant(cal, at('2026-10-10T09:00'))).toBe(true);
    expect(isWorkingInstant(cal, at('2026-10-08T17:30'))).toBe(false);
    expect(isWorkingInstant(cal, at('2026-10-02T10:00'))).toBe(false);
  });

  it('ends a budget used up at closing time at closing time', () => {
    expect(addWorkingMs(cal, at('2026-10-08T08:30'), 540 * min)).toBe(at('2026-10-08T17:30'));
    expect(addWorkingMs(cal, at('2026-10-08T08:30'), 541 * min)).toBe(at('2026-10-09T08:31'));
    expect(addWorkingMs(cal, at('2026-10-08T20:00'), 0)).toBe(at('2026-10-08T20:00'));
  });

  it('ends N working days at closing time of the Nth working day after the day received', () => {
    expect(closeOfNthWorkingDay(cal, at('2026-09-30T16:30'), 1)).toBe(at('2026-10-08T17:30'));
    // After closing time or early in the morning, the day received still does not count.
    expect(closeOfNthWorkingDay(cal, at('2026-10-15T20:00'), 1)).toBe(at('2026-10-16T17:30'));
    expect(closeOfNthWorkingDay(cal, at('2026-10-15T07:00'), 1)).toBe(at('2026-10-16T17:30'));
    // The make-up Saturday is a working day.
    expect(closeOfNthWorkingDay(cal, at('2026-10-09T10:00'), 1)).toBe(at('2026-10-10T17:30'));
  });
});

describe('deadlines per grade', () => {
  it("gives the issue's example: B received Wed 2026-09-30 16:30 is first answered by Thu 2026-10-08 11:30", () => {
    const due = deadlinesFor(defaultSlaTargets.B, cal, at('2026-09-30T16:30'));
    expect(due).toEqual([
      { timer: 'first_response', dueAt: iso('2026-10-08T11:30') },
      // 2 working days: 8 and 9 October.
      { timer: 'solution', dueAt: iso('2026-10-09T17:30') },
      // 5 working days: 8, 9, Saturday 10 (调休), Monday 12, Tuesday 13.
      { timer: 'close', dueAt: iso('2026-10-13T17:30') },
    ]);
  });

  it('counts grade A hours around the clock, holiday or not, and its closing in working days', () => {
    const due = deadlinesFor(defaultSlaTargets.A, cal, at('2026-09-30T16:30'));
    expect(due).toEqual([
      { timer: 'first_response', dueAt: iso('2026-09-30T18:30') },
      { timer: 'solution', dueAt: iso('2026-10-01T16:30') },
      { timer: 'close', dueAt: iso('2026-10-10T17:30') },
    ]);
  });

  it('starts a ticket received after closing time at the next opening', () => {
    const due = deadlinesFor(defaultSlaTargets.B, cal, at('2026-10-15T20:00'));
    expect(due[0]).toEqual({ timer: 'first_response', dueAt: iso('2026-10-16T12:30') });
    const c = deadlinesFor(defaultSlaTargets.C, cal, at('2026-10-15T20:00'));
    expect(c[0]).toEqual({ timer: 'first_response', dueAt: iso('2026-10-16T17:30') });
  });

  it('starts a ticket received on a holiday on the first working day after it', () => {
    const due = deadlinesFor(defaultSlaTargets.B, cal, at('2026-10-03T10:00'));
    expect(due[0]!.dueAt).toBe(iso('2026-10-08T12:30'));
  });

  it('works on the make-up Saturday', () => {
    // Friday 17:00: half an hour that day, then Saturday 10 October opens at 08:30.
    const due = deadlinesFor(defaultSlaTargets.B, cal, at('2026-10-09T17:00'));
    expect(due[0]!.dueAt).toBe(iso('2026-10-10T12:00'));
    // Spring Festival 2026: Saturday 14 February is a working day.
    const feb = deadlinesFor(defaultSlaTargets.B, cal, at('2026-02-13T17:00'));
    expect(feb[0]!.dueAt).toBe(iso('2026-02-14T12:00'));
  });

  it('skips the store closing days', () => {
    const closed: WorkingCalendar = { ...cal, closingDays: new Set(['2026-10-16']) };
    const due = deadlinesFor(defaultSlaTargets.B, closed, at('2026-10-15T20:00'));
    // Friday closed, the weekend an ordinary one: Monday 19 October.
    expect(due[0]!.dueAt).toBe(iso('2026-10-19T12:30'));
  });
});

describe('timer status', () => {
  const received = at('2026-10-15T09:00');
  const t = timing({ receivedAt: received });

  it('runs, warns at 75%, breaches, with the time left or over', () => {
    expect(timerAt('first_response', t, cal, at('2026-10-15T11:59'))).toMatchObject({
      state: 'running',
      dueAt: iso('2026-10-15T13:00'),
      minutesLeft: 61,
      budgetMinutes: 240,
    });
    expect(timerAt('first_response', t, cal, at('2026-10-15T12:00'))).toMatchObject({
      state: 'warning',
      used: 0.75,
      minutesLeft: 60,
    });
    expect(timerAt('first_response', t, cal, at('2026-10-15T13:01'))).toMatchObject({
      state: 'breached',
      minutesLeft: -1,
    });
  });

  it('is met or breached at its stop, with the minutes under or over', () => {
    const met = timerAt(
      'first_response',
      { ...t, firstResponseAt: at('2026-10-15T12:30') },
      cal,
      at('2026-10-20T09:00'),
    );
    expect(met).toMatchObject({ state: 'met', minutesLeft: 30, stoppedAt: iso('2026-10-15T12:30') });
    const late = timerAt(
      'first_response',
      { ...t, firstResponseAt: at('2026-10-15T13:20') },
      cal,
      at('2026-10-20T09:00'),
    );
    expect(late).toMatchObject({ state: 'breached', minutesLeft: -20 });
  });

  it('counts working minutes over across the night', () => {
    // Due 13:00; the next morning at 09:00 it is 4 h 30 + 30 min over.
    expect(timerAt('first_response', t, cal, at('2026-10-16T09:00')).minutesLeft).toBe(-300);
  });

  it("gives the manufacturer's own deadline, met by closing", () => {
    const m = timing({ receivedAt: received, manufacturerDueAt: at('2026-10-18T12:00') });
    const timers = timersAt(m, cal, at('2026-10-17T12:00'));
    expect(timers.map((x) => x.timer)).toEqual(['first_response', 'solution', 'close', 'manufacturer']);
    expect(timers[3]).toMatchObject({
      state: 'running',
      dueAt: iso('2026-10-18T12:00'),
      minutesLeft: 24 * 60,
    });
    const closed = timersAt({ ...m, closedAt: at('2026-10-19T10:00') }, cal, at('2026-10-20T10:00'));
    expect(closed[3]).toMatchObject({ state: 'breached', minutesLeft: -22 * 60 });
  });
});

describe('pauses', () => {
  // Tuesday 29 September 09:00, grade B: solution due at closing time of the 2nd working day (8 October).
  const received = at('2026-09-29T09:00');
  const pause = { start: at('2026-09-30T16:00'), end: at('2026-10-08T10:00') };

  it('stop the solution and closing timers across the holiday, counting only working time paused', () => {
    const t = timing({ receivedAt: received, firstResponseAt: at('2026-09-29T10:00'), pauses: [pause] });
    expect(deadlinesFor(defaultSlaTargets.B, cal, received)[1]!.dueAt).toBe(iso('2026-10-08T17:30'));
    const solution = timerAt('solution', t, cal, at('2026-10-08T12:00'));
    // Paused 16:00–17:30 on 30 Sep and 08:30–10:00 on 8 Oct: 180 working minutes, so the due moves 3 hours on.
    expect(solution).toMatchObject({ state: 'running', dueAt: iso('2026-10-09T11:30'), pausedMinutes: 180 });
  });

  it('freeze the time left while paused and never stop the first response', () => {
    const open = timing({ receivedAt: received, pauses: [{ start: pause.start, end: null }] });
    const solution = timerAt('solution', open, cal, at('2026-10-05T10:00'));
    // Budget 510 + 540 + 540 = 1590 working minutes; 510 + 450 used before the pause.
    expect(solution).toMatchObject({ state: 'paused', dueAt: null, minutesLeft: 630 });
    const first = timerAt('first_response', open, cal, at('2026-09-29T12:00'));
    expect(first).toMatchObject({ dueAt: iso('2026-09-29T13:00'), pausedMinutes: 0 });
    expect(summarise(timersAt(open, cal, at('2026-09-29T12:00'))).state).toBe('warning');
  });

  it('keep their time through a change of grade', () => {
    // C received Tue 29 Sep 09:00, paused from 10:00 to Thu 8 Oct 10:00: 450 + 540 + 90 = 1080 working minutes.
    const paused = [{ start: at('2026-09-29T10:00'), end: at('2026-10-08T10:00') }];
    const asC = timing({ receivedAt: received, targets: defaultSlaTargets.C, pauses: paused });
    const asB = { ...asC, targets: defaultSlaTargets.B };
    const now = at('2026-10-08T11:00');
    expect(timerAt('close', asC, cal, now).pausedMinutes).toBe(1080);
    // B: 5 working days end Mon 12 Oct 17:30 (30 Sep, 8, 9, Sat 10, 12), then 1080 working minutes more.
    expect(timerAt('close', asB, cal, now)).toMatchObject({
      dueAt: iso('2026-10-14T17:30'),
      pausedMinutes: 1080,
      state: 'running',
    });
  });

  it('do not rescue a timer that was already over when the pause began', () => {
    const t = timing({
      receivedAt: received,
      targets: defaultSlaTargets.A,
      pauses: [{ start: at('2026-09-30T16:00'), end: null }],
    });
    // A: solution 24 h around the clock, due 30 Sep 09:00, paused at 16:00 (7 h over).
    expect(timerAt('solution', t, cal, at('2026-10-02T09:00'))).toMatchObject({
      state: 'breached',
      dueAt: iso('2026-09-30T09:00'),
      minutesLeft: -7 * 60,
    });
  });
});

describe('the chip', () => {
  it('is the worst of the timers and names the next due one', () => {
    const t = timing({ receivedAt: at('2026-10-15T09:00'), firstResponseAt: at('2026-10-15T10:00') });
    const s = summarise(timersAt(t, cal, at('2026-10-15T12:00')));
    expect(s).toMatchObject({
      state: 'running',
      nextTimer: 'solution',
      nextDueAt: iso('2026-10-19T17:30'),
      breachedTimers: [],
    });
    const late = summarise(
      timersAt({ ...t, firstResponseAt: at('2026-10-15T14:00') }, cal, at('2026-10-15T15:00')),
    );
    expect(late).toMatchObject({ state: 'breached', breachedTimers: ['first_response'] });
  });
});

// The whole file again with the host in UTC and in a zone with daylight saving (not in those runs themselves).
it.skipIf(process.env.COMPLAINT_SLA_CHILD === '1')(
  'gives the same deadlines whatever zone the host is set to',
  () => {
    for (const tz of ['UTC', 'America/New_York']) {
      const child = spawnSync(
        process.execPath,
        [
          'node_modules/vitest/vitest.mjs',
          'run',
          '--config',
          'test/vitest.config.ts',
          'test/unit/complaint-sla.test.ts',
        ],
        {
          cwd: resolve(import.meta.dirname, '../..'),
          env: { ...process.env, TZ: tz, COMPLAINT_SLA_CHILD: '1' },
          encoding: 'utf8',
          timeout: 120_000,
        },
      );
      expect(`${tz}: exit ${child.status}\n${child.stdout.slice(-2000)}`).toContain(`${tz}: exit 0`);
    }
  },
  240_000,
);
