import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ChannelInput } from '../../../../electron/contract';
import type { BaseGrade, Stage } from '../../../../electron/contract/customers';
import { baseGrades, stages } from '../../../../electron/contract/customers';
import type { LoyaltyTier } from '../../../../electron/contract/loyalty-terms';
import { loyaltyTiers } from '../../../../electron/contract/loyalty-terms';

export type CustomerFilters = NonNullable<ChannelInput<'customers.list'>['filters']>;

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** URL parameter names: short, readable in a pasted link (…?stage=owner,vip&district=惠城区). */
const param = {
  text: 'q',
  stages: 'stage',
  baseGrades: 'grade',
  tiers: 'tier',
  tag: 'tag',
  district: 'district',
  series: 'series',
  lastVisitFrom: 'from',
  lastVisitTo: 'to',
} as const;

function listOf<T extends string>(raw: string | null, allowed: readonly T[]): T[] | undefined {
  if (!raw) return undefined;
  const picked = allowed.filter((v) => raw.split(',').includes(v));
  return picked.length ? picked : undefined;
}

function textOf(raw: string | null, max: number): string | undefined {
  const v = raw?.trim();
  return v ? v.slice(0, max) : undefined;
}

function dayOf(raw: string | null): string | undefined {
  return raw && isoDay.test(raw) ? raw : undefined;
}

/** Only what is set: `{}` is "no filter", and equal filters give equal query keys. */
export function filtersFromParams(params: URLSearchParams): CustomerFilters {
  const f: CustomerFilters = {};
  const text = textOf(params.get(param.text), 50);
  if (text) f.text = text;
  const s = listOf<Stage>(params.get(param.stages), stages);
  if (s) f.stages = s;
  const g = listOf<BaseGrade>(params.get(param.baseGrades), baseGrades);
  if (g) f.baseGrades = g;
  const tiers = listOf<LoyaltyTier>(params.get(param.tiers), loyaltyTiers);
  if (tiers) f.tiers = tiers;
  const tag = textOf(params.get(param.tag), 20);
  if (tag) f.tag = tag;
  const district = textOf(params.get(param.district), 30);
  if (district) f.district = district;
  const series = textOf(params.get(param.series), 50);
  if (series) f.series = series;
  const from = dayOf(params.get(param.lastVisitFrom));
  if (from) f.lastVisitFrom = from;
  const to = dayOf(params.get(param.lastVisitTo));
  if (to) f.lastVisitTo = to;
  return f;
}

export function activeFilterCount(f: CustomerFilters): number {
  return Object.keys(f).length;
}

/** Filters live in the URL beside the sort, so a reload or a pasted link shows the same list. */
export function useCustomerFilters(): [CustomerFilters, (next: CustomerFilters) => void] {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the string is the identity of the params
  const filters = useMemo(() => filtersFromParams(params), [key]);
  const setFilters = useCallback(
    (next: CustomerFilters) => {
      setParams(
        (prev) => {
          const p = new URLSearchParams(prev);
          for (const name of Object.values(param)) p.delete(name);
          const entries: [keyof typeof param, string | undefined][] = [
            ['text', next.text],
            ['stages', next.stages?.join(',')],
            ['baseGrades', next.baseGrades?.join(',')],
            ['tiers', next.tiers?.join(',')],
            ['tag', next.tag],
            ['district', next.district],
            ['series', next.series],
            ['lastVisitFrom', next.lastVisitFrom],
            ['lastVisitTo', next.lastVisitTo],
          ];
          for (const [k, v] of entries) if (v) p.set(param[k], v);
          return p;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [filters, setFilters];
}
