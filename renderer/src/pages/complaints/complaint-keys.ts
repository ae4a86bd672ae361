import type { ChannelInput } from '../../../../electron/contract';

type ListInput = ChannelInput<'complaints.list'>;

/**
 * TanStack Query keys of the complaint screens. `all` is what a change to any ticket makes stale (the list, its
 * counts, the KPIs); a ticket page keeps its own key so a change there refreshes it from main's answer directly.
 */
export const complaintKeys = {
  all: ['complaints'] as const,
  lists: ['complaints', 'list'] as const,
  list: (filters: ListInput['filters'], sort: ListInput['sort']) =>
    ['complaints', 'list', filters, sort] as const,
  ticket: (id: number) => ['complaints', 'ticket', id] as const,
  kpis: (from: string, to: string) => ['complaints', 'kpis', from, to] as const,
  settings: ['complaints', 'settings'] as const,
  staff: ['complaints', 'staff'] as const,
  customerVehicles: (customerId: number) => ['complaints', 'customer-vehicles', customerId] as const,
  suggest: (input: ChannelInput<'complaints.suggest'>) => ['complaints', 'suggest', input] as const,
  attachment: (id: number, thumbnail: boolean) => ['complaints', 'attachment', id, thumbnail] as const,
};
