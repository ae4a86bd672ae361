import type Database from 'better-sqlite3';
import type { ChannelParsedInput } from '../../contract';
import type { EventSettingKey, EventSettings } from '../../contract/event-settings';
import { eventSettingLabels, eventSettingsSchema } from '../../contract/event-settings';
import { fieldChanges, recordAudit } from '../audit/audit-log';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';

/** The one store_settings key the event settings live under (one JSON object). */
export const eventSettingsKey = 'events';

const keys = Object.keys(eventSettingsSchema.shape) as EventSettingKey[];

/** The event settings with defaults filled in, one by one: a stored value that no longer validates reads as its default. */
export function loadEventSettings(sqlite: Database.Database): EventSettings {
  const raw = prepared(sqlite, 'select value from store_settings where key = ?')
    .pluck()
    .get(eventSettingsKey) as string | undefined;
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = raw === undefined ? {} : JSON.parse(raw);
    if (parsed && typeof parsed === 'object') stored = parsed as Record<string, unknown>;
  } catch {
    stored = {};
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const field = eventSettingsSchema.shape[key];
    const parsed = stored[key] === undefined ? undefined : field.safeParse(stored[key]);
    out[key] = parsed?.success ? parsed.data : field.parse(undefined);
  }
  return out as EventSettings;
}

/** Saves the settings given, with the audit row, in one transaction. */
export function updateEventSettings(
  ctx: AuthedContext,
  input: ChannelParsedInput<'events.updateSettings'>,
): EventSettings {
  const sqlite = ctx.db.$client;
  return sqlite.transaction(() => {
    const before = loadEventSettings(sqlite);
    const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const merged = eventSettingsSchema.parse({ ...before, ...given });
    prepared(
      sqlite,
      `insert into store_settings (key, value, updated_at, updated_by) values (@key, @value, @now, @by)
       on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by`,
    ).run({
      key: eventSettingsKey,
      value: JSON.stringify(merged),
      now: ctx.clock().toISOString(),
      by: ctx.user.id,
    });
    const after = loadEventSettings(sqlite);
    const changes = fieldChanges(before, after);
    if (Object.keys(changes).length > 0) {
      recordAudit(ctx, {
        action: 'settings.updated',
        entity: 'setting',
        entityId: eventSettingsKey,
        detail: {
          changes,
          labels: Object.keys(changes).map((k) => eventSettingLabels[k as EventSettingKey]),
        },
      });
    }
    return after;
  })();
}
