/**
 * The tail-width sweep the study proposed: label the same population with wider residual tails (10%, 20%… of the
 * posts labeled good and as many bad), train the same head on each, and see whether more (but less extreme) labels
 * buy accuracy. Pure: params, records, and the helpers the `train.sweep` job and the Train page share.
 */
import { z } from 'zod';
import type { LabelRuleParams } from '../labeling/label-set';
import { trainParams } from './training-types';

export const defaultSweepWidths = [0.1, 0.2, 0.3, 0.4, 0.5];

export const sweepParams = trainParams
  .pick({ backbone: true, weights: true, epochs: true, batch: true, lr: true, momentum: true, l2: true, dropout: true, patience: true, seed: true })
  .extend({
    /** The label set whose rule (filters, splits, seed) every width keeps; name (newest version) or id. */
    labelSet: z.string().trim().min(1).max(300),
    /** Share labeled good and, as many, bad; each in (0, 0.5]. */
    widths: z
      .array(z.number().gt(0).max(0.5))
      .min(1)
      .max(20)
      .default(defaultSweepWidths)
      .transform((widths) => [...new Set(widths.map((w) => Math.round(w * 10_000) / 10_000))].sort((a, b) => a - b)),
    /** Predict only the labeled posts (the sweep compares accuracies; the population's predictions are not needed). */
    predictions: z.enum(['all', 'labeled']).default('labeled'),
  })
  .strict();
export type SweepParamsInput = z.input<typeof sweepParams>;
export type SweepParams = z.output<typeof sweepParams>;

/** One width's outcome. */
export interface SweepPoint {
  width: number;
  labelSet: { id: string; name: string; version: number };
  /** Posts the label set labeled (good + bad): the "labeled-set size". */
  labeled: number;
  /** Usable labeled posts the run trained and validated on (posts without a usable image are skipped). */
  train: number;
  val: number;
  runId: string;
  bestEpoch: number | null;
  valPeak: number | null;
  valFinal: number | null;
  testAccuracy: number | null;
  seconds: number;
}

export type SweepStatus = 'running' | 'completed' | 'stopped' | 'failed';

/** sweeps/<id>.json. The id is derived from the base label set and the training config, so re-running a sweep reuses its widths. */
export interface SweepRecord {
  id: string;
  createdAt: string;
  updatedAt: string;
  status: SweepStatus;
  baseLabelSet: { id: string; name: string; version: number };
  params: SweepParams;
  /** By width, ascending. Widths asked for but not yet done have no point. */
  points: SweepPoint[];
  jobId: string | null;
  error?: string;
}

/** What a `train.sweep` job checkpoints: the sweep, and the width (and its run, for resuming it) in progress. */
export interface SweepProgress {
  sweepId: string;
  current: { width: number; labelSetId: string; runId: string | null } | null;
  done: number[];
}

/** The base rule with both tails set to `width`. Only rules with tails (residual, ratio) can be swept. */
export function tailRule(base: LabelRuleParams, width: number): LabelRuleParams {
  if (base.strategy === 'karpathy') throw new RangeError('A Karpathy-bins label set has no tails to widen; choose a residual (or ratio) label set as the sweep base.');
  if (!(width > 0 && width <= 0.5)) throw new RangeError(`A tail width must be in (0, 0.5]; got ${width}.`);
  return { ...base, top: width, bottom: width };
}

/** "demo residual 10% · tails 30%" */
export function tailSetName(baseName: string, width: number): string {
  return `${baseName.replace(/ · tails \d+(\.\d+)?%$/, '')} · tails ${percentLabel(width)}`;
}

export function percentLabel(width: number): string {
  return `${Number((width * 100).toFixed(2))}%`;
}

/** Widths still to train: asked for and without a point. */
export function pendingWidths(widths: readonly number[], points: readonly Pick<SweepPoint, 'width'>[]): number[] {
  const done = new Set(points.map((point) => point.width));
  return widths.filter((width) => !done.has(width));
}

/** Adds or replaces the point of its width, keeping the list sorted by width. */
export function withPoint(points: readonly SweepPoint[], point: SweepPoint): SweepPoint[] {
  return [...points.filter((other) => other.width !== point.width), point].sort((a, b) => a.width - b.width);
}

/** Two rules label the same way when every field that decides the labels is equal (order of keys aside). */
export function sameRule(a: LabelRuleParams, b: LabelRuleParams): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof LabelRuleParams>;
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

/** "10, 20,30 %" or "0.1 0.2" → [0.1, 0.2, 0.3]; numbers above 1 are read as percents. Throws on anything else. */
export function parseWidths(text: string): number[] {
  const parts = text.split(/[\s,;%]+/).filter(Boolean);
  if (parts.length === 0) throw new RangeError('List at least one tail width, e.g. 10, 20, 30, 40, 50.');
  return parts.map((part) => {
    const value = Number(part);
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`"${part}" is not a tail width.`);
    const width = value > 1 ? value / 100 : value;
    if (width > 0.5) throw new RangeError(`A tail width of ${percentLabel(width)} would label more than every post (top + bottom > 100%).`);
    return width;
  });
}
