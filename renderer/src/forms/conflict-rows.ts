import { ApiCallError } from '../api';

/** One field of a refused save, as the conflict dialog lists it (display strings, in staff words). */
export interface ConflictRow<K extends string = string> {
  key: K;
  label: string;
  /** What the editor typed, what is saved now, and what it was when the editor opened the record. */
  mine: string;
  theirs: string;
  was: string;
}

export type ConflictChoice = 'mine' | 'theirs';

/** A refused save: the rows to decide, and who saved the record in between (when known). */
export interface ConflictState<K extends string = string> {
  rows: ConflictRow<K>[];
  savedBy: string | null;
  savedAt: string | null;
}

/**
 * The fields where what the editor typed and what is saved now read differently; the rest need no decision.
 * `show` turns one field of a snapshot (the loaded copy, the form, the saved record) into what staff read.
 */
export function conflictRows<K extends string, S>(
  keys: readonly K[],
  label: (key: K) => string,
  show: (key: K, snapshot: S) => string,
  snapshots: { was: S; mine: S; theirs: S },
): ConflictRow<K>[] {
  return keys.flatMap((key) => {
    const mine = show(key, snapshots.mine);
    const theirs = show(key, snapshots.theirs);
    if (mine === theirs) return [];
    return [{ key, label: label(key), mine, theirs, was: show(key, snapshots.was) }];
  });
}

/** The choice the dialog starts with: a field only the other person changed takes theirs, others keep mine. */
export function defaultChoice(row: ConflictRow): ConflictChoice {
  return row.mine === row.was ? 'theirs' : 'mine';
}

/** The editor's values with the fields chosen as "theirs" taken from the saved record. */
export function resolveValues<V extends object>(
  mine: V,
  theirs: V,
  choices: Readonly<Record<string, ConflictChoice>>,
): V {
  const out = { ...mine } as Record<string, unknown>;
  for (const [key, choice] of Object.entries(choices))
    if (choice === 'theirs') out[key] = (theirs as Record<string, unknown>)[key];
  return out as V;
}

/** A conflict refusal's details ({ current, clashes, savedBy, savedAt }), or null for any other error. */
export function conflictDetails<C>(
  error: unknown,
): { current: C; savedBy: string | null; savedAt: string | null } | null {
  if (!(error instanceof ApiCallError) || error.kind !== 'conflict') return null;
  const d = error.details as { current?: C; savedBy?: string | null; savedAt?: string | null } | undefined;
  if (!d?.current) return null;
  return { current: d.current, savedBy: d.savedBy ?? null, savedAt: d.savedAt ?? null };
}
