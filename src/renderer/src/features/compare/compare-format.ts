import type { Interval, KappaStat, McNemarStat, ProportionStat } from '../../../../shared/rating/agreement-statistics';

/** 0.7234 → "72.3%". */
export const percent = (value: number, digits = 1) => `${(value * 100).toFixed(digits)}%`;

export const judgement = (value: number) => (value === 1 ? 'good' : value === -1 ? 'bad' : '–');

export const splitName = (split: number) => (['train', 'val', 'test'][split] ?? 'not in set');

export const ciText = (ci: Interval | null, format: (value: number) => string = (value) => percent(value)) =>
  ci === null ? null : `95% CI ${format(ci.low)}–${format(ci.high)}`;

/** A p-value as people read it: "p = 0.031", "p < 0.001". */
export function pValue(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/** What to print for a proportion that is not defined (n = 0, …): the statistics' own reason, never NaN. */
export function proportionHeadline(stat: ProportionStat): string {
  return stat.value === null ? (stat.reason ?? 'not defined') : percent(stat.value);
}

export function kappaHeadline(stat: KappaStat): string {
  return stat.kappa === null ? (stat.reason ?? 'not defined') : `κ = ${stat.kappa.toFixed(3)}`;
}

export function mcnemarHeadline(stat: McNemarStat): string {
  return stat.exactP === null ? (stat.reason ?? 'not defined') : pValue(stat.exactP);
}
