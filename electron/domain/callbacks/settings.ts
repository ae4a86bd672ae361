/**
 * Call-back settings that are not edited in Settings: how long a claimed call stays with the operator. (How
 * scripts name the store is the store setting storeName, electron/domain/settings.)
 */
export const callbackSettings = {
  /** A claim not finished within this time goes back to the queue. */
  claimMinutes: 15,
};
