import type { Permission } from '../../../../electron/contract/permissions';

export type DataCareSection = 'import' | 'duplicates';

export const dataCareSections: readonly { key: DataCareSection; path: string; permission: Permission }[] = [
  { key: 'import', path: '/data-care/import', permission: 'customers.import' },
  { key: 'duplicates', path: '/data-care/duplicates', permission: 'customers.merge' },
];
