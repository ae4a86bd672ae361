import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { DuplicatePairs } from './duplicate-pairs';
import { MergeLog } from './merge-log';

/** 查重合并: likely pairs to merge, and the log to undo a merge from. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  return (
    <div className="page-panel data-care-panel">
      <Tabs
        className="data-care-tabs"
        items={[
          { key: 'pairs', label: t('dataCare.duplicates.pairsTab'), children: <DuplicatePairs /> },
          { key: 'log', label: t('dataCare.duplicates.logTab'), children: <MergeLog /> },
        ]}
      />
    </div>
  );
}
