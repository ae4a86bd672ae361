import { Button, Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallbackRuleCode } from '../../../../electron/contract/callbacks';
import { queueBuckets } from '../../../../electron/contract/callbacks';
import { priorities } from './callback-format';
import type { QueueBucket, QueueCounts, QueueFilter } from './use-callback-queue';
import { tasksInBucket } from './use-callback-queue';
import { defaultQueueFilter } from './use-callback-queue';
import { useCallbackRules } from './use-callback-rules';

interface QueueFiltersProps {
  filter: QueueFilter;
  onChange: (next: QueueFilter) => void;
  counts: QueueCounts | null;
}

/** Due range (and 稍后重拨) as tabs with their task counts, then call type and priority. */
export function QueueFilters({ filter, onChange, counts }: QueueFiltersProps) {
  const { t } = useTranslation();
  const rules = useCallbackRules();
  const filtered = filter.ruleCodes.length > 0 || filter.priorities.length > 0;

  return (
    <div className="cb-filters">
      <Segmented<QueueBucket>
        aria-label={t('callbacks.bucketsLabel')}
        value={filter.bucket}
        onChange={(bucket) => onChange({ ...filter, bucket })}
        options={queueBuckets.map((b) => ({
          value: b,
          label: (
            <span className={`cb-bucket cb-bucket-${b}`}>
              {t(`callbacks.buckets.${b}`)}
              {counts && (
                <span
                  className="cb-bucket-count"
                  title={t('callbacks.bucketCount', { count: tasksInBucket(counts, b) })}
                >
                  {tasksInBucket(counts, b).toLocaleString('zh-CN')}
                </span>
              )}
            </span>
          ),
        }))}
      />
      <Select<CallbackRuleCode[]>
        mode="multiple"
        allowClear
        aria-label={t('callbacks.filters.type')}
        className="cb-filter-type"
        placeholder={t('callbacks.filters.typePlaceholder')}
        maxTagCount="responsive"
        value={filter.ruleCodes}
        onChange={(ruleCodes) => onChange({ ...filter, ruleCodes })}
        loading={rules.isPending}
        options={(rules.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
        showSearch={{ optionFilterProp: 'label' }}
      />
      <Select<number[]>
        mode="multiple"
        allowClear
        aria-label={t('callbacks.filters.priority')}
        className="cb-filter-priority"
        placeholder={t('callbacks.filters.priorityPlaceholder')}
        maxTagCount="responsive"
        value={filter.priorities}
        onChange={(ps) => onChange({ ...filter, priorities: ps })}
        options={priorities.map((p) => ({ value: p, label: t(`callbacks.priority.p${p}`) }))}
      />
      {filtered && (
        <Button type="link" onClick={() => onChange({ ...defaultQueueFilter, bucket: filter.bucket })}>
          {t('callbacks.filters.clear')}
        </Button>
      )}
    </div>
  );
}
