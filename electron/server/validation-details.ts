import type { z } from 'zod';

export interface ValidationDetails {
  summary: string;
  /** First message per field path (`mobile`, `fields.name`), for showing beside form inputs. */
  fields: Record<string, string>;
  issues: { path: string; message: string }[];
}

export function zodIssuesToDetails(error: z.ZodError): ValidationDetails {
  const issues = error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const fields: Record<string, string> = {};
  for (const i of issues) fields[i.path || '_'] ??= i.message;
  const first = issues[0];
  const summary = first
    ? first.path
      ? `输入有误（${first.path}）：${first.message}`
      : `输入有误：${first.message}`
    : '输入有误';
  return { summary, fields, issues };
}
