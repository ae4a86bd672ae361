import { InputNumber, Select } from 'antd';
import type { Control } from 'react-hook-form';
import { useController } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ComplaintGrade, ComplaintTimer } from '../../../../../electron/contract/complaints';
import { complaintGrades, complaintTimers, slaUnits } from '../../../../../electron/contract/complaints';
import type { SettingsValues } from './settings-values';

function TargetCell({
  control,
  grade,
  timer,
}: {
  control: Control<SettingsValues>;
  grade: ComplaintGrade;
  timer: ComplaintTimer;
}) {
  const { t } = useTranslation();
  const { field, fieldState } = useController({ control, name: `targets.${grade}.${timer}` });
  const v = field.value ?? { amount: 1, unit: 'working_days' as const };
  const label = `${t(`complaints.grades.${grade}`)} ${t(`complaints.timers.${timer}`)}`;
  return (
    <td className={fieldState.error ? 'has-error' : undefined}>
      <div className="cp-target">
        <InputNumber<number>
          size="small"
          min={1}
          max={999}
          precision={0}
          value={v.amount}
          aria-label={`${label} ${t('complaints.settings.amount')}`}
          onChange={(amount) => field.onChange({ ...v, amount: amount ?? 1 })}
          status={fieldState.error ? 'error' : undefined}
        />
        <Select
          size="small"
          value={v.unit}
          aria-label={`${label} ${t('complaints.settings.unit')}`}
          onChange={(unit) => field.onChange({ ...v, unit })}
          options={slaUnits.map((u) => ({ value: u, label: t(`complaints.unitNames.${u}`) }))}
          popupMatchSelectWidth={false}
        />
      </div>
      {fieldState.error && <div className="cp-target-error">{fieldState.error.message}</div>}
    </td>
  );
}

/** 各等级处理时限: a grade per row, a deadline per column, each an amount and how it counts. */
export function SettingsTargets({ control }: { control: Control<SettingsValues> }) {
  const { t } = useTranslation();
  return (
    <table className="cp-targets">
      <thead>
        <tr>
          <th scope="col">{t('complaints.settings.grade')}</th>
          {complaintTimers.map((x) => (
            <th key={x} scope="col">
              {t(`complaints.timers.${x}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {complaintGrades.map((g) => (
          <tr key={g}>
            <th scope="row">
              <span className={`cp-grade cp-grade-${g} has-label`}>{t(`complaints.grades.${g}`)}</span>
            </th>
            {complaintTimers.map((x) => (
              <TargetCell key={x} control={control} grade={g} timer={x} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
