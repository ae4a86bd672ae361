const placeholder = '—';

/** File sizes as staff read them: 812 KB, 96.4 MB, 1.21 GB (binary units, one decimal above a megabyte). */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return placeholder;
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${Math.round(bytes / 1024)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
