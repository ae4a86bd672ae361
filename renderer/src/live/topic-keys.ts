import type { LiveTopic } from '../../../electron/contract/live-topics';

/**
 * The TanStack Query key roots each live topic makes stale (keys start with their domain, see *-keys.ts).
 * A customer's change shows in lists, search, the card and the call panel's customer; a call's in the queues,
 * the card's timeline and the complaints it may raise. Which of them refetch for one message: live-match.ts.
 */
export const topicKeyRoots: Record<LiveTopic, readonly string[]> = {
  customers: ['customers', 'search', 'callbacks', 'system'],
  vehicles: ['vehicles', 'customers', 'search', 'complaints'],
  callbacks: ['callbacks', 'customers'],
  complaints: ['complaints', 'customers'],
  notifications: ['notifications'],
  settings: ['settings', 'threeGuarantee', 'callbacks', 'complaints'],
  users: ['users', 'audit'],
  subjectRequests: ['subjectRequests', 'customers'],
  imports: ['imports', 'customers'],
  backups: ['backups'],
  events: ['events', 'customers'],
  loyalty: ['loyalty', 'customers'],
  reports: ['reports'],
};
