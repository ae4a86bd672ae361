import { AppError } from '../../contract/errors';

type Values = Readonly<Record<string, unknown>>;

/** Blank, null and missing are one value to a form; objects compare by content, whatever their key order. */
function normal(value: unknown): unknown {
  if (value === undefined || value === '' || value === null) return null;
  if (Array.isArray(value)) return value.map(normal);
  if (typeof value === 'object') {
    const entries = Object.entries(value as Values)
      .map(([k, v]) => [k, normal(v)] as const)
      .filter(([, v]) => v !== null)
      .sort(([a], [b]) => a.localeCompare(b));
    return entries.length === 0 ? null : Object.fromEntries(entries);
  }
  return value;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(normal(a)) === JSON.stringify(normal(b));
}

export interface StaleEdit<T extends Values> {
  /** The version the editor loaded, and the one stored now. */
  version: number;
  currentVersion: number;
  /** The values the editor saves (every editable field the form holds). */
  mine: T;
  /** The same fields as the editor loaded them; absent from an older client, which then conflicts on any change. */
  base?: Values | null;
  /** The record's values now, under the same field names as `mine`. */
  theirs: Values;
  /** The editable fields, in the order the dialog lists them. */
  fields: readonly (keyof T & string)[];
}

export interface MergeResult<T> {
  /** What to write: mine where I changed a field, theirs where only they did. */
  values: T;
  /** Fields both changed to different values: a conflict. Empty on a fresh copy or a clean merge. */
  clashes: string[];
}

/**
 * Field-wise optimistic locking: on a fresh copy the save stands as typed. On a stale one, a field the editor
 * left as loaded takes the stored value (someone else's edit stays), a field only the editor changed keeps
 * theirs, and a field both changed, differently, is a clash. Pure: the caller writes, on `currentVersion`.
 */
export function mergeStaleEdit<T extends Values>(edit: StaleEdit<T>): MergeResult<T> {
  if (edit.version === edit.currentVersion) return { values: edit.mine, clashes: [] };
  const values: Record<string, unknown> = { ...edit.mine };
  const clashes: string[] = [];
  for (const field of edit.fields) {
    const mine = edit.mine[field];
    const theirs = edit.theirs[field];
    if (!edit.base || !Object.hasOwn(edit.base, field)) {
      if (!sameValue(mine, theirs)) clashes.push(field);
      continue;
    }
    const base = edit.base[field];
    if (sameValue(mine, base)) values[field] = theirs;
    else if (!sameValue(mine, theirs) && !sameValue(base, theirs)) clashes.push(field);
  }
  return { values: values as T, clashes };
}

/**
 * The one refusal of a stale save: kind `conflict`, with the record as stored now (`current`, masked by the
 * router like the channel's output when the channel declares error spots) and the clashing field names. The
 * editor's dialog shows mine (its form), theirs (`current`) and what it was (the copy it loaded).
 */
export function staleConflict(message: string, current: unknown, clashes: readonly string[], extra?: Values) {
  return new AppError('conflict', message, { current, clashes: [...clashes], ...extra });
}

/** Merge, or throw the conflict: the common case in one call. */
export function mergeOrRefuse<T extends Values>(
  edit: StaleEdit<T>,
  refuse: { message: string; current: unknown; extra?: Values | (() => Values) },
): T {
  const merged = mergeStaleEdit(edit);
  if (merged.clashes.length > 0) {
    // Read only on a refusal: who saved in between is looked up for the dialog, not on every save.
    const extra = typeof refuse.extra === 'function' ? refuse.extra() : refuse.extra;
    throw staleConflict(refuse.message, refuse.current, merged.clashes, extra);
  }
  return merged.values;
}
