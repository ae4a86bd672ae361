import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SubjectRequestRow } from '../../../../electron/contract/subject-requests';
import { openSubjectRequestStates } from '../../../../electron/contract/subject-requests';

/** The deadline with what is left of it in store working days (main counts them on the holiday calendar). */
export function DeadlineCell({ row }: { row: SubjectRequestRow }) {
  const { t } = useTranslation();
  const open = openSubjectRequestStates.includes(row.state);
  const left = row.workingDaysLeft;
  const note = !open
    ? null
    : row.overdue
      ? left < 0
        ? t('subjectRequests.overdueBy', { count: -left })
        : t('subjectRequests.overdueToday')
      : left === 0
        ? t('subjectRequests.dueToday')
        : t('subjectRequests.daysLeft', { count: left });
  return (
    <span className="deadline-cell">
      <span>{row.deadline}</span>
      {note && (
        <Typography.Text
          className="deadline-note"
          type={row.overdue ? 'danger' : row.dueSoon ? 'warning' : 'secondary'}
        >
          {note}
        </Typography.Text>
      )}
    </span>
  );
}
