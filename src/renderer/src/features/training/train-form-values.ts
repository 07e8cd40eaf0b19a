import type { LabelSetSummary } from '../../../../shared/labeling/label-set';
import type { HeadHyperParams, RunSummary } from '../../../../shared/training/training-types';

/** A label set the tail-width sweep derived from a base set ("demo residual 10% · tails 20%"). */
export const isSweepDerived = (name: string) => / · tails \d+(\.\d+)?%$/.test(name);

/**
 * The label set a new run starts on: the newest run's (the researcher is most likely iterating on it), else the newest
 * set that is not a sweep's derived one (a sweep makes several; silently training on the last is a surprise).
 */
export function defaultLabelSet(labelSets: readonly LabelSetSummary[], runs: readonly RunSummary[] | null): string {
  const newestRun = [...(runs ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  if (newestRun && labelSets.some((set) => set.name === newestRun.labelSet.name)) return newestRun.labelSet.name;
  const byAge = [...labelSets].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (byAge.find((set) => !isSweepDerived(set.name)) ?? byAge[0])?.name ?? '';
}

/** The form's numbers as typed (NaN when the field is empty or not a number). */
export type TrainFormNumbers = HeadHyperParams;

export type TrainFormErrors = Partial<Record<keyof TrainFormNumbers | 'name', string>>;

const whole = (value: number) => Number.isInteger(value);

/**
 * The ranges trainParams accepts, checked here with messages that say what is allowed (the browser's own step check
 * would refuse dropout 0.33 or lr 1e-6 with a vague tooltip).
 */
export function validateTrainForm(values: TrainFormNumbers, name: string): { errors: TrainFormErrors; warnings: string[] } {
  const errors: TrainFormErrors = {};
  const { epochs, batch, lr, momentum, l2, dropout, patience, seed } = values;
  if (!(whole(epochs) && epochs >= 1 && epochs <= 1000)) errors.epochs = 'Epochs: a whole number from 1 to 1000.';
  if (!(whole(batch) && batch >= 1 && batch <= 4096)) errors.batch = 'Batch size: a whole number from 1 to 4096.';
  if (!(Number.isFinite(lr) && lr > 0 && lr <= 10)) errors.lr = 'Learning rate: a number above 0, at most 10 (e.g. 0.01 or 1e-6).';
  if (!(Number.isFinite(momentum) && momentum >= 0 && momentum < 1)) errors.momentum = 'Momentum: from 0 up to (not including) 1.';
  if (!(Number.isFinite(l2) && l2 >= 0 && l2 <= 1)) errors.l2 = 'L2: from 0 to 1 (e.g. 5e-4).';
  if (!(Number.isFinite(dropout) && dropout >= 0 && dropout < 1)) errors.dropout = 'Dropout: from 0 up to (not including) 1, e.g. 0.33.';
  if (!(whole(patience) && patience >= 0 && patience <= 1000)) errors.patience = 'Patience: a whole number of epochs from 0 (never stop early) to 1000.';
  if (!(whole(seed) && seed >= 0 && seed <= 2 ** 31 - 1)) errors.seed = 'Seed: a whole number from 0 to 2147483647.';
  if (name.trim().length > 200) errors.name = 'Name: at most 200 characters.';
  const warnings: string[] = [];
  if (Number.isFinite(lr) && lr > 1) warnings.push(`A learning rate of ${lr} is likely to diverge (config D uses 0.01).`);
  if (whole(patience) && patience > 0 && whole(epochs) && patience >= epochs) warnings.push(`Patience ${patience} ≥ epochs ${epochs}: the run cannot stop early.`);
  return { errors, warnings };
}
