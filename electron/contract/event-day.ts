/** The day: check-in and the paper fallback. */
export const eventDayContract = {};
