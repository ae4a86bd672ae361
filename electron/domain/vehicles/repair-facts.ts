import type { RepairFactValues, RepairSystem } from '../../contract/three-guarantee';
import { repairFactIssues } from '../../contract/three-guarantee';
import { AppError } from '../../contract/errors';

/** The repair-fact columns of service_visits, as written. */
export interface RepairColumns {
  outDate: string | null;
  repairSystem: RepairSystem | null;
  mainPartReplaced: boolean;
  mainPart: string | null;
  seriousSafety: boolean;
  faultText: string | null;
}

/**
 * Checks the repair facts of a visit of `type` that came in on `visitDate` (the contract's rules, again with the
 * stored date on an edit, plus what needs the store's date) and returns the columns to write: nothing kept of
 * a part that was not replaced.
 */
export function repairColumns(
  v: RepairFactValues,
  type: string,
  visitDate: string,
  today: string,
): RepairColumns {
  const issues = repairFactIssues(v, type, visitDate);
  if (v.outDate && v.outDate > today) issues.push({ field: 'outDate', message: '出厂日期不能晚于今天' });
  if (issues.length > 0) {
    throw new AppError('validation', issues[0]!.message, {
      fields: Object.fromEntries(issues.map((i) => [i.field, i.message])),
    });
  }
  const replaced = Boolean(v.repairSystem && v.mainPartReplaced);
  return {
    outDate: v.repairSystem ? (v.outDate ?? null) : null,
    repairSystem: v.repairSystem ?? null,
    mainPartReplaced: replaced,
    mainPart: replaced ? (v.mainPart ?? null) : null,
    seriousSafety: Boolean(v.repairSystem && v.seriousSafety),
    faultText: v.repairSystem ? (v.faultText ?? null) : null,
  };
}
