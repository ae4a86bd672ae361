import type Database from 'better-sqlite3';
import type { WorkingCalendar } from '../../common/working-time';
import type { ChannelParsedInput } from '../../contract';
import type { ComplaintSettingKey, ComplaintSettings } from '../../contract/complaint-settings';
import { complaintSettingLabels, complaintSettingsSchema } from '../../contract/complaint-settings';
import { AppError } from '../../contract/errors';
import { fieldChanges, recordAudit } from '../audit/audit-log';
import { storeTimeZone } from '../clock';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';

/** The one store_settings key the complaint settings live under (one JSON object). */
export const complaintSettingsKey = 'complaints';

const keys = Object.keys(complaintSettingsSchema.shape) as ComplaintSettingKey[];

/**
 * The complaint settings with defaults filled in, part by part: a stored part that no longer validates (a
 * target unit removed in a later version, say) reads as its default rather than stopping intake.
 */
export function loadComplaintSettings(sqlite: Database.Database): ComplaintSettings {
  const raw = prepared(sqlite, 'select value from store_settings where key = ?')
    .pluck()
    .get(complaintSettingsKey) as string | undefined;
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = raw === undefined ? {} : JSON.parse(raw);
    if (parsed && typeof parsed === 'object') stored = parsed as Record<string, unknown>;
  } catch {
    stored = {};
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const field = complaintSettingsSchema.shape[key];
    const parsed = stored[key] === undefined ? undefined : field.safeParse(stored[key]);
    out[key] = parsed?.success ? parsed.data : field.parse(undefined);
  }
  return out as ComplaintSettings;
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
 * Saves the parts given, in one transaction with its audit row. Departments named for routing must exist.
 * Open tickets keep the due times they have until their next change or the escalation pass recomputes them.
 */
export function updateComplaintSettings(
  ctx: AuthedContext,
  input: ChannelParsedInput<'complaints.updateSettings'>,
): ComplaintSettings {
  const sqlite = ctx.db.$client;
  return sqlite.transaction(() => {
    const before = loadComplaintSettings(sqlite);
    if (input.categoryDepartments) {
      const known = new Set(prepared(sqlite, 'select code from departments').pluck().all() as string[]);
      for (const [category, code] of Object.entries(input.categoryDepartments)) {
        if (!known.has(code)) {
          throw new AppError('validation', `部门“${code}”不存在`, {
            fields: { [`categoryDepartments.${category}`]: '请选择已有的部门' },
          });
        }
      }
    }
    const merged = complaintSettingsSchema.parse({ ...before, ...stripUndefined(input) });
    prepared(
      sqlite,
      `insert into store_settings (key, value, updated_at, updated_by) values (@key, @value, @now, @by)
       on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by`,
    ).run({
      key: complaintSettingsKey,
      value: JSON.stringify(merged),
      now: ctx.clock().toISOString(),
      by: ctx.user.id,
    });
    const after = loadComplaintSettings(sqlite);
    const changes = fieldChanges(before, after);
    if (Object.keys(changes).length > 0) {
      recordAudit(ctx, {
        action: 'settings.updated',
        entity: 'setting',
        entityId: complaintSettingsKey,
        detail: {
          changes,
          labels: Object.keys(changes).map((k) => complaintSettingLabels[k as ComplaintSettingKey]),
        },
      });
    }
    return after;
  })();
}

function stripUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
