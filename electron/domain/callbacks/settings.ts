/**
 * Call-back settings that have no table yet (a key/value settings table is needed to make them editable in
 * Settings): how long a claimed call stays with the operator, and how scripts name the store.
 */
export const callbackSettings = {
  /** A claim not finished within this time goes back to the queue. */
  claimMinutes: 15,
  storeName: '本店',
};
