import type { ReportPack } from '../../contract/reports';

type Leaf = number | string | boolean | null;

/** Properties that say when and by what the pack was made, not what it says: never a difference. */
const ignored = new Set(['generatedAt', 'appVersion']);
/** What names an element of a list, so a row that moved is compared with itself, not with its new neighbour. */
const idFields = [
  'code',
  'key',
  'month',
  'ruleCode',
  'userId',
  'eventId',
  'timer',
  'grade',
  'bucket',
] as const;

function elementId(item: unknown, index: number): string {
  if (item && typeof item === 'object') {
    for (const f of idFields) {
      const v = (item as Record<string, unknown>)[f];
      if (typeof v === 'string' || typeof v === 'number') return String(v);
    }
  }
  return String(index);
}

function flatten(value: unknown, path: string, out: Map<string, Leaf>): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => flatten(item, `${path}[${elementId(item, i)}]`, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (ignored.has(k)) continue;
      flatten(v, path ? `${path}.${k}` : k, out);
    }
  } else {
    out.set(path, (value ?? null) as Leaf);
  }
}

/** Every figure (leaf) of the two packs that differs, by its path; one missing on a side is null there. */
export function packDifferences(
  frozen: ReportPack,
  live: ReportPack,
): { path: string; frozen: Leaf; live: Leaf }[] {
  const a = new Map<string, Leaf>();
  const b = new Map<string, Leaf>();
  flatten(frozen, '', a);
  flatten(live, '', b);
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  return paths
    .filter((p) => (a.get(p) ?? null) !== (b.get(p) ?? null))
    .map((p) => ({ path: p, frozen: a.get(p) ?? null, live: b.get(p) ?? null }));
}
