import { Alert, Button } from 'antd';
import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CustomerFormValues } from './customer-form-values';
import { useDuplicateCheck } from './use-duplicate-check';

interface DuplicateWarningsProps {
  control: Control<CustomerFormValues>;
  excludeId?: number;
  onOpenCustomer: (id: number) => void;
}

/**
 * Says, while staff type, that this person may already have a card. It warns and links; it never blocks
 * saving, because two people can share a phone (a couple, a company's fleet line).
 */
export function DuplicateWarnings({ control, excludeId, onOpenCustomer }: DuplicateWarningsProps) {
  const { t } = useTranslation();
  const check = useDuplicateCheck(control, excludeId);
  const warnings = check.data ?? [];
  if (warnings.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="duplicate-alert"
      role="alert"
      title={t('customerForm.duplicates.title')}
      description={
        <ul className="duplicate-list">
          {warnings.map((w) => (
            <li key={`${w.customerId}-${w.reason}-${w.field}`}>
              <span>{w.message}</span>
              <Button type="link" size="small" onClick={() => onOpenCustomer(w.customerId)}>
                {t('customerForm.duplicates.open', { name: w.customerName })}
              </Button>
            </li>
          ))}
        </ul>
      }
    />
  );
}
