import type { ReactNode } from 'react';

export interface InfoItem {
  label: string;
  value: ReactNode;
  /** Takes the whole row (addresses, notes). */
  wide?: boolean;
}

function isBlank(value: ReactNode): boolean {
  return value === null || value === undefined || value === '' || value === false;
}

/** Label/value pairs in two columns; a blank value reads as a quiet dash, never as an empty gap. */
export function InfoList({ items }: { items: InfoItem[] }) {
  return (
    <dl className="info-list">
      {items.map((item) => (
        <div key={item.label} className={item.wide ? 'info-item is-wide' : 'info-item'}>
          <dt>{item.label}</dt>
          <dd>{isBlank(item.value) ? <span className="cell-empty">—</span> : item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
