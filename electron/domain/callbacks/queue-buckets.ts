/**
 * The queue's words, one definition each, used alike by the tabs, the rows and the footer: a task resting after
 * a failed try (no answer, busy, a call-back time) is 稍后重拨 whatever its due date; every other open task sits
 * under the tab its due date names. So the buckets split the open tasks, and a row never reads "逾期 3 天" under
 * 即将到期.
 */
const ready = '(t.next_attempt_at is null or t.next_attempt_at <= @now)';

export const bucketSql = {
  overdue: `t.due_date < @today and ${ready}`,
  due_today: `t.due_date = @today and ${ready}`,
  upcoming: `t.due_date > @today and ${ready}`,
  resting: 't.next_attempt_at > @now',
  all: '1 = 1',
} as const;
