import type { z } from 'zod';

/**
 * Friendly "please fill in" messages for contract fields that carry no message of their own, without touching
 * the shared schema: a per-parse error map only speaks where the schema is silent.
 */
export function blankMessages(messages: Record<string, string>): z.core.$ZodErrorMap {
  return (issue) => {
    if (issue.code !== 'too_small' || issue.minimum !== 1) return undefined;
    const key = issue.path?.join('.');
    return key ? messages[key] : undefined;
  };
}
