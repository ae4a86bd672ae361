import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ChannelInput } from '../../../../electron/contract';
import type {
  ComplaintCategory,
  ComplaintGrade,
  ComplaintState,
} from '../../../../electron/contract/complaints';
import {
  complaintCategories,
  complaintGrades,
  complaintStates,
} from '../../../../electron/contract/complaints';

export type ListFilters = NonNullable<ChannelInput<'complaints.list'>['filters']>;
export type ListScope = NonNullable<ListFilters['scope']>;
export type ListSort = NonNullable<ChannelInput<'complaints.list'>['sort']>;

export const listScopes = ['all', 'mine', 'department'] as const satisfies readonly ListScope[];

/** URL parameter names: short, readable in a pasted link (…?scope=mine&grade=A,B&breached=1). */
const param = {
  scope: 'scope',
  departmentId: 'dept',
  grades: 'grade',
  states: 'state',
  open: 'open',
  breached: 'breached',
  repeat: 'repeat',
  category: 'category',
  text: 'q',
  sort: 'sort',
} as const;

function listOf<T extends string>(raw: string | null, allowed: readonly T[]): T[] | undefined {
  if (!raw) return undefined;
  const picked = allowed.filter((v) => raw.split(',').includes(v));
  return picked.length ? picked : undefined;
}

export interface ListView {
  filters: ListFilters;
  sort: ListSort;
}

/**
 * The list as the URL says. With nothing said it is the open work by time left: 未结 is on unless the link turns
 * it off (open=0), so the first screen is what needs doing, most urgent first.
 */
export function viewFromParams(params: URLSearchParams): ListView {
  const f: ListFilters = { scope: 'all' };
  const scope = listScopes.find((s) => s === params.get(param.scope));
  if (scope) f.scope = scope;
  const dept = Number(params.get(param.departmentId));
  if (Number.isInteger(dept) && dept > 0) f.departmentId = dept;
  const grades = listOf<ComplaintGrade>(params.get(param.grades), complaintGrades);
  if (grades) f.grades = grades;
  const states = listOf<ComplaintState>(params.get(param.states), complaintStates);
  if (states) f.states = states;
  if (params.get(param.open) !== '0' && !states) f.open = true;
  if (params.get(param.breached) === '1') f.breached = true;
  if (params.get(param.repeat) === '1') f.repeat = true;
  const category = complaintCategories.find((c) => c === params.get(param.category)) as
    ComplaintCategory | undefined;
  if (category) f.category = category;
  const text = params.get(param.text)?.trim().slice(0, 60);
  if (text) f.text = text;
  const sort: ListSort = params.get(param.sort) === 'received' ? 'received' : 'time_left';
  return { filters: f, sort };
}

/** Filters beyond the scope and the default 未结: what 清除筛选 clears. */
export function activeFilterCount(f: ListFilters): number {
  return [f.grades, f.states, f.breached, f.repeat, f.category, f.text].filter(Boolean).length;
}

/** Filters and sort live in the URL, so returning from a ticket (or a pasted link) shows the same list. */
export function useListView(): [ListView, (next: ListView) => void] {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the string is the identity of the params
  const view = useMemo(() => viewFromParams(params), [key]);
  const setView = useCallback(
    ({ filters: f, sort }: ListView) => {
      setParams(
        (prev) => {
          const p = new URLSearchParams(prev);
          for (const name of Object.values(param)) p.delete(name);
          const entries: [string, string | undefined][] = [
            [param.scope, f.scope && f.scope !== 'all' ? f.scope : undefined],
            [param.departmentId, f.departmentId ? String(f.departmentId) : undefined],
            [param.grades, f.grades?.join(',')],
            [param.states, f.states?.join(',')],
            // Open is the default; only its absence needs saying (and states given imply it is off).
            [param.open, !f.open && !f.states ? '0' : undefined],
            [param.breached, f.breached ? '1' : undefined],
            [param.repeat, f.repeat ? '1' : undefined],
            [param.category, f.category],
            [param.text, f.text],
            [param.sort, sort === 'received' ? 'received' : undefined],
          ];
          for (const [name, value] of entries) if (value) p.set(name, value);
          return p;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [view, setView];
}
