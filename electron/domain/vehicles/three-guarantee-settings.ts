import type Database from 'better-sqlite3';
import type { ChannelParsedInput } from '../../contract';
import type { ThreeGuaranteeSettings } from '../../contract/three-guarantee';
import { threeGuaranteeSettingsKey, threeGuaranteeSettingsSchema } from '../../contract/three-guarantee';
import { fieldChanges, recordAudit } from '../audit/audit-log';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';

const readSql = 'select value from store_settings where key = ?';

/**
 * The store's 三包 settings: one JSON row in store_settings under its own key, defaults filled in. A stored
 * value that no longer validates (a line lowered below a new minimum) reads as the defaults for that field.
 */
export function loadThreeGuaranteeSettings(sqlite: Database.Database): ThreeGuaranteeSettings {
  const raw = prepared(sqlite, readSql).pluck().get(threeGuaranteeSettingsKey) as string | undefined;
  const stored = raw === undefined ? {} : (JSON.parse(raw) as Record<string, unknown>);
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(threeGuaranteeSettingsSchema.shape)) {
    const parsed = field.safeParse(stored[key]);
    out[key] = parsed.success ? parsed.data : field.parse(undefined);
  }
  return out as ThreeGuaranteeSettings;
}

/** Saves the fields given (the others keep their values), with an audit row, in one transaction. */
export function updateThreeGuaranteeSettings(
  ctx: AuthedContext,
  input: ChannelParsedInput<'threeGuarantee.updateSettings'>,
): ThreeGuaranteeSettings {
  const sqlite = ctx.db.$client;
  return sqlite.transaction(() => {
    const before = loadThreeGuaranteeSettings(sqlite);
    const after = {
      ...before,
      ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
    };
    prepared(
      sqlite,
      `insert into store_settings (key, value, updated_at, updated_by) values (?, ?, ?, ?)
       on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by`,
    ).run(threeGuaranteeSettingsKey, JSON.stringify(after), ctx.clock().toISOString(), ctx.user.id);
    const changes = fieldChanges(before, after);
    if (Object.keys(changes).length > 0)
      recordAudit(ctx, {
        action: 'settings.updated',
        entity: 'setting',
        entityId: threeGuaranteeSettingsKey,
        detail: { changes },
      });
    return loadThreeGuaranteeSettings(sqlite);
  })();
}
