import type { ImportUndo } from './import-undo';
import { emptyUndo } from './import-undo';

/** A value the import moved forward, and what it was: put back on revert only if still the import's. */
export interface MovedValue<T> {
  id: number;
  before: T;
  after: T;
}

/**
 * What a repair-order batch's `undo` holds: the customer import's shape (its call-back bookkeeping is shared),
 * plus the visits written and the vehicles' mileage and customers' last visit it moved.
 */
export interface RoUndo extends ImportUndo {
  kind: 'repair_orders';
  serviceVisits: number[];
  mileage: MovedValue<{ km: number | null; at: string | null }>[];
  lastVisits: MovedValue<string | null>[];
  customers: number[];
}

export function emptyRoUndo(): RoUndo {
  return {
    ...emptyUndo(),
    kind: 'repair_orders',
    serviceVisits: [],
    mileage: [],
    lastVisits: [],
    customers: [],
  };
}

export function isRoUndo(undo: ImportUndo): undo is RoUndo {
  return (undo as Partial<RoUndo>).kind === 'repair_orders';
}
