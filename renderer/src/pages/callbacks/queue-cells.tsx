import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QueueRow } from '../../../../electron/contract/callbacks';
import { formatDate } from '../../format/date';
import { asPriority, daysBetween, formatWhen } from './callback-format';

/** Priority as a compact pill; 1 is the most urgent. */
export function PriorityPill({ value }: { value: number }) {
  const { t } = useTranslation();
  const p = asPriority(value);
  return (
    <span className={`cb-priority cb-priority-${p}`} title={t(`callbacks.priority.p${p}`)}>
      {t('callbacks.priorityShort', { value: p })}
    </span>
  );
}

/**
 * Every reason of the call as short tags, one per call type (a fleet customer's five CSI calls read "×5"); a long
 * list folds into "+N" with the rest in the tooltip.
 */
export function ReasonTags({ row }: { row: QueueRow }) {
  const groups = new Map<string, { code: string; name: string; count: number }>();
  for (const task of row.tasks) {
    const g = groups.get(task.ruleCode) ?? { code: task.ruleCode, name: task.ruleName, count: 0 };
    g.count++;
    groups.set(task.ruleCode, g);
  }
  const all = [...groups.values()];
  const label = (g: (typeof all)[number]) => (g.count > 1 ? `${g.name} ×${g.count}` : g.name);
  const shown = all.slice(0, 2);
  const rest = all.length - shown.length;
  return (
    <Tooltip title={rest > 0 ? all.map(label).join('、') : undefined}>
      <span className="cb-reasons">
        {shown.map((g) => (
          <span key={g.code} className={`cb-reason-tag cb-rule-${g.code}`} title={label(g)}>
            {label(g)}
          </span>
        ))}
        {rest > 0 && <span className="cb-reason-more">+{rest}</span>}
      </span>
    </Tooltip>
  );
}

export function DueCell({ row, today }: { row: QueueRow; today: string | null }) {
  const { t } = useTranslation();
  const late = today && row.dueDate < today ? daysBetween(row.dueDate, today) : 0;
  return (
    <span className="cb-due">
      <span className="cell-mono">{formatDate(row.dueDate)}</span>
      {late > 0 && <span className="cb-overdue">{t('callbacks.queue.overdueDays', { count: late })}</span>}
    </span>
  );
}

/** On a call now, resting until a retry (稍后重拨), the last outcome, or simply waiting, in that order of interest. */
export function StatusCell({ row }: { row: QueueRow }) {
  const { t } = useTranslation();
  const onCall = row.tasks.find((task) => task.claimedByName);
  if (onCall) {
    return (
      <span className="cb-status cb-status-oncall">
        {t('callbacks.queue.status.onCall', { name: onCall.claimedByName })}
      </span>
    );
  }
  // Main decides whether the call rests (its clock, the same one that put the row under 稍后重拨).
  if (row.restingUntil) {
    return (
      <span className="cb-status cb-status-resting">
        {t('callbacks.queue.status.resting', { time: formatWhen(row.restingUntil) })}
      </span>
    );
  }
  const last = row.tasks.find((task) => task.lastOutcome)?.lastOutcome;
  if (last) {
    return (
      <span className="cb-status">
        {t('callbacks.queue.status.last', { outcome: t(`callbacks.outcomes.${last}`) })}
      </span>
    );
  }
  return <span className="cb-status cb-status-waiting">{t('callbacks.queue.status.waiting')}</span>;
}

export function AssignedCell({ row }: { row: QueueRow }) {
  const { t } = useTranslation();
  const names = [...new Set(row.tasks.map((task) => task.assignedUserName).filter((n) => n !== null))];
  if (names.length === 0) return <span className="cell-empty">{t('callbacks.queue.unassigned')}</span>;
  const text = names.join('、');
  return (
    <span className="cell-text" title={text}>
      {text}
    </span>
  );
}
