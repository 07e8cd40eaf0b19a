/** How the Labels page writes shares, accuracies and fitted numbers. */
const shareFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** 0.1 → "10%", 0.125 → "12.5%". */
export function formatShare(share: number): string {
  return `${shareFormat.format(share * 100)}%`;
}

/** An accuracy or agreement with one decimal ("81.2%"), or an em dash when unknown. */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : `${(value * 100).toFixed(1)}%`;
}

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** Fitted coefficients: four significant decimals, with an explicit sign for readability in "y = a + b·x". */
export function formatCoefficient(value: number): string {
  return value.toFixed(4);
}

/** "2024-03-05 14:07" in the viewer's time zone. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  const pad = (part: number) => String(part).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
