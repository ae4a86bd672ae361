import type { Stage } from '../../../contract/customers';
import { addMonths } from './rule-dates';

/**
 * Everything the customer rules read, as plain data. The card and refreshDerived load it from the database
 * (electron/domain/customers/customer-facts.ts); tests write it by hand.
 */
export interface CustomerFacts {
  /** The store's date, YYYY-MM-DD. */
  today: string;
  /** The stage column as it stands: what staff chose, or what these rules derived last time. */
  enteredStage: Stage;
  /** Date the card was created. */
  createdOn: string;
  /** Date of the latest logged contact (call, showroom visit, note, message…), if any. */
  lastContactOn: string | null;
  ownership: {
    /** Distinct vehicles this customer has ever owned (bought new here or taken over), including current ones. */
    vehiclesEverOwned: number;
    currentVehicles: number;
    firstAcquiredOn: string | null;
    latestAcquiredOn: string | null;
  };
  /** Service visits paid by this customer. */
  visits: {
    lastOn: string | null;
    count12m: number;
    revenue12mFen: number;
    revenue24mFen: number;
    /** First maintenance and regular maintenance visits (not repairs, bodywork, detailing, recalls). */
    maintenance12m: number;
    maintenance24m: number;
  };
  /** CSI survey answers of the last 24 months, newest first. */
  surveys: { overall: 'satisfied' | 'neutral' | 'dissatisfied'; on: string }[];
  /** Complaints logged in the last 12 months. */
  complaints12m: number;
  /** Events attended in the last 24 months (interactions of kind `event`). */
  events24m: number;
  /** Customers who name this one as referrer, and how many of them bought a car. */
  referrals: { total: number; bought: number };
}

/**
 * The windows the rules count in. "Last 12 months" is (today − 12 months, today]: a visit exactly a year ago
 * no longer counts, which is how the base-customer tables of DOMAIN.md count "visits in the last 12 months".
 */
export function ruleWindows(today: string): { from12m: string; from24m: string } {
  return { from12m: addMonths(today, -12), from24m: addMonths(today, -24) };
}

export interface Explained<T> {
  value: T;
  /** Why, in the words staff read on the card. */
  reason: string;
}
