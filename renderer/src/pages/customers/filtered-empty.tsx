import { Button, Empty } from 'antd';
import { useTranslation } from 'react-i18next';

/** Filters that match nobody: say that it is the filters, and offer the way back. */
export function FilteredEmpty({ onClear }: { onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <Empty
      className="customers-empty"
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={t('customerList.noMatch')}
    >
      <Button onClick={onClear}>{t('customerList.filters.clear')}</Button>
    </Empty>
  );
}
