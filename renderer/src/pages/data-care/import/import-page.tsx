import { Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportHistory } from './import-history';
import { ImportWizard } from './import-wizard';

type ImportTab = 'wizard' | 'history';

/** 导入客户: the wizard and the history it writes, side by side as tabs so a revert is one click away. */
export function ImportPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<ImportTab>('wizard');
  return (
    <div className="page-panel data-care-panel">
      <Tabs
        className="data-care-tabs"
        activeKey={tab}
        onChange={(key) => setTab(key === 'history' ? 'history' : 'wizard')}
        items={[
          {
            key: 'wizard',
            label: t('dataCare.import.wizardTab'),
            children: <ImportWizard onShowHistory={() => setTab('history')} />,
          },
          { key: 'history', label: t('dataCare.import.historyTab'), children: <ImportHistory /> },
        ]}
      />
    </div>
  );
}
