/** Statuses of an event that took place (the pack's events section and the acquisition cost count these). */
export const heldEventStatuses = ['running', 'done', 'summarised'] as const;
export const heldEventsSql = heldEventStatuses.map((s) => `'${s}'`).join(', ');
