import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** A store month (YYYY-MM); months after `latest` (the current one) have nothing to report. */
export function MonthPicker({
  value,
  latest,
  onChange,
}: {
  value: string | null;
  latest: string | null;
  onChange: (month: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <DatePicker
      picker="month"
      aria-label={t('reports.month')}
      placeholder={t('reports.monthPlaceholder')}
      allowClear={false}
      format="YYYY-MM"
      value={value ? dayjs(`${value}-01`) : null}
      disabledDate={(d) => latest !== null && d.format('YYYY-MM') > latest}
      onChange={(d) => {
        if (d) onChange(d.format('YYYY-MM'));
      }}
    />
  );
}
