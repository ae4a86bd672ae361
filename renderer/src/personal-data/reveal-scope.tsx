import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { PersonalField } from '../../../electron/common/personal-mask';

export interface Revealed {
  value: string | null;
  reason: string;
}

interface RevealStore {
  get(customerId: number, field: PersonalField): Revealed | undefined;
  set(customerId: number, field: PersonalField, revealed: Revealed): void;
}

const RevealContext = createContext<RevealStore | null>(null);

/**
 * One view's revealed values (a card, a call): the header and the profile show the same reveal. Plain component
 * state, dropped with the view, never in the query cache, so a reveal lasts for that view only.
 */
export function RevealScope({ children }: { children: ReactNode }) {
  const [values, setValues] = useState<ReadonlyMap<string, Revealed>>(new Map());
  const get = useCallback(
    (customerId: number, field: PersonalField) => values.get(`${customerId}:${field}`),
    [values],
  );
  const set = useCallback((customerId: number, field: PersonalField, revealed: Revealed) => {
    setValues((old) => new Map(old).set(`${customerId}:${field}`, revealed));
  }, []);
  const store = useMemo(() => ({ get, set }), [get, set]);
  return <RevealContext.Provider value={store}>{children}</RevealContext.Provider>;
}

/** The reveal of one field in the enclosing scope, or in the component's own state outside any scope. */
export function useRevealed(customerId: number, field: PersonalField) {
  const scope = useContext(RevealContext);
  const [own, setOwn] = useState<{ key: string; revealed: Revealed } | null>(null);
  const key = `${customerId}:${field}`;
  if (scope) return [scope.get(customerId, field), (r: Revealed) => scope.set(customerId, field, r)] as const;
  return [
    own?.key === key ? own.revealed : undefined,
    (r: Revealed) => setOwn({ key, revealed: r }),
  ] as const;
}
