import { hmOfMinute, wallClockAt } from '../../../../electron/common/store-time';
import { formatDateTime } from '../../format/date';
import { useStoreSettings } from '../../settings/use-store-settings';

/**
 * "YYYY-MM-DD HH:mm" on the store's wall clock (not this computer's), as main words its messages. `roundUp`
 * for the end of a lockout: the minute shown is one at which trying again works, as in main's message.
 */
export function useStoreDateTime(): (iso: string | null | undefined, roundUp?: boolean) => string {
  const zone = useStoreSettings()?.storeTimeZone;
  return (iso, roundUp = false) => {
    if (!iso || !zone) return formatDateTime(iso);
    const ms = Date.parse(iso);
    const wall = wallClockAt(roundUp ? Math.ceil(ms / 60_000) * 60_000 : ms, zone);
    return `${wall.date} ${hmOfMinute(wall.minute)}`;
  };
}
