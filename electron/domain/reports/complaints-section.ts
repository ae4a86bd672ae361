import type { z } from 'zod';
import type { ComplaintGrade, RootCause } from '../../contract/complaint-terms';
import {
  complaintGradeLabels,
  complaintGrades,
  complaintTimerLabels,
  rootCauseLabels,
} from '../../contract/complaint-terms';
import type { complaintSection } from '../../contract/reports';
import type { KpiScope } from './kpi-page';
import { monthInstants, monthWindow, share } from './month-window';

type ComplaintSection = z.infer<typeof complaintSection>;

/** How many root causes the pack lists. */
export const topCauseCount = 5;

/**
 * 投诉: the complaint KPIs of the month (electron/domain/complaints/kpis.ts) with the tickets received by grade,
 * each timer met or breached, and the most frequent root causes of the tickets closed in the month.
 */
export function complaintsSection(scope: KpiScope, month: string): ComplaintSection {
  const { openByTimeLeft: _now, ...kpis } = scope.complaints(month);
  const p = monthInstants(monthWindow(month));
  const sqlite = scope.ctx.db.$client;
  const grades = new Map(
    (
      sqlite
        .prepare(
          `select grade, count(*) as n from complaint_tickets
           where received_at >= @fromIso and received_at < @toIso group by grade`,
        )
        .all(p) as { grade: ComplaintGrade; n: number }[]
    ).map((r) => [r.grade, r.n]),
  );
  // Tickets whose manufacturer timer ran are the ones with a manufacturer deadline.
  const manufacturerTickets = sqlite
    .prepare(
      `select count(*) from complaint_tickets
       where received_at >= @fromIso and received_at < @toIso and manufacturer_due_at is not null`,
    )
    .pluck()
    .get(p) as number;
  const causes = sqlite
    .prepare(
      `select root_cause as cause, count(*) as n from complaint_tickets
       where closed_at >= @fromIso and closed_at < @toIso and root_cause is not null
       group by root_cause order by n desc, root_cause limit ${topCauseCount}`,
    )
    .all(p) as { cause: RootCause; n: number }[];
  return {
    kpis,
    byGrade: complaintGrades.map((g) => ({
      key: g,
      label: complaintGradeLabels[g],
      count: grades.get(g) ?? 0,
    })),
    timers: kpis.breaches.map((b) => {
      const ran = b.timer === 'manufacturer' ? manufacturerTickets : kpis.received;
      return {
        timer: b.timer,
        label: complaintTimerLabels[b.timer],
        breached: b.count,
        met: Math.max(0, ran - b.count),
        metRate: share(Math.max(0, ran - b.count), ran),
      };
    }),
    topRootCauses: causes.map((c) => ({
      key: c.cause,
      label: rootCauseLabels[c.cause] ?? c.cause,
      count: c.n,
    })),
    notes: [
      '受理、分级、时限、重复投诉按本月受理的工单计；首次解决率、结案时长、根本原因按本月结案的工单计',
      '满意度按本月完成的结案回访计（满意、基本满意计为满意）；时限未超时即计为达标（含尚未到期的）',
    ],
  };
}
