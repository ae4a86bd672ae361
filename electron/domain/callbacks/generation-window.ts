import { addDays } from './dates';
import type { RuleConfig } from './rule-config';
import type { DueRange } from './rules/rule-types';

/** How far ahead tasks are created, so the queue can show what is coming ("upcoming"). */
export const upcomingDays = 14;

/**
 * Due dates a generation pass creates: back to windowDays ago (late data, a missed start of day), never a task
 * that would already have expired, and upcomingDays ahead.
 */
export function creationRange(rule: RuleConfig, today: string): DueRange {
  return {
    from: addDays(today, -Math.min(rule.windowDays, rule.expiryDays)),
    to: addDays(today, upcomingDays),
  };
}

/**
 * Due dates within which a rule still "wants" a task: wide enough to recognise every task that is still open
 * (it expires at most a year after falling due) and one whose due date moved later with new data.
 */
export function liveRange(today: string): DueRange {
  return { from: addDays(today, -400), to: addDays(today, 400) };
}

/**
 * The due dates a pass for `today` creates that the complete pass for `since` (an earlier store day) did not:
 * the days that came into the creation range since (its end moves with the calendar; its start only leaves days
 * behind). Facts written in between were handled by the incremental path as they were written.
 */
export function newlyOpenRange(rule: RuleConfig, since: string, today: string): DueRange {
  const range = creationRange(rule, today);
  const before = creationRange(rule, since);
  const from = addDays(before.to, 1);
  return { from: from > range.from ? from : range.from, to: range.to };
}
