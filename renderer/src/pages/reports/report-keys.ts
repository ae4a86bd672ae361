export const reportKeys = {
  all: ['reports'] as const,
  pack: (month: string) => ['reports', 'pack', month] as const,
  snapshot: (month: string) => ['reports', 'snapshot', month] as const,
  compare: (month: string) => ['reports', 'compare', month] as const,
  closedMonths: ['reports', 'closedMonths'] as const,
  dashboard: ['reports', 'dashboard'] as const,
};
