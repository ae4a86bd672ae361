/** Filled in by the privacy issue's audit work. */
export function AuditTab() {
  return null;
}
