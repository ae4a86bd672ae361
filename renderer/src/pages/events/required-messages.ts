import type { TFunction } from 'i18next';

/**
 * The zod resolver's error map for the events forms: a field left empty reads "请填写此项" rather than zod's
 * English for a missing value; everything else keeps the contract's own Chinese message.
 */
export function requiredMessages(t: TFunction) {
  return {
    error: (issue: { input?: unknown }) =>
      issue.input === undefined || issue.input === null ? t('events.form.required') : undefined,
  } as never;
}
