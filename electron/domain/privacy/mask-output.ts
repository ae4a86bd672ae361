import type { PersonalFieldMask, PersonalSpot } from '../../contract/channel';
import { maskPersonal } from '../../common/personal-mask';
import type { ServiceContext } from '../context';
import { customersShownInFull, personalScopeOf } from './personal-access';

type Rec = Record<string, unknown>;

const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

function stepsOf(at: string): string[] {
  return at === '' ? [] : at.split('.');
}

/** The records a spot points at in `value` (read only). */
export function recordsAt(value: unknown, at: string): Rec[] {
  let level: unknown[] = [value];
  for (const step of stepsOf(at)) {
    const many = step.endsWith('[]');
    const key = many ? step.slice(0, -2) : step;
    const next: unknown[] = [];
    for (const v of level) {
      const child = key === '' ? v : isRecord(v) ? v[key] : undefined;
      if (many) {
        if (Array.isArray(child)) next.push(...(child as unknown[]));
      } else if (child !== undefined && child !== null) next.push(child);
    }
    level = next;
  }
  return level.filter(isRecord);
}

/**
 * `value` with every record at the path replaced by fn(record). Copies only along the path: handler results
 * can be shared (the duplicate scan pages from a result kept for minutes), so they are never changed in place.
 */
function mapAt(value: unknown, steps: readonly string[], fn: (r: Rec) => Rec): unknown {
  const [step, ...rest] = steps;
  if (step === undefined) return isRecord(value) ? fn(value) : value;
  const many = step.endsWith('[]');
  const key = many ? step.slice(0, -2) : step;
  if (key !== '' && !isRecord(value)) return value;
  const child = key === '' ? value : (value as Rec)[key];
  let mapped: unknown;
  if (many) mapped = Array.isArray(child) ? (child as unknown[]).map((e) => mapAt(e, rest, fn)) : child;
  else mapped = child === undefined || child === null ? child : mapAt(child, rest, fn);
  if (key === '') return mapped;
  return mapped === child ? value : { ...(value as Rec), [key]: mapped };
}

function maskField(record: Rec, mask: PersonalFieldMask, value: string): string {
  if (typeof mask === 'string') return maskPersonal(mask, value) ?? value;
  const applies = mask.when.in.includes(String(record[mask.when.field]));
  return applies ? (maskPersonal(mask.mask, value) ?? value) : value;
}

function maskRecord(record: Rec, fields: PersonalSpot['fields']): Rec {
  let out: Rec | null = null;
  for (const [name, mask] of Object.entries(fields)) {
    const value = record[name];
    if (typeof value !== 'string' || value === '') continue;
    const masked = maskField(record, mask, value);
    if (masked === value) continue;
    out ??= { ...record };
    out[name] = masked;
  }
  return out ?? record;
}

/**
 * A channel's output as the caller may see it: personal fields masked in every spot, except for customers the
 * caller may see in full (personal-access.ts). A record without a readable customer id is masked.
 */
export function maskPersonalOutput(
  ctx: ServiceContext,
  spots: readonly PersonalSpot[],
  data: unknown,
): unknown {
  const scope = personalScopeOf(ctx.user);
  if (scope === 'all') return data;
  const ids: number[] = [];
  if (scope === 'owned')
    for (const spot of spots)
      for (const r of recordsAt(data, spot.at)) {
        const id = r[spot.customerId];
        if (typeof id === 'number') ids.push(id);
      }
  const inFull = customersShownInFull(ctx, ids);
  let out = data;
  for (const spot of spots) {
    out = mapAt(out, stepsOf(spot.at), (r) => {
      const id = r[spot.customerId];
      return typeof id === 'number' && inFull(id) ? r : maskRecord(r, spot.fields);
    });
  }
  return out;
}
