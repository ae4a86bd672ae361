import type Database from 'better-sqlite3';
import type { ChannelParsedInput } from '../../contract';
import type { LoyaltySettings } from '../../contract/loyalty-settings';
import { loyaltySettingLabels, loyaltySettingsSchema } from '../../contract/loyalty-settings';
import type { AuthedContext } from '../context';
import type { Versioned } from '../settings/json-settings';
import { loadJsonSettings, saveJsonSettings, versionedJsonSettings } from '../settings/json-settings';

/** The one store_settings key the loyalty settings live under (one JSON object). */
export const loyaltySettingsKey = 'loyalty';

const loyaltySettingsGroup = {
  key: loyaltySettingsKey,
  schema: loyaltySettingsSchema,
  title: '会员积分设置',
  labels: loyaltySettingLabels,
};

/**
 * The settings with defaults filled in, part by part: a stored part that no longer validates reads as its
 * default rather than stopping every posting.
 */
export function loadLoyaltySettings(sqlite: Database.Database): LoyaltySettings {
  return loadJsonSettings(sqlite, loyaltySettingsGroup);
}

export function getLoyaltySettings(ctx: AuthedContext): Versioned<LoyaltySettings> {
  return versionedJsonSettings(ctx.db.$client, loyaltySettingsGroup);
}

/**
 * Saves the parts given, with its audit row. Existing points keep the expiry date they were given; new
 * thresholds apply from the next posting (upgrades) and the next review (downgrades).
 */
export function updateLoyaltySettings(
  ctx: AuthedContext,
  input: ChannelParsedInput<'loyalty.updateSettings'>,
): Versioned<LoyaltySettings> {
  return saveJsonSettings(ctx, loyaltySettingsGroup, input);
}
