import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { fieldChanges, recordAudit } from '../audit/audit-log';
import { storeDateTimeLabel } from '../clock';
import type { AuthedContext } from '../context';
import { prepared } from '../customers/sql-cache';
import { mergeStaleEdit, staleConflict } from '../locking/field-merge';
import { bumpSettingsVersion, lastSettingSave, settingsVersionOf } from '../locking/settings-version';

/**
 * A group of settings kept as one JSON object in store_settings (投诉设置, 活动设置, 会员积分设置, 三包设置): read
 * with the zod defaults filled in part by part, saved part by part against the version the form loaded, with
 * one audit row. The group's version lives beside it (locking/settings-version.ts, scope = the key).
 */
export interface JsonSettingsGroup<S extends z.ZodObject> {
  /** The store_settings key the object lives under; also the version's scope. */
  key: string;
  schema: S;
  /** What staff call the group, for the conflict message ("投诉设置在您修改期间有更新…"). */
  title: string;
  /** Staff-facing names per part, written into the audit row beside the changes. */
  labels?: Readonly<Record<string, string>>;
}

type Out<S extends z.ZodObject> = z.output<S>;
export type Versioned<T> = T & { version: number };

/** The stored object as it is, {} when missing or unreadable (callers that need raw parts, not defaults). */
export function storedSettingsObject(sqlite: Database.Database, key: string): Record<string, unknown> {
  const raw = prepared(sqlite, 'select value from store_settings where key = ?').pluck().get(key) as
    string | undefined;
  try {
    const parsed: unknown = raw === undefined ? {} : JSON.parse(raw);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/**
 * The settings with defaults filled in, part by part: a stored part that no longer validates (a unit removed
 * in a later version, say) reads as its default rather than stopping the work that depends on it.
 */
export function loadJsonSettings<S extends z.ZodObject>(
  sqlite: Database.Database,
  group: JsonSettingsGroup<S>,
): Out<S> {
  const stored = storedSettingsObject(sqlite, group.key);
  const out: Record<string, unknown> = {};
  for (const [part, field] of Object.entries(group.schema.shape) as [string, z.ZodType][]) {
    const parsed = stored[part] === undefined ? undefined : field.safeParse(stored[part]);
    out[part] = parsed?.success ? parsed.data : field.parse(undefined);
  }
  return out as Out<S>;
}

/** The settings with the version a form saves against. */
export function versionedJsonSettings<S extends z.ZodObject>(
  sqlite: Database.Database,
  group: JsonSettingsGroup<S>,
): Versioned<Out<S>> {
  return { ...loadJsonSettings(sqlite, group), version: settingsVersionOf(sqlite, group.key) };
}

export interface JsonSettingsEdit {
  /** The version the form loaded; without it the save stands as given (scripts, older clients). */
  version?: number;
  /** The parts as the form loaded them: on a stale version, parts only the other person changed are kept. */
  base?: Record<string, unknown> | null;
  [part: string]: unknown;
}

/**
 * Saves the parts given (each replaces that part whole; the others keep their values) in one transaction with
 * its audit row. A save on an older version merges part by part like the store settings; a part both changed
 * is refused as a `conflict` naming who saved last and when, and nothing is written. `check` sees the parts
 * about to be written (after the merge), inside the transaction, and may throw a validation error.
 */
export function saveJsonSettings<S extends z.ZodObject>(
  ctx: AuthedContext,
  group: JsonSettingsGroup<S>,
  { version, base, ...input }: JsonSettingsEdit,
  check?: (parts: Readonly<Record<string, unknown>>) => void,
): Versioned<Out<S>> {
  const sqlite = ctx.db.$client;
  const now = ctx.clock().toISOString();
  return sqlite.transaction(() => {
    const before = loadJsonSettings(sqlite, group) as Record<string, unknown>;
    const currentVersion = settingsVersionOf(sqlite, group.key);
    const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const parts =
      version === undefined ? given : mergedOrRefused(sqlite, group, before, given, version, base);
    check?.(parts);
    const merged = group.schema.parse({ ...before, ...parts });
    const changes = fieldChanges(before, merged as Record<string, unknown>);
    if (Object.keys(changes).length === 0) return { ...(merged as Out<S>), version: currentVersion };
    prepared(
      sqlite,
      `insert into store_settings (key, value, updated_at, updated_by) values (@key, @value, @now, @by)
       on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by`,
    ).run({ key: group.key, value: JSON.stringify(merged), now, by: ctx.user.id });
    const labels = group.labels;
    recordAudit(ctx, {
      action: 'settings.updated',
      entity: 'setting',
      entityId: group.key,
      detail: labels ? { changes, labels: Object.keys(changes).map((k) => labels[k] ?? k) } : { changes },
    });
    return { ...loadJsonSettings(sqlite, group), version: bumpSettingsVersion(sqlite, group.key, now) };
  })();
}

/**
 * A save on an older version: parts the editor left as loaded take what is stored now, parts only the editor
 * changed stand; a part both changed differently refuses the whole save as a `conflict` that names who saved
 * last and when (in the message, and as savedBy/savedAt for the shared conflict dialog).
 */
function mergedOrRefused<S extends z.ZodObject>(
  sqlite: Database.Database,
  group: JsonSettingsGroup<S>,
  before: Record<string, unknown>,
  given: Record<string, unknown>,
  version: number,
  base: Record<string, unknown> | null | undefined,
): Record<string, unknown> {
  const currentVersion = settingsVersionOf(sqlite, group.key);
  const merged = mergeStaleEdit({
    version,
    currentVersion,
    mine: given,
    base,
    theirs: before,
    fields: Object.keys(given),
  });
  if (merged.clashes.length === 0) return merged.values;
  const last = lastSettingSave(sqlite, [group.key]);
  const who =
    last.savedBy && last.savedAt
      ? `${last.savedBy}已于 ${storeDateTimeLabel(new Date(last.savedAt))} 保存了新的设置，`
      : '';
  const names = merged.clashes.map((k) => group.labels?.[k] ?? k).join('、');
  throw staleConflict(
    `${group.title}在您修改期间有更新：${who}与您的修改冲突的是“${names}”。请查看最新设置后再保存`,
    { ...before, version: currentVersion },
    merged.clashes,
    last,
  );
}
