import type Database from 'better-sqlite3';
import { optionalParam, ruleOf, loadRules } from '../callbacks/rule-config';
import { storedSettingsObject } from '../settings/json-settings';
import { eventSettingsKey } from './event-settings';

/** The raw stored event settings: confirmDaysBefore must tell "never saved" from "saved as the default". */
const storedEventSettings = (sqlite: Database.Database) => storedSettingsObject(sqlite, eventSettingsKey);

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
