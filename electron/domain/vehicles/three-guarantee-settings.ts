import type Database from 'better-sqlite3';
import type { ChannelParsedInput } from '../../contract';
import type { ThreeGuaranteeSettings } from '../../contract/three-guarantee';
import { threeGuaranteeSettingsKey, threeGuaranteeSettingsSchema } from '../../contract/three-guarantee';
import type { AuthedContext } from '../context';
import { loadJsonSettings, saveJsonSettings } from '../settings/json-settings';

const threeGuaranteeSettingsGroup = {
  key: threeGuaranteeSettingsKey,
  schema: threeGuaranteeSettingsSchema,
  title: '三包设置',
};

/**
 * The store's 三包 settings: one JSON row in store_settings under its own key, defaults filled in. A stored
 * value that no longer validates (a line lowered below a new minimum) reads as the defaults for that field.
 */
export function loadThreeGuaranteeSettings(sqlite: Database.Database): ThreeGuaranteeSettings {
  return loadJsonSettings(sqlite, threeGuaranteeSettingsGroup);
}

/** Saves the fields given (the others keep their values), with an audit row, in one transaction. */
export function updateThreeGuaranteeSettings(
  ctx: AuthedContext,
  input: ChannelParsedInput<'threeGuarantee.updateSettings'>,
): ThreeGuaranteeSettings {
  // 三包设置 has no form that saves against a version yet: the answer stays the settings alone.
  const { version: _version, ...saved } = saveJsonSettings(ctx, threeGuaranteeSettingsGroup, input);
  return saved;
}
