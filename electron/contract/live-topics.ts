/**
 * What a write can change, as the live-change stream names it (GET /api/changes, and the desktop's push).
 * A write channel declares the topics it touches (`touches` on its contract entry); the router publishes
 * them after the write succeeded, and every open screen refetches what it shows of those topics
 * (renderer/src/live/topic-keys.ts). A new domain adds its topic here and declares it on its channels.
 */
export const liveTopics = [
  'customers',
  'vehicles',
  'callbacks',
  'complaints',
  'notifications',
  'settings',
  'users',
  'subjectRequests',
  'imports',
  'backups',
  'events',
  'loyalty',
  'reports',
] as const;
export type LiveTopic = (typeof liveTopics)[number];

/**
 * One message of the stream: topics changed since the last one (batched), and a running number. `customers`
 * says, per topic, that the writes of the batch changed only those customers' records of it (a recorded
 * call: the called customer's card, tasks and timeline): a screen of another customer need not refetch. A topic
 * in `topics` but absent from `customers` changed wholesale. Lists and counters refetch on the topic either way.
 * Customer ids only, never what changed: each screen still reads through the ordinary (masked) channels.
 */
export interface LiveChange {
  seq: number;
  topics: LiveTopic[];
  customers?: Partial<Record<LiveTopic, number[]>>;
}

/**
 * Past this many customers in one topic of one batch (an import, a regeneration) the topic is sent as changed
 * wholesale: the message stays small, and so many screens would refetch anyway.
 */
export const liveCustomerIdsCap = 100;

/** The IPC event the desktop's main sends each change on (the preload passes it to the renderer). */
export const liveChangesChannel = 'dealer-crm:changes';
