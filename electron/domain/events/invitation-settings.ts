import type Database from 'better-sqlite3';
import { optionalParam, ruleOf, loadRules } from '../callbacks/rule-config';
import { prepared } from '../customers/sql-cache';

/** The store_settings key the event settings live under (electron/contract/event-settings.ts). */
const eventSettingsKey = 'events';

function storedEventSettings(sqlite: Database.Database): Record<string, unknown> {
  const raw = prepared(sqlite, 'select value from store_settings where key = ?')
    .pluck()
    .get(eventSettingsKey) as string | undefined;
  try {
    const parsed: unknown = raw === undefined ? {} : JSON.parse(raw);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const wholeDays = (v: unknown): number | null =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 365 ? v : null;

/** A customer invited to another event within this many days is left off a new target list. */
export function inviteCooldownDays(sqlite: Database.Database): number {
  return wholeDays(storedEventSettings(sqlite).inviteCooldownDays) ?? 30;
}

/**
 * How many days before the start the second confirmation call falls due: the events setting
 * (secondConfirmDaysBefore, the one the manager sees), or while the event settings were never saved the
 * confirmation rule's seeded daysBefore param, else 3.
 */
export function confirmDaysBefore(sqlite: Database.Database): number {
  const setting = wholeDays(storedEventSettings(sqlite).secondConfirmDaysBefore);
  if (setting !== null) return setting;
  return optionalParam(ruleOf(loadRules(sqlite), 'event_confirmation'), 'daysBefore') ?? 3;
}
