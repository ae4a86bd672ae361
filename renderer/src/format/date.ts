import dayjs from 'dayjs';

const placeholder = '—';

/** Calendar date as staff write it (2026-03-08); timestamps are shown in the local day they happened. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return placeholder;
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD') : placeholder;
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return placeholder;
  const d = dayjs(value);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : placeholder;
}

/** The contract stores calendar dates as YYYY-MM-DD strings; pickers work with dayjs. */
export function toIsoDate(value: dayjs.Dayjs | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null;
}

export function fromIsoDate(value: string | null | undefined): dayjs.Dayjs | null {
  if (!value) return null;
  const d = dayjs(value, 'YYYY-MM-DD');
  return d.isValid() ? d : null;
}
