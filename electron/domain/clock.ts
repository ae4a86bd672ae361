/** Injected everywhere time matters so rules can be tested with a fixed date. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** Local calendar date (the store's wall clock), YYYY-MM-DD. */
export function localDate(d: Date): string {
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}
