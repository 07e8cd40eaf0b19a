/** How the dataset views write numbers and times; a missing value (NaN or null) is an em dash, never 0. */
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const threeDigits = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

export const missing = '—';

function present(value: number | null | undefined): value is number {
  return value !== null && value !== undefined && !Number.isNaN(value);
}

export function formatInteger(value: number | null | undefined): string {
  return present(value) ? integer.format(value) : missing;
}

/** "12.3K", "1.2M": for tight spaces, with the exact number in a tooltip. */
export function formatCompact(value: number | null | undefined): string {
  return present(value) ? compact.format(value) : missing;
}

export function formatDays(value: number | null | undefined): string {
  return present(value) ? `${oneDecimal.format(value)} d` : missing;
}

export function formatRatio(value: number | null | undefined): string {
  return present(value) ? threeDigits.format(value) : missing;
}

/** "2024-03-05 14:07" in the viewer's time zone. */
export function formatTime(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return missing;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return missing;
  const pad = (part: number) => String(part).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function formatDate(value: number | string | null | undefined): string {
  return formatTime(value).slice(0, 10);
}

/** The last segment of a path, for lists where the full path is in the tooltip. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

/** The last two segments ("day7/#selfie", "input/manifest.csv"): enough to tell day 0 from day 7. */
export function shortPath(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).slice(-2).join('/');
}
