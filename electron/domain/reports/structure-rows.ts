import type { StructureRow } from '../../contract/reports';
import { share } from './month-window';

export interface StructureCounts {
  key: string;
  label: string;
  customers: number;
  visits: number;
  revenueFen: number;
}

const fenPerWan = 1_000_000;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** One row of a structure table; shares are of the table's total row. Money stays fen until shown. */
export function structureRow(c: StructureCounts, total: StructureCounts): StructureRow {
  return {
    ...c,
    revenueWan: round2(c.revenueFen / fenPerWan),
    avgTicketYuan: c.visits > 0 ? round2(c.revenueFen / c.visits / 100) : null,
    perCustomerYuan: c.customers > 0 ? round2(c.revenueFen / c.customers / 100) : null,
    customerShare: share(c.customers, total.customers),
    revenueShare: share(c.revenueFen, total.revenueFen),
  };
}

/** Rows in the order given, each keyed counts or zero, and the total row (`totalCustomers`: distinct). */
export function structureRows(
  order: readonly { key: string; label: string }[],
  counts: readonly StructureCounts[],
  totalCustomers: number,
): { rows: StructureRow[]; total: StructureRow } {
  const byKey = new Map(counts.map((c) => [c.key, c]));
  const total: StructureCounts = {
    key: 'total',
    label: '合计',
    customers: totalCustomers,
    visits: counts.reduce((n, c) => n + c.visits, 0),
    revenueFen: counts.reduce((n, c) => n + c.revenueFen, 0),
  };
  const rows = order.map((o) =>
    structureRow(byKey.get(o.key) ?? { ...o, customers: 0, visits: 0, revenueFen: 0 }, total),
  );
  return { rows, total: structureRow(total, total) };
}
