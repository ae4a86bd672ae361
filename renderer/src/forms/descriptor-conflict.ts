import type { TFunction } from 'i18next';
import type { FieldValues } from 'react-hook-form';
import { formatDateTime } from '../format/date';
import { formatFen } from '../format/money';
import type { ConflictRow } from './conflict-rows';
import { conflictRows } from './conflict-rows';
import type { FieldDescriptor, FieldOption } from './field-descriptors';

const text = (node: unknown): string =>
  typeof node === 'string' || typeof node === 'number' ? String(node) : '';

function optionLabel(options: readonly FieldOption[], value: unknown): string {
  const hit = options.find((o) => o.value === value);
  return hit ? text(hit.label) || (hit.title ?? String(hit.value)) : String(value as string);
}

/** A field's value as staff read it, drawn as its descriptor draws it (option labels, ¥, ticked flags). */
export function descriptorDisplay<T extends FieldValues>(
  t: TFunction,
  d: FieldDescriptor<T>,
  value: unknown,
): string {
  const blank = t('common.none');
  if (value === null || value === undefined || value === '') return blank;
  const w = d.widget;
  switch (w.kind) {
    case 'select':
      return optionLabel(w.options, value);
    case 'money':
      return formatFen(value as number);
    case 'instant':
      return formatDateTime(value as string);
    case 'flags': {
      const on = w.options
        .filter((o) => (value as Record<string, boolean>)[o.value])
        .map((o) => text(o.label));
      return on.length > 0 ? on.join('、') : blank;
    }
    case 'yesNo':
      return value ? text(w.yes) || t('common.yes') : text(w.no) || t('common.no');
    default:
      if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
      return String(value as string | number);
  }
}

/** The conflict rows of a descriptor form: its labels, its way of showing values, in its order. */
export function descriptorConflictRows<T extends FieldValues>(
  t: TFunction,
  descriptors: readonly FieldDescriptor<T>[],
  snapshots: { was: Record<string, unknown>; mine: Record<string, unknown>; theirs: Record<string, unknown> },
): ConflictRow[] {
  const byName = new Map(descriptors.map((d) => [d.name as string, d]));
  return conflictRows(
    [...byName.keys()],
    (key) => text(byName.get(key)!.label) || key,
    (key, s: Record<string, unknown>) => descriptorDisplay(t, byName.get(key)!, s[key]),
    snapshots,
  );
}
