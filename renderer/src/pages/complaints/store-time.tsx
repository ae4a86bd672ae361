import { useStoreDateTime } from '../settings/use-store-date-time';

/**
 * An instant as "YYYY-MM-DD HH:mm" on the store's wall clock, whatever this computer's zone. `short` drops the
 * year when it is this year's (dense lists); the full time stays in the tooltip.
 */
export function StoreTime({
  iso,
  className,
  short,
}: {
  iso: string | null | undefined;
  className?: string;
  short?: boolean;
}) {
  const storeTime = useStoreDateTime();
  const text = storeTime(iso);
  const thisYear = storeTime(new Date().toISOString()).slice(0, 5);
  const shown = short && text.startsWith(thisYear) ? text.slice(5) : text;
  return (
    <span className={className} title={text}>
      {shown}
    </span>
  );
}
