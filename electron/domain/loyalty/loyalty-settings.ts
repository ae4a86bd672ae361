import type Database from 'better-sqlite3';
import type { ChannelParsedInput } from '../../contract';
import type { LoyaltySettingKey, LoyaltySettings } from '../../contract/loyalty-settings';
import { loyaltySettingLabels, loyaltySettingsSchema } from '../../contract/loyalty-settings';
import { fieldChanges, recordAudit } from '../audit/audit-log';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';

/** The one store_settings key the loyalty settings live under (one JSON object). */
export const loyaltySettingsKey = 'loyalty';

const keys = Object.keys(loyaltySettingsSchema.shape) as LoyaltySettingKey[];

/**
 * The settings with defaults filled in, part by part: a stored part that no longer validates reads as its
 * default rather than stopping every posting.
 */
export function loadLoyaltySettings(sqlite: Database.Database): LoyaltySettings {
  const raw = prepared(sqlite, 'select value from store_settings where key = ?')
    .pluck()
    .get(loyaltySettingsKey) as string | undefined;
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = raw === undefined ? {} : JSON.parse(raw);
    if (parsed && typeof parsed === 'object') stored = parsed as Record<string, unknown>;
  } catch {
    stored = {};
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const field = loyaltySettingsSchema.shape[key];
    const parsed = stored[key] === undefined ? undefined : field.safeParse(stored[key]);
    out[key] = parsed?.success ? parsed.data : field.parse(undefined);
  }
  return out as LoyaltySettings;
}

/**
 * Saves the parts given, with its audit row. Existing points keep the expiry date they were given; new
 * thresholds apply from the next posting (upgrades) and the next review (downgrades).
 */
export function updateLoyaltySettings(
  ctx: AuthedContext,
  input: ChannelParsedInput<'loyalty.updateSettings'>,
): LoyaltySettings {
  const sqlite = ctx.db.$client;
  return sqlite.transaction(() => {
    const before = loadLoyaltySettings(sqlite);
    const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const merged = loyaltySettingsSchema.parse({ ...before, ...given });
    prepared(
      sqlite,
      `insert into store_settings (key, value, updated_at, updated_by) values (@key, @value, @now, @by)
       on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by`,
    ).run({
      key: loyaltySettingsKey,
      value: JSON.stringify(merged),
      now: ctx.clock().toISOString(),
      by: ctx.user.id,
    });
    const after = loadLoyaltySettings(sqlite);
    const changes = fieldChanges(before, after);
    if (Object.keys(changes).length > 0) {
      recordAudit(ctx, {
        action: 'settings.updated',
        entity: 'setting',
        entityId: loyaltySettingsKey,
        detail: {
          changes,
          labels: Object.keys(changes).map((k) => loyaltySettingLabels[k as LoyaltySettingKey]),
        },
      });
    }
    return after;
  })();
}
