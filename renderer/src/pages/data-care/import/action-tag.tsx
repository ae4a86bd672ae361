import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportRowResult } from '../../../../../electron/contract/imports';

const colors: Record<ImportRowResult['action'], string> = {
  create: 'green',
  update: 'blue',
  skip: 'default',
};

export function ActionTag({ action }: { action: ImportRowResult['action'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[action]} className="import-action-tag">
      {t(`dataCare.import.action.${action}`)}
    </Tag>
  );
}
