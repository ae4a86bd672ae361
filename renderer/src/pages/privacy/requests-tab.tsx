/** Filled in by the privacy issue's requests work. */
export function RequestsTab() {
  return null;
}
