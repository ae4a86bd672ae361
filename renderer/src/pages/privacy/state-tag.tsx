import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SubjectRequestState } from '../../../../electron/contract/subject-requests';

const colors: Record<SubjectRequestState, string> = {
  open: 'blue',
  in_progress: 'gold',
  done: 'green',
  refused: 'default',
};

export function StateTag({ state }: { state: SubjectRequestState }) {
  const { t } = useTranslation();
  return <Tag color={colors[state]}>{t(`subjectRequests.states.${state}`)}</Tag>;
}
