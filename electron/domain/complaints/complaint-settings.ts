import type Database from 'better-sqlite3';
import type { WorkingCalendar } from '../../common/working-time';
import type { ChannelParsedInput } from '../../contract';
import type { ComplaintSettings } from '../../contract/complaint-settings';
import { complaintSettingLabels, complaintSettingsSchema } from '../../contract/complaint-settings';
import { AppError } from '../../contract/errors';
import { storeTimeZone } from '../clock';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';
import type { Versioned } from '../settings/json-settings';
import { loadJsonSettings, saveJsonSettings, versionedJsonSettings } from '../settings/json-settings';

/** The one store_settings key the complaint settings live under (one JSON object). */
export const complaintSettingsKey = 'complaints';

export const complaintSettingsGroup = {
  key: complaintSettingsKey,
  schema: complaintSettingsSchema,
  title: '投诉设置',
  labels: complaintSettingLabels,
};

/**
 * The complaint settings with defaults filled in, part by part: a stored part that no longer validates (a
 * target unit removed in a later version, say) reads as its default rather than stopping intake.
 */
export function loadComplaintSettings(sqlite: Database.Database): ComplaintSettings {
  return loadJsonSettings(sqlite, complaintSettingsGroup);
}

export function getComplaintSettings(ctx: AuthedContext): Versioned<ComplaintSettings> {
  return versionedJsonSettings(ctx.db.$client, complaintSettingsGroup);
}

/** The store calendar deadlines count on: the store's zone, working hours and closing days. */
export function calendarOf(settings: ComplaintSettings): WorkingCalendar {
  return {
    zone: storeTimeZone(),
    hours: settings.workingHours,
    closingDays: new Set(settings.closingDays),
  };
}

/**
 * Saves the parts given (against the version the form loaded), in one transaction with its audit row.
 * Departments named for routing must exist. Open tickets keep the due times they have until their next change
 * or the escalation pass recomputes them.
 */
export function updateComplaintSettings(
  ctx: AuthedContext,
  input: ChannelParsedInput<'complaints.updateSettings'>,
): Versioned<ComplaintSettings> {
  const sqlite = ctx.db.$client;
  return saveJsonSettings(ctx, complaintSettingsGroup, input, (parts) => {
    const routing = parts.categoryDepartments as Record<string, string> | undefined;
    if (!routing) return;
    const known = new Set(prepared(sqlite, 'select code from departments').pluck().all() as string[]);
    for (const [category, code] of Object.entries(routing)) {
      if (!known.has(code)) {
        throw new AppError('validation', `部门“${code}”不存在`, {
          fields: { [`categoryDepartments.${category}`]: '请选择已有的部门' },
        });
      }
    }
  });
}
