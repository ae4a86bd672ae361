/** Plan, budget, summary and results of an event (helper fills in). */
export const eventPlanContract = {};
