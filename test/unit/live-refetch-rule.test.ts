import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveChange } from '../../electron/contract/live-topics';
import { customersShown, refetchesOn } from '../../renderer/src/live/live-match';
import { createLiveThrottle } from '../../renderer/src/live/live-throttle';
import { callbackKeys } from '../../renderer/src/pages/callbacks/callback-keys';
import { complaintKeys } from '../../renderer/src/pages/complaints/complaint-keys';
import { cardKeys } from '../../renderer/src/pages/customer-card/card-keys';
import { customerKeys, systemInfoKey } from '../../renderer/src/pages/customers/customer-keys';
import { dataCareKeys } from '../../renderer/src/pages/data-care/data-care-keys';
import { loyaltyKeys } from '../../renderer/src/pages/loyalty/loyalty-keys';
import { searchKeys } from '../../renderer/src/search/search-keys';

/** What callbacks.record of customer 17 publishes (electron/contract/callbacks.ts). */
const recorded17: LiveChange = {
  seq: 1,
  topics: ['callbacks', 'customers', 'complaints', 'notifications', 'events'],
  customers: { callbacks: [17], customers: [17], complaints: [17], notifications: [17], events: [17] },
};
const queue = callbackKeys.queue({ scope: 'mine', bucket: 'all', limit: 50 });

describe('which queries a live change refetches', () => {
  it('refetches the recorded customer’s card and timeline, not another customer’s', () => {
    expect(refetchesOn(recorded17, cardKeys.card(17), undefined)).toBe(true);
    expect(refetchesOn(recorded17, cardKeys.timeline(17, ['visit']), undefined)).toBe(true);
    expect(refetchesOn(recorded17, cardKeys.card(42), undefined)).toBe(false);
    expect(refetchesOn(recorded17, cardKeys.timeline(42, []), undefined)).toBe(false);
    expect(refetchesOn(recorded17, cardKeys.consentHistory(42), undefined)).toBe(false);
    expect(refetchesOn(recorded17, dataCareKeys.mergeFacts(42), undefined)).toBe(false);
  });

  it('refetches lists, search, counters and the call screen on the topic, whoever it names', () => {
    for (const key of [
      queue,
      callbackKeys.pool({}),
      callbackKeys.current,
      customerKeys.list('name', 'asc', {} as never),
      searchKeys.query('1234', 20),
      systemInfoKey,
      complaintKeys.ticket(5),
      complaintKeys.lists,
    ])
      expect(refetchesOn(recorded17, key, undefined), JSON.stringify(key)).toBe(true);
  });

  it('leaves queries of topics the change does not reach alone', () => {
    const settings: LiveChange = { seq: 2, topics: ['settings'] };
    expect(refetchesOn(settings, cardKeys.card(17), undefined)).toBe(false);
    expect(refetchesOn(settings, customerKeys.facets, undefined)).toBe(false);
    expect(refetchesOn(settings, queue, undefined)).toBe(true);
    expect(refetchesOn(recorded17, loyaltyKeys.member(17), undefined)).toBe(false);
  });

  it('refetches every card when a topic reaching cards changed wholesale, even beside named ones', () => {
    const imported: LiveChange = { seq: 3, topics: ['customers'] };
    expect(refetchesOn(imported, cardKeys.card(42), undefined)).toBe(true);
    // A batch: a call of 17 (named) and a wholesale complaint write, whose topic reaches the cards too.
    const mixed: LiveChange = { seq: 4, topics: ['customers', 'complaints'], customers: { customers: [17] } };
    expect(refetchesOn(mixed, cardKeys.card(42), undefined)).toBe(true);
    const named: LiveChange = {
      seq: 5,
      topics: ['customers', 'complaints'],
      customers: { customers: [17], complaints: [9] },
    };
    expect(refetchesOn(named, cardKeys.card(42), undefined)).toBe(false);
    expect(refetchesOn(named, cardKeys.card(9), undefined)).toBe(true);
  });

  it('refetches a card when its referrer or a customer it referred changed (their names are on it)', () => {
    const card = {
      referrer: { id: 3, name: '赵一' },
      referred: { total: 1, rows: [{ id: 8, name: '孙二' }] },
    };
    expect(customersShown(cardKeys.card(42), card)).toEqual([42, 3, 8]);
    const renamed = (id: number): LiveChange => ({
      seq: 6,
      topics: ['customers'],
      customers: { customers: [id] },
    });
    expect(refetchesOn(renamed(3), cardKeys.card(42), card)).toBe(true);
    expect(refetchesOn(renamed(8), cardKeys.card(42), card)).toBe(true);
    expect(refetchesOn(renamed(9), cardKeys.card(42), card)).toBe(false);
    // Before the card has loaded only its own customer is known.
    expect(customersShown(cardKeys.card(42), undefined)).toEqual([42]);
    expect(customersShown(customerKeys.facets, undefined)).toBeNull();
    expect(customersShown(loyaltyKeys.ledger(42, null), undefined)).toEqual([42]);
  });
});

describe('the live refetch pace', () => {
  afterEach(() => vi.useRealTimers());

  it('runs a query at once, then at most once a second however many messages ask', () => {
    vi.useFakeTimers();
    const throttle = createLiveThrottle({ gapMs: 1000, jitterMs: 0 });
    let runs = 0;
    const ask = () => throttle.request('queue', () => runs++);
    ask();
    expect(runs).toBe(1);
    // Twenty messages in the next second: one more refetch, when the second is over.
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(45);
      ask();
    }
    expect(runs).toBe(1);
    vi.advanceTimersByTime(100);
    expect(runs).toBe(2);
    // Quiet for a while: the next message refetches at once again.
    vi.advanceTimersByTime(5000);
    ask();
    expect(runs).toBe(3);
    // Another query keeps its own pace.
    throttle.request('card', () => runs++);
    expect(runs).toBe(4);
    ask();
    throttle.stop();
    vi.advanceTimersByTime(5000);
    expect(runs).toBe(4);
  });

  it('spreads the first refetch of a quiet screen over the jitter, then keeps a gap after it', () => {
    vi.useFakeTimers();
    const throttle = createLiveThrottle({ gapMs: 1000, jitterMs: 500, random: () => 0.6 });
    let runs = 0;
    const ask = () => throttle.request('pool', () => runs++);
    ask();
    vi.advanceTimersByTime(299);
    ask();
    expect(runs).toBe(0);
    vi.advanceTimersByTime(1);
    expect(runs).toBe(1);
    vi.advanceTimersByTime(200);
    ask();
    vi.advanceTimersByTime(799);
    expect(runs).toBe(1);
    vi.advanceTimersByTime(1);
    expect(runs).toBe(2);
    throttle.stop();
  });
});
