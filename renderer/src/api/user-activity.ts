/**
 * When a person last used this screen (keys, mouse, touch, wheel). Calls made without any use in the last
 * minute are sent as "background" (the queue's polls, the idle heartbeat): main answers them but does not
 * count them as use, so a workstation left on the call-back queue still signs out after the idle timeout.
 */
const inputEvents = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
export const activityWindowMs = 60_000;

let lastInputAt = Date.now();
let tracking = false;

export function trackUserActivity(target: Pick<Window, 'addEventListener'> = window): void {
  if (tracking) return;
  tracking = true;
  const mark = () => {
    lastInputAt = Date.now();
  };
  for (const e of inputEvents) target.addEventListener(e, mark, { passive: true, capture: true });
}

export function recentlyActive(now = Date.now()): boolean {
  return now - lastInputAt < activityWindowMs;
}
