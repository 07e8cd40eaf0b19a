import type { EpochMetrics } from '../../../../shared/training/training-types';

/** What the curves draw: the live job's checkpoint while it trains, else the selected run's stored metrics. */
export interface Curves {
  history: EpochMetrics[];
  bestEpoch: number | null;
  /** Epochs requested. */
  epochs: number;
  phase: string | null;
  /** True while the job trains: the x axis keeps a little room for the next epochs. */
  live: boolean;
  /** The finished run stopped before `epochs` because validation accuracy stopped improving. */
  stoppedEarly: boolean;
  patience: number | null;
  /** The job's own progress line while it has no epoch yet ("computing features 80 / 173"). */
  preparing: string | null;
}

/**
 * The x axis spans the epochs run: a finished run that stopped early at epoch 13 of 200 is not squeezed into the left
 * edge. While training it keeps a little room ahead (a tenth, at least two epochs), never past the epochs requested.
 */
export function curvesAxisMax(curves: Pick<Curves, 'history' | 'epochs' | 'live'>): number {
  const done = curves.history.length;
  if (!curves.live) return Math.max(done, 1);
  return Math.max(1, Math.min(Math.max(curves.epochs, done), done + Math.max(2, Math.ceil(done * 0.1))));
}

/** "epoch 8 of 30", "stopped early at epoch 13 of 200 (patience 10)". */
export function epochsLine(curves: Pick<Curves, 'history' | 'epochs' | 'stoppedEarly' | 'patience'>): string {
  const done = curves.history.length;
  if (curves.stoppedEarly) return `stopped early at epoch ${done} of ${curves.epochs}${curves.patience !== null ? ` (patience ${curves.patience})` : ''}`;
  return `epoch ${done} of ${curves.epochs}`;
}
