import type { ReactNode } from 'react';

export interface ReportColumn<T> {
  key: string;
  title: ReactNode;
  cell: (row: T) => ReactNode;
  /** Right-aligned tabular figures. */
  num?: boolean;
}

/**
 * A table of the pack, the same markup on screen and on paper: a real <thead> (repeated on every printed page)
 * and rows that are never cut across a page. Every cell shows what main computed; nothing is summed here.
 */
export function ReportTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  total,
  empty,
  wide,
  head,
}: {
  caption?: ReactNode;
  columns: readonly ReportColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  total?: T;
  empty?: ReactNode;
  /** A table too wide for portrait: printed on a landscape page. */
  wide?: boolean;
  /** Extra header rows above the column titles (grouped headings). */
  head?: ReactNode;
}) {
  return (
    <div className={wide ? 'rp-table-wrap rp-wide' : 'rp-table-wrap'}>
      {caption && <h3 className="rp-caption">{caption}</h3>}
      <table className="rp-table">
        <thead>
          {head}
          <tr>
            {columns.map((c) => (
              <th key={c.key} className={c.num ? 'num' : undefined} scope="col">
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="rp-empty">
                {empty}
              </td>
            </tr>
          )}
          {rows.map((r) => (
            <tr key={rowKey(r)}>
              {columns.map((c) => (
                <td key={c.key} className={c.num ? 'num' : undefined}>
                  {c.cell(r)}
                </td>
              ))}
            </tr>
          ))}
          {total && (
            <tr className="rp-total">
              {columns.map((c) => (
                <td key={c.key} className={c.num ? 'num' : undefined}>
                  {c.cell(total)}
                </td>
              ))}
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
