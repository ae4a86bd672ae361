import type Database from 'better-sqlite3';
import { prepared } from '../customers/sql-cache';
import type { FieldChanges } from './audit-log';
import { fieldChanges } from './audit-log';

/** Which columns of a table an audit row compares, by their contract (camelCase) names. */
export interface AuditShape {
  table: 'customers' | 'vehicles' | 'service_visits';
  fields: readonly string[];
  /** Stored 0/1, compared and shown as yes/no. */
  booleans?: ReadonlySet<string>;
  /** Stored as JSON text. */
  json?: ReadonlySet<string>;
  /**
   * Free text staff type (notes, needs, reasons) can hold anything, a phone number included: the log records
   * that it changed and its length, never the text, so the log does not become a copy of what an erasure
   * scrubs from the card.
   */
  freeText?: ReadonlySet<string>;
}

const columnOf = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** A stored row (`select *`, snake_case) as the contract's fields the shape lists. */
export function snapshotOf(
  row: Record<string, unknown> | undefined,
  shape: AuditShape,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!row) return out;
  for (const f of shape.fields) {
    const v = row[columnOf(f)] ?? null;
    out[f] = shape.booleans?.has(f) ? v === 1 || v === true : shape.json?.has(f) ? parseJson(v) : v;
  }
  return out;
}

export function readSnapshot(
  sqlite: Database.Database,
  shape: AuditShape,
  id: number,
): Record<string, unknown> {
  const row = prepared(sqlite, `select * from ${shape.table} where id = ?`).get(id) as
    Record<string, unknown> | undefined;
  return snapshotOf(row, shape);
}

const textMark = (v: unknown) => (typeof v === 'string' && v !== '' ? `〔${[...v].length} 字〕` : v);

function redactText(value: unknown): unknown {
  if (typeof value === 'string') return textMark(value);
  if (value && typeof value === 'object' && !Array.isArray(value) && 'note' in value) {
    // Preferences carry one free-text note among their choices.
    return { ...(value as Record<string, unknown>), note: textMark((value as { note: unknown }).note) };
  }
  return value;
}

/** Before/after of the fields that differ: personal values masked (fieldChanges), free text reduced to its length. */
export function changesOf(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  shape: Pick<AuditShape, 'fields' | 'freeText'>,
): FieldChanges {
  const changes = fieldChanges(before, after, shape.fields);
  const created = Object.keys(before).length === 0;
  for (const f of Object.keys(changes)) {
    // A new record's unset switches and empty lists are defaults, not something anyone typed.
    const value = changes[f]![1];
    if (created && (value === false || (Array.isArray(value) && value.length === 0))) {
      delete changes[f];
      continue;
    }
    if (shape.freeText?.has(f)) changes[f] = [redactText(changes[f]![0]), redactText(changes[f]![1])];
  }
  return changes;
}
