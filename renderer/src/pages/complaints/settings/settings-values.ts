import type { z } from 'zod';
import type { ComplaintSettings } from '../../../../../electron/contract/complaints';
import { complaintSettingsUpdate } from '../../../../../electron/contract/complaints';

/** The form edits every part at once; main's update schema (each part whole) validates it. */
export const settingsForm = complaintSettingsUpdate;
export type SettingsValues = z.input<typeof settingsForm>;
export type SettingsOutput = z.output<typeof settingsForm>;

export function toForm(s: ComplaintSettings): SettingsValues {
  return {
    workingHours: s.workingHours,
    closingDays: s.closingDays,
    targets: s.targets,
    gradeRules: s.gradeRules,
    repeatWindowDays: s.repeatWindowDays,
    compensationApprovalFen: s.compensationApprovalFen,
    categoryDepartments: s.categoryDepartments,
  };
}
