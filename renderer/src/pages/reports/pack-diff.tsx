import type { ReactNode } from 'react';
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';

type Leaf = number | string | boolean | null;
export interface PackDifference {
  path: string;
  frozen: Leaf;
  live: Leaf;
}

/** In the compare view: the differences main found, by the figure's path in the pack (pack-compare.ts). */
const DiffContext = createContext<ReadonlyMap<string, PackDifference> | null>(null);

export function DiffProvider({
  differences,
  children,
}: {
  differences: readonly PackDifference[];
  children: ReactNode;
}) {
  return (
    <DiffContext.Provider value={new Map(differences.map((d) => [d.path, d]))}>
      {children}
    </DiffContext.Provider>
  );
}

/**
 * One figure of the pack. `path` names it the way main's comparison does (list items by their code/key/id), so
 * in the compare view a figure that changed since the month was closed is marked, with the frozen value beside.
 */
export function Fig<T extends Leaf>({
  path,
  value,
  format,
}: {
  path: string;
  value: T;
  format: (v: T) => string;
}) {
  const { t } = useTranslation();
  const diff = useContext(DiffContext)?.get(path);
  if (!diff) return <>{format(value)}</>;
  return (
    <span className="rp-diff" data-path={path}>
      {format(value)}
      <span className="rp-diff-frozen">
        （{t('reports.compare.frozenValue', { value: format(diff.frozen as T) })}）
      </span>
    </span>
  );
}
