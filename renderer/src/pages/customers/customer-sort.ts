import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { customerSorts } from '../../../../electron/contract/customers';

export type CustomerSort = (typeof customerSorts)[number];
export type SortDirection = 'asc' | 'desc';

export interface SortState {
  sort: CustomerSort;
  direction: SortDirection;
}

/** Matches main's default, so the first page is the one main would give without asking. */
export const defaultSort: SortState = { sort: 'lastVisit', direction: 'desc' };

/** Names read best A→Z the first time; dates newest first. */
export const firstDirection: Record<CustomerSort, SortDirection> = {
  name: 'asc',
  lastVisit: 'desc',
  created: 'desc',
};

/** The sort lives in the URL so a reload (or a link a colleague pastes) shows the same order. */
export function useCustomerSort(): [SortState, (next: SortState) => void] {
  const [params, setParams] = useSearchParams();
  const sort = customerSorts.find((s) => s === params.get('sort')) ?? defaultSort.sort;
  const dirParam = params.get('dir');
  const direction: SortDirection =
    dirParam === 'asc' || dirParam === 'desc' ? dirParam : defaultSort.direction;
  const setSort = useCallback(
    (next: SortState) => {
      setParams(
        (prev) => {
          const p = new URLSearchParams(prev);
          p.set('sort', next.sort);
          p.set('dir', next.direction);
          return p;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [{ sort, direction }, setSort];
}
