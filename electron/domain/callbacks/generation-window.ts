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
