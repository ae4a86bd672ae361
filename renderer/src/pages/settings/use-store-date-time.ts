import { hmOfMinute, wallClockAt } from '../../../../electron/common/store-time';
import { formatDateTime } from '../../format/date';
import { useStoreSettings } from '../../settings/use-store-settings';

/** "YYYY-MM-DD HH:mm" on the store's wall clock (not this computer's), as main words its messages. */
export function useStoreDateTime(): (iso: string | null | undefined) => string {
  const zone = useStoreSettings()?.storeTimeZone;
  return (iso) => {
    if (!iso || !zone) return formatDateTime(iso);
    const wall = wallClockAt(Date.parse(iso), zone);
    return `${wall.date} ${hmOfMinute(wall.minute)}`;
  };
}
