import type { VisibilityState } from '@tanstack/react-table';
import { useCallback, useState } from 'react';

const storageKey = 'dealer-crm.customer-list.hidden-columns';

function load(): VisibilityState {
  try {
    const raw = window.localStorage.getItem(storageKey);
    const hidden: unknown = raw ? JSON.parse(raw) : [];
    if (!Array.isArray(hidden)) return {};
    return Object.fromEntries(hidden.filter((h) => typeof h === 'string').map((h: string) => [h, false]));
  } catch {
    // A broken or unavailable store just means every column shows.
    return {};
  }
}

function save(state: VisibilityState): void {
  try {
    const hidden = Object.entries(state)
      .filter(([, visible]) => !visible)
      .map(([id]) => id);
    window.localStorage.setItem(storageKey, JSON.stringify(hidden));
  } catch {
    // Not remembering the choice is harmless.
  }
}

/** Which list columns this workstation shows; remembered in the browser, per machine rather than per user. */
export function useColumnVisibility(): [VisibilityState, (next: VisibilityState) => void] {
  const [state, setState] = useState<VisibilityState>(load);
  const update = useCallback((next: VisibilityState) => {
    setState(next);
    save(next);
  }, []);
  return [state, update];
}
