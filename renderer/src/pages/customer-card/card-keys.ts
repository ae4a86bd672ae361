import type { TimelineKind } from './timeline-kinds';

export const cardKeys = {
  card: (id: number) => ['customers', 'card', id] as const,
  timelineAll: (id: number) => ['customers', 'timeline', id] as const,
  timeline: (id: number, kinds: readonly TimelineKind[]) => ['customers', 'timeline', id, kinds] as const,
  consentHistory: (id: number) => ['customers', 'consentHistory', id] as const,
  vehicleHistory: (vehicleId: number) => ['vehicles', 'history', vehicleId] as const,
};
