import { useSearchParams } from 'react-router-dom';
import { addCalendarDays, dateInZone } from '../../../../electron/common/store-time';
import { useStoreSettings } from '../../settings/use-store-settings';

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The store month before the one today falls in: the month a manager closes and prints. */
export function previousStoreMonth(zone: string, now = Date.now()): string {
  const firstOfThis = `${dateInZone(now, zone).slice(0, 7)}-01`;
  return addCalendarDays(firstOfThis, -1).slice(0, 7);
}

export function currentStoreMonth(zone: string, now = Date.now()): string {
  return dateInZone(now, zone).slice(0, 7);
}

/** The report's month from the address (?month=YYYY-MM), else last month on the store's calendar. */
export function useReportMonth(): {
  month: string | null;
  latest: string | null;
  setMonth: (m: string) => void;
} {
  const [params, setParams] = useSearchParams();
  const zone = useStoreSettings()?.storeTimeZone;
  const asked = params.get('month');
  const latest = zone ? currentStoreMonth(zone) : null;
  const month = asked && monthPattern.test(asked) ? asked : zone ? previousStoreMonth(zone) : null;
  return {
    month,
    latest,
    setMonth: (m) =>
      setParams(
        (p) => {
          p.set('month', m);
          return p;
        },
        { replace: true },
      ),
  };
}
