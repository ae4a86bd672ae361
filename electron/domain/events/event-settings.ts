import type Database from 'better-sqlite3';
import type { ChannelParsedInput } from '../../contract';
import type { EventSettings } from '../../contract/event-settings';
import { eventSettingLabels, eventSettingsSchema } from '../../contract/event-settings';
import type { AuthedContext } from '../context';
import type { Versioned } from '../settings/json-settings';
import { loadJsonSettings, saveJsonSettings, versionedJsonSettings } from '../settings/json-settings';

/** The one store_settings key the event settings live under (one JSON object). */
export const eventSettingsKey = 'events';

export const eventSettingsGroup = {
  key: eventSettingsKey,
  schema: eventSettingsSchema,
  title: '活动设置',
  labels: eventSettingLabels,
};

/** The event settings with defaults filled in: a stored value that no longer validates reads as its default. */
export function loadEventSettings(sqlite: Database.Database): EventSettings {
  return loadJsonSettings(sqlite, eventSettingsGroup);
}

export function getEventSettings(ctx: AuthedContext): Versioned<EventSettings> {
  return versionedJsonSettings(ctx.db.$client, eventSettingsGroup);
}

/** Saves the settings given (against the version the form loaded), with the audit row, in one transaction. */
export function updateEventSettings(
  ctx: AuthedContext,
  input: ChannelParsedInput<'events.updateSettings'>,
): Versioned<EventSettings> {
  return saveJsonSettings(ctx, eventSettingsGroup, input);
}
