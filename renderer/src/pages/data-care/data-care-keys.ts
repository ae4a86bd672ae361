/** Query keys of the data-care screens; customer lists are invalidated through customerKeys.all. */
export const dataCareKeys = {
  imports: ['imports', 'list'] as const,
  importProgress: (jobId: string) => ['imports', 'progress', jobId] as const,
  scan: (reasons: readonly string[]) => ['customers', 'duplicateScan', ...reasons] as const,
  scanAll: ['customers', 'duplicateScan'] as const,
  merges: ['customers', 'merges'] as const,
  mergeFacts: (customerId: number) => ['customers', 'mergeFacts', customerId] as const,
};
