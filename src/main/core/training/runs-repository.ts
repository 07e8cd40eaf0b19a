/**
 * Training runs on disk, one folder each (DESIGN.md: runs/<id>/):
 *   run.json          the record (label set version, backbone, preprocessing, hyper-parameters, backend, seed, times)
 *   metrics.json      per-epoch figures (written by the trainer every epoch)
 *   checkpoint/       the last epoch's weights and optimiser state, the best epoch's weights (resume after a crash)
 *   model/            the best epoch's model in tfjs layers format + preprocessing.json
 *   predictions.json  p(good) for every post of the label set, with the best model
 *   evaluation.json   the evaluation at the best-validation checkpoint
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { EpochMetrics, RunEvaluation, RunPredictions, RunRecord, RunSummary } from '../../../shared/training/training-types';
import { AppFailure } from '../../../shared/result';
import { writeFileAtomic } from '../storage/atomic-write';

const runIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export function isRunId(id: string): boolean {
  return runIdPattern.test(id);
}

/** "20261129-005512-mobilenet_v2-head-3f9a": sortable by time, readable in a folder listing. */
export function newRunId(backbone: string, mode: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${backbone}-${mode}-${Math.random().toString(16).slice(2, 6)}`;
}

async function readJson<T>(file: string, what: string): Promise<T> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new AppFailure('IO_ERROR', `The ${what} is missing (${file}).`, { file });
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new AppFailure('CORRUPT_FILE', `${file} is not valid JSON: ${(error as Error).message}`, { file });
  }
}

export class RunsRepository {
  readonly root: string;

  constructor(projectDir: string) {
    this.root = join(projectDir, 'runs');
  }

  dir(id: string): string {
    if (!isRunId(id)) throw new AppFailure('INVALID_INPUT', `"${id}" is not a run id.`, { run: id });
    return join(this.root, id);
  }

  exists(id: string): boolean {
    return isRunId(id) && existsSync(join(this.root, id, 'run.json'));
  }

  async save(record: RunRecord): Promise<void> {
    await mkdir(this.dir(record.id), { recursive: true });
    await writeFileAtomic(join(this.dir(record.id), 'run.json'), JSON.stringify(record, null, 2));
  }

  async update(id: string, change: (record: RunRecord) => void): Promise<RunRecord> {
    const record = await this.get(id);
    change(record);
    await this.save(record);
    return record;
  }

  async get(id: string): Promise<RunRecord> {
    if (!this.exists(id)) {
      const known = (await this.ids()).slice(0, 5);
      throw new AppFailure('INVALID_INPUT', `No run "${id}" in this project.${known.length ? ` Recent runs: ${known.join(', ')}.` : ' Train one first.'}`, { run: id });
    }
    return readJson<RunRecord>(join(this.dir(id), 'run.json'), `record of run ${id}`);
  }

  /** Run ids, newest first. */
  async ids(): Promise<string[]> {
    try {
      const names = await readdir(this.root);
      return names.filter((name) => isRunId(name) && existsSync(join(this.root, name, 'run.json'))).sort().reverse();
    } catch {
      return [];
    }
  }

  async list(): Promise<RunSummary[]> {
    const summaries: RunSummary[] = [];
    for (const id of await this.ids()) {
      try {
        const record = await this.get(id);
        const evaluation = existsSync(join(this.dir(id), 'evaluation.json')) ? await this.evaluation(id) : null;
        summaries.push({ ...record, testAccuracy: evaluation?.splits.test?.accuracy ?? null, auc: evaluation?.splits.val?.auc ?? null });
      } catch {
        // A half-written or foreign folder under runs/ is not a run; the list shows the rest.
      }
    }
    return summaries.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  }

  /** The newest run that finished training (for `evaluate` without a run id). */
  async latestCompleted(): Promise<RunRecord | null> {
    return (await this.list()).find((run) => run.status === 'completed') ?? null;
  }

  async metrics(id: string): Promise<EpochMetrics[]> {
    const file = join(this.dir(id), 'metrics.json');
    if (!existsSync(file)) return [];
    return readJson<EpochMetrics[]>(file, `metrics of run ${id}`);
  }

  async predictions(id: string): Promise<RunPredictions> {
    return readJson<RunPredictions>(join(this.dir(id), 'predictions.json'), `predictions of run ${id} (the run did not finish)`);
  }

  async writePredictions(predictions: RunPredictions): Promise<void> {
    await writeFileAtomic(join(this.dir(predictions.runId), 'predictions.json'), JSON.stringify(predictions));
  }

  async evaluation(id: string): Promise<RunEvaluation> {
    return readJson<RunEvaluation>(join(this.dir(id), 'evaluation.json'), `evaluation of run ${id}`);
  }

  hasEvaluation(id: string): boolean {
    return existsSync(join(this.dir(id), 'evaluation.json'));
  }

  async writeEvaluation(evaluation: RunEvaluation): Promise<void> {
    await writeFileAtomic(join(this.dir(evaluation.runId), 'evaluation.json'), JSON.stringify(evaluation));
  }

  async remove(id: string): Promise<void> {
    await this.get(id);
    await rm(this.dir(id), { recursive: true, force: true });
  }
}
