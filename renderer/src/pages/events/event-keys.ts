import type { ChannelInput } from '../../../../electron/contract';

/**
 * TanStack Query keys of the 客户活动 screens. Every key starts with `events`, so a change on the events live
 * topic (live/topic-keys.ts) refreshes the list, the event page, its invitees and the door's counts at once.
 */
export const eventKeys = {
  all: ['events'] as const,
  list: (input: ChannelInput<'events.list'>) => ['events', 'list', input] as const,
  event: (id: number) => ['events', 'event', id] as const,
  invitees: (input: ChannelInput<'events.invitees'>) => ['events', 'invitees', input] as const,
  inviteesOf: (eventId: number) => ['events', 'invitees', { eventId }] as const,
  funnel: (eventId: number) => ['events', 'funnel', eventId] as const,
  segments: ['events', 'segments'] as const,
  preview: (eventId: number, filters: unknown) => ['events', 'preview', eventId, filters] as const,
  checkin: (eventId: number, q: string) => ['events', 'checkin', eventId, q] as const,
  sheet: (eventId: number) => ['events', 'sheet', eventId] as const,
  results: (eventId: number) => ['events', 'results', eventId] as const,
  staff: ['events', 'staff'] as const,
  settings: ['events', 'settings'] as const,
  budgetYear: (year: number) => ['events', 'budget-year', year] as const,
  attachment: (id: number) => ['events', 'attachment', id] as const,
};
