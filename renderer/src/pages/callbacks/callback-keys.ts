import type { ChannelInput } from '../../../../electron/contract';

type QueueInput = ChannelInput<'callbacks.queue'>;
type PoolInput = ChannelInput<'callbacks.pool'>;

/** TanStack Query keys of the call-back screens; `all` is what a recorded call makes stale. */
export const callbackKeys = {
  all: ['callbacks'] as const,
  queues: ['callbacks', 'queue'] as const,
  queue: (input: QueueInput) => ['callbacks', 'queue', input] as const,
  /** Under `queues`: whatever makes the queue stale makes the pool stale too. */
  pool: (input: PoolInput) => ['callbacks', 'queue', 'pool', input] as const,
  current: ['callbacks', 'current'] as const,
  rules: ['callbacks', 'rules'] as const,
  outcomeSettings: ['callbacks', 'outcome-settings'] as const,
  workload: (from: string, to: string) => ['callbacks', 'workload', from, to] as const,
  completion: (from: string, to: string) => ['callbacks', 'completion', from, to] as const,
  workers: ['callbacks', 'workers'] as const,
};
