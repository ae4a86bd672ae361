/** The files the import wizard takes: customer cards (with a car each), or the DMS's repair orders. */
export const importKinds = ['customers', 'repair_orders'] as const;
export type ImportKind = (typeof importKinds)[number];

export const importKindLabels: Record<ImportKind, string> = {
  customers: '客户资料',
  repair_orders: '维修工单',
};
