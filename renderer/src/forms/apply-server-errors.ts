import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { ApiCallError } from '../api';

/**
 * Puts the server's per-field messages beside the inputs they belong to. Returns false when nothing could be
 * placed, so the caller shows the message as a toast instead.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly FieldPath<T>[],
  prefix = '',
): boolean {
  if (!(error instanceof ApiCallError)) return false;
  let placed = false;
  for (const [path, message] of Object.entries(error.fieldErrors)) {
    const name = (prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path) as FieldPath<T>;
    if (!fields.includes(name)) continue;
    setError(name, { type: 'server', message }, { shouldFocus: !placed });
    placed = true;
  }
  return placed;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiCallError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
