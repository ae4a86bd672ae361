import type Database from 'better-sqlite3';
import type { ChannelParsedInput } from '../../contract';
import type { StoreSettingKey, StoreSettings } from '../../contract/settings';
import { storeSettingKeys, storeSettingsSchema } from '../../contract/settings';
import { setStoreTimeZone } from '../clock';
import { recordSettingsChange } from '../audit/settings-audit';
import type { AuthedContext } from '../context';
import { mergeOrRefuse } from '../locking/field-merge';
import { bumpSettingsVersion, lastSettingSave, settingsVersionOf } from '../locking/settings-version';

type Row = { key: string; value: string };

const readAll = new WeakMap<Database.Database, Database.Statement>();

/**
 * The store settings with defaults filled in. A stored value that no longer validates (a zone this runtime
 * does not know, say) reads as the default rather than stopping the app.
 */
export function loadStoreSettings(sqlite: Database.Database): StoreSettings {
  let read = readAll.get(sqlite);
  if (!read) {
    read = sqlite.prepare('select key, value from store_settings');
    readAll.set(sqlite, read);
  }
  const rows = read.all() as Row[];
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const out: Record<string, unknown> = {};
  for (const key of storeSettingKeys) {
    const raw = stored.get(key);
    const field = storeSettingsSchema.shape[key];
    const parsed = raw === undefined ? undefined : field.safeParse(JSON.parse(raw));
    out[key] = parsed?.success ? parsed.data : field.parse(undefined);
  }
  return out as StoreSettings;
}

/** Makes this process follow the database's store time zone (at start, and in the import worker). */
export function applyStoreTimeZone(sqlite: Database.Database): void {
  setStoreTimeZone(loadStoreSettings(sqlite).storeTimeZone);
}

/** The settings with the version a form saves against. */
export function getStoreSettings(ctx: { db: { $client: Database.Database } }): VersionedSettings {
  const sqlite = ctx.db.$client;
  return { ...loadStoreSettings(sqlite), version: settingsVersionOf(sqlite, versionScope) };
}

type VersionedSettings = StoreSettings & { version: number };
const versionScope = 'store';

/**
 * Saves the settings given, in one transaction, and switches the store clock when the zone changed. A save on
 * an older version (two administrators at once) keeps the other's changes to other settings; the same setting
 * changed by both is refused with the settings as they are now.
 */
export function updateStoreSettings(
  ctx: AuthedContext,
  { version, base, ...given }: ChannelParsedInput<'settings.update'>,
): VersionedSettings {
  const sqlite = ctx.db.$client;
  const upsert = sqlite.prepare(
    `insert into store_settings (key, value, updated_at, updated_by) values (@key, @value, @now, @by)
     on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by`,
  );
  const now = ctx.clock().toISOString();
  const saved = sqlite.transaction(() => {
    const before = loadStoreSettings(sqlite);
    const currentVersion = settingsVersionOf(sqlite, versionScope);
    const keys = (Object.keys(given) as StoreSettingKey[]).filter((k) => given[k] !== undefined);
    const input =
      version === undefined
        ? given
        : mergeOrRefuse(
            { version, currentVersion, mine: given, base, theirs: before, fields: keys },
            {
              message: '门店设置在您修改期间有更新，请查看最新设置后再保存',
              current: { ...before, version: currentVersion },
              extra: () => lastSettingSave(sqlite, keys),
            },
          );
    for (const key of keys) {
      const value = input[key];
      if (value === undefined) continue;
      upsert.run({ key, value: JSON.stringify(value), now, by: ctx.user.id });
    }
    const after = loadStoreSettings(sqlite);
    recordSettingsChange(ctx, 'setting', 'store', before, after);
    return { ...after, version: bumpSettingsVersion(sqlite, versionScope, now) };
  })();
  setStoreTimeZone(saved.storeTimeZone);
  return saved;
}
