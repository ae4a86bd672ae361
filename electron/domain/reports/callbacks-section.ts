import type { z } from 'zod';
import type { callbackSection } from '../../contract/reports';
import { completion, workload } from '../callbacks/manager-reports';
import { localDate } from '../clock';
import type { AuthedContext } from '../context';
import { share } from './month-window';
import { monthWindow } from './month-window';

type CallbackSection = z.infer<typeof callbackSection>;

/**
 * 回访: the call-back tasks that fell due in the month, by call type (the manager's completion report) and by
 * operator (the workload report). Overdue: due in the month and expired unworked, or still open past its due day.
 */
export function callbacksSection(ctx: AuthedContext, month: string): CallbackSection {
  const w = monthWindow(month);
  const range = { from: w.from, to: w.to };
  const today = localDate(ctx.clock());
  const openLate = new Map(
    (
      ctx.db.$client
        .prepare(
          `select rule_code as code, count(*) as n from callback_tasks
           where due_date between @from and @to and status = 'open' and due_date < @today group by rule_code`,
        )
        .all({ ...range, today }) as { code: string; n: number }[]
    ).map((r) => [r.code, r.n]),
  );
  const byType = completion(ctx, range)
    .rows.filter((r) => r.due > 0 || r.completedInPeriod > 0)
    .map((r) => ({
      ruleCode: r.ruleCode,
      ruleName: r.ruleName,
      due: r.due,
      done: r.dueDone,
      reached: r.reached,
      overdue: r.expired + (openLate.get(r.ruleCode) ?? 0),
      completedInMonth: r.completedInPeriod,
    }));
  const byOperator = workload(ctx, range)
    .rows.filter((r) => r.assignedDue > 0 || r.done > 0 || r.attempts > 0)
    .map((r) => ({
      userId: r.userId,
      displayName: r.displayName,
      assignedDue: r.assignedDue,
      assignedDueDone: r.assignedDueDone,
      done: r.done,
      attempts: r.attempts,
      reached: r.reached,
      reachRate: r.reachRate === null ? null : Math.round(r.reachRate * 1000) / 1000,
      avgHandleSeconds: r.avgHandleSeconds,
    }));
  const sum = (k: 'due' | 'done' | 'reached' | 'overdue') => byType.reduce((n, r) => n + r[k], 0);
  return {
    due: sum('due'),
    done: sum('done'),
    reached: sum('reached'),
    reachRate: share(sum('reached'), sum('due')),
    overdue: sum('overdue'),
    byType,
    byOperator,
    notes: [
      '应回访：本月到期的回访任务；已完成、已接通、逾期均指这些任务（接通率 = 已接通 ÷ 应回访）',
      '逾期：本月到期而过期未做，或到今天仍未完成且已过到期日',
      '按专员：分配给其本月到期的任务及完成数；本月完成任务数、拨打次数、接通次数与接通率（接通 ÷ 拨打）按本月实际发生计',
    ],
  };
}
