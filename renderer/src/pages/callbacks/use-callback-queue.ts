import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ChannelInput, ChannelOutput } from '../../../../electron/contract';
import type { CallbackRuleCode, queueBuckets, queueScopes } from '../../../../electron/contract/callbacks';
import { api } from '../../api';
import { callbackKeys } from './callback-keys';

export type QueueBucket = (typeof queueBuckets)[number];
export type QueueScope = (typeof queueScopes)[number];

export interface QueueFilter {
  bucket: QueueBucket;
  ruleCodes: CallbackRuleCode[];
  priorities: number[];
}

export type QueueCounts = NonNullable<ChannelOutput<'callbacks.queue'>['counts']>;

/**
 * "全部" by default: every open task in urgency order (the order "next call" takes them), so the first view never
 * says "nothing" while a tab beside it holds work.
 */
export const defaultQueueFilter: QueueFilter = { bucket: 'all', ruleCodes: [], priorities: [] };

/** Tasks under a tab: the tab's own count, and for 全部 all of them (the buckets split the open tasks). */
export function tasksInBucket(counts: QueueCounts, bucket: QueueBucket): number {
  const byBucket = {
    overdue: counts.overdue,
    due_today: counts.dueToday,
    upcoming: counts.upcoming,
    resting: counts.resting,
  };
  return bucket === 'all'
    ? counts.overdue + counts.dueToday + counts.upcoming + counts.resting
    : byBucket[bucket];
}

/** Fifty calls is more than a morning's work, and a page main answers in a few milliseconds at any scale. */
export const queuePageSize = 50;
/** Colleagues take and finish calls all day; the board follows without a manual refresh. */
const refreshMs = 30_000;

function queueInput(scope: QueueScope, f: QueueFilter, offset: number): ChannelInput<'callbacks.queue'> {
  return {
    scope,
    bucket: f.bucket,
    ...(f.ruleCodes.length ? { ruleCodes: f.ruleCodes } : {}),
    ...(f.priorities.length ? { priorities: f.priorities } : {}),
    limit: queuePageSize,
    offset,
  };
}

/**
 * One page of the queue, plus the first page's totals: main counts only at offset 0, so that page stays
 * subscribed (it is the same query when `page` is 0) and its figures stay current as the queue changes.
 */
export function useCallbackQueue(scope: QueueScope, filter: QueueFilter, page: number) {
  const fetchPage = (offset: number) => {
    const input = queueInput(scope, filter, offset);
    return { queryKey: callbackKeys.queue(input), queryFn: () => api.call('callbacks.queue', input) };
  };
  const first = useQuery({ ...fetchPage(0), refetchInterval: refreshMs });
  const current = useQuery({
    ...fetchPage(page * queuePageSize),
    refetchInterval: refreshMs,
    placeholderData: keepPreviousData,
  });
  return {
    rows: current.data?.rows ?? [],
    total: first.data?.total ?? null,
    counts: first.data?.counts ?? null,
    today: first.data?.today ?? null,
    isPending: current.isPending,
    isFetching: current.isFetching,
    error: current.error ?? first.error,
    refetch: () => void Promise.all([first.refetch(), current.refetch()]),
  };
}
