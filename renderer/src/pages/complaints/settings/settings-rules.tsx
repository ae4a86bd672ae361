import { InputNumber, Select } from 'antd';
import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { complaintCategories, gradeFacts } from '../../../../../electron/contract/complaints';
import { FormField } from '../../../forms/form-field';
import { fenToYuan, yuanInputFormatter, yuanToFen } from '../../../format/money';
import type { SettingsValues } from './settings-values';

const ruleValues = ['A', 'B', 'C', 'off'] as const;

/** 定级规则: which grade each fact suggests (the most severe match wins; none matching gives C). */
export function SettingsGradeRules({ control }: { control: Control<SettingsValues> }) {
  const { t } = useTranslation();
  return (
    <div className="cp-rules-grid">
      {gradeFacts.map((f) => (
        <FormField
          key={f}
          control={control}
          name={`gradeRules.${f}`}
          label={t(`complaints.facts.${f}`)}
          render={(field, id) => (
            <Select
              id={id}
              size="small"
              value={field.value}
              onChange={field.onChange}
              options={ruleValues.map((v) => ({ value: v, label: t(`complaints.settings.rule.${v}`) }))}
            />
          )}
        />
      ))}
    </div>
  );
}

/** 投诉类别默认责任部门: where a new ticket of each category is routed unless staff choose otherwise. */
export function SettingsCategories({
  control,
  departments,
}: {
  control: Control<SettingsValues>;
  departments: { code: string; name: string }[];
}) {
  const { t } = useTranslation();
  return (
    <div className="cp-rules-grid">
      {complaintCategories.map((c) => (
        <FormField
          key={c}
          control={control}
          name={`categoryDepartments.${c}`}
          label={t(`complaints.categories.${c}`)}
          render={(field, id) => (
            <Select
              id={id}
              size="small"
              value={field.value}
              onChange={field.onChange}
              options={departments.map((d) => ({ value: d.code, label: d.name }))}
            />
          )}
        />
      ))}
    </div>
  );
}

/** The repeat window and the compensation a manager must approve. */
export function SettingsLimits({ control }: { control: Control<SettingsValues> }) {
  const { t } = useTranslation();
  return (
    <div className="cp-rules-grid cp-rules-grid-2">
      <FormField
        control={control}
        name="repeatWindowDays"
        label={t('complaints.settings.repeatWindowDays')}
        extra={t('complaints.settings.repeatWindowHint')}
        render={(field, id) => (
          <InputNumber<number>
            id={id}
            min={1}
            max={730}
            precision={0}
            suffix={t('complaints.settings.days')}
            value={field.value ?? null}
            onChange={(v) => field.onChange(v ?? undefined)}
            className="full-width"
          />
        )}
      />
      <FormField
        control={control}
        name="compensationApprovalFen"
        label={t('complaints.settings.approvalAmount')}
        extra={t('complaints.settings.approvalAmountHint')}
        render={(field, id) => (
          <InputNumber<number>
            id={id}
            min={0}
            precision={0}
            prefix="¥"
            formatter={yuanInputFormatter}
            value={fenToYuan(field.value ?? null)}
            onChange={(v) => field.onChange(yuanToFen(v) ?? 0)}
            className="full-width"
          />
        )}
      />
    </div>
  );
}
