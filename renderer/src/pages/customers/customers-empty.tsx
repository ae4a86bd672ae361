import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';

/** No customers and no demo button: say so, and say how to add one if this user may. */
export function CustomersEmpty({ canCreate }: { canCreate: boolean }) {
  const { t } = useTranslation();
  return (
    <Empty
      className="customers-empty"
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <div className="customers-empty-title">{t('customers.emptyTitle')}</div>
          {canCreate && <div>{t('customers.emptyHint')}</div>}
        </>
      }
    />
  );
}
