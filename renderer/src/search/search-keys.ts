export const searchKeys = {
  all: ['customers', 'search'] as const,
  query: (q: string, limit: number) => ['customers', 'search', q, limit] as const,
};
