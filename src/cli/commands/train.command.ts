import { describeBackend } from '../../shared/ml/backend';
import { AppFailure } from '../../shared/result';
import { backboneNames, trainModes, type EpochMetrics, type TrainParamsInput, type TrainProgress } from '../../shared/training/training-types';
import type { JobRecord } from '../../shared/jobs/job-types';
import { RunsRepository } from '../../main/core/training/runs-repository';
import type { TrainResult } from '../../main/core/training/train.job';
import { Workbench } from '../../main/core/workbench';
import { defineCommand, printJson, userConfigDir, type CliIo } from '../cli-kit';
import { runJobWithProgress } from '../job-progress';
import { parseWidths, percentLabel } from '../../shared/training/sweep';
import type { SweepResult } from '../../main/core/training/sweep.job';
import { formatEpoch, formatRunResult } from '../training-format';

const numberOption = (flag: string, text: string | undefined, integer = false): number | undefined => {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw new AppFailure('INVALID_INPUT', `--${flag} must be a ${integer ? 'whole ' : ''}number, not "${text}".`);
  }
  return value;
};

export const trainCommand = defineCommand({
  name: 'train',
  summary: 'Train a good/bad classifier on a label set (a head on backbone features, or fine-tuning) and store the run.',
  usage:
    'selfie-lab train --project DIR --labelset NAME [--backbone mobilenet_v2|vgg16|face128] [--weights DIR] [--mode head|finetune]\n' +
    '                 [--epochs N] [--batch N] [--lr X] [--momentum X] [--l2 X] [--dropout X] [--augment on|off] [--patience N]\n' +
    '                 [--seed N] [--shuffle-labels] [--predictions all|labeled] [--name NAME] [--json]\n' +
    '       selfie-lab train --project DIR --labelset NAME --sweep WIDTHS [--backbone …] [--epochs N] … [--json]\n' +
    '       selfie-lab train --project DIR --resume JOB [--json]',
  details:
    'head (the study\'s config A, every backend): the backbone\'s features of each post\'s first image are computed once\n' +
    'into cache/embeddings/<backbone>/, then features → dropout → dense(1, sigmoid) with L2 on the kernel is trained with\n' +
    'SGD + momentum. finetune: the backbone\'s top blocks are trained with the head on the images (random crop and flip\n' +
    'with --augment on); it needs a backend with convolution gradients (tfjs-node or tfjs-node-gpu), not wasm.\n' +
    'mobilenet_v2 ships with Selfie Lab (from nsfwjs; 98 of its 162 layers keep their ImageNet weights, the rest were\n' +
    'fine-tuned by nsfwjs for another task). vgg16 is the study\'s; pass its ImageNet weights (tfjs layers format) with\n' +
    '--weights. face128 is face-api\'s descriptor of the detected face. Defaults follow the study: 30 epochs, batch 32,\n' +
    'lr 0.01, momentum 0.9, L2 5e-4, dropout 0.5, early stopping after 10 epochs without a better validation accuracy.\n' +
    'Every epoch is checkpointed; Ctrl+C stops, and running with --resume JOB continues (or jobs.resume in the app).\n' +
    '--shuffle-labels is the sanity check: the training labels are shuffled, so validation accuracy should land at chance.\n' +
    '--sweep 10,20,30,40,50 is the tail-width sweep the study proposed: the label set\'s rule with both residual tails at\n' +
    'each width (saved as "<set> · tails N%"), the same head trained on each, and labeled-set size vs validation accuracy\n' +
    'printed per width (head mode; a re-run skips the widths done). The Train page draws it.\n' +
    'Progress per epoch goes to stderr; the result (and the study\'s figures beside it) to stdout.',
  options: {
    project: { type: 'string', value: 'DIR', description: 'Project folder (required).' },
    labelset: { type: 'string', value: 'NAME', description: 'Label set name (newest version) or id (required).' },
    backbone: { type: 'string', value: 'NAME', description: 'mobilenet_v2, vgg16 or face128.', default: 'mobilenet_v2' },
    weights: { type: 'string', value: 'DIR', description: 'vgg16: folder of ImageNet weights (tfjs layers format).' },
    mode: { type: 'string', value: 'MODE', description: 'head or finetune.', default: 'head' },
    epochs: { type: 'string', value: 'N', description: 'Epochs at most.', default: '30' },
    batch: { type: 'string', value: 'N', description: 'Batch size.', default: '32' },
    lr: { type: 'string', value: 'X', description: 'Learning rate.', default: '0.01' },
    momentum: { type: 'string', value: 'X', description: 'SGD momentum.', default: '0.9' },
    l2: { type: 'string', value: 'X', description: 'L2 penalty on the dense kernel.', default: '5e-4' },
    dropout: { type: 'string', value: 'X', description: 'Dropout rate before the dense layer.', default: '0.5' },
    augment: { type: 'string', value: 'on|off', description: 'finetune: random crop and flip.', default: 'on' },
    patience: { type: 'string', value: 'N', description: 'Early stopping patience in epochs (0 = never).', default: '10' },
    seed: { type: 'string', value: 'N', description: 'Seed of the weights, shuffling and dropout.', default: '1' },
    'shuffle-labels': { type: 'boolean', description: 'Sanity check: train on shuffled labels (expect chance).' },
    predictions: { type: 'string', value: 'WHICH', description: 'Predict all posts of the set, or only the labeled ones.', default: 'all' },
    name: { type: 'string', value: 'NAME', description: 'A name for the runs table.' },
    resume: { type: 'string', value: 'JOB', description: 'Resume an interrupted or cancelled train job (its id) instead of starting one.' },
    sweep: { type: 'string', value: 'WIDTHS', description: 'Tail-width sweep: tail widths in percent, e.g. 10,20,30,40,50.' },
  },
  run: async ({ values }, io) => {
    if (!values.project) throw new AppFailure('INVALID_INPUT', 'train needs --project DIR. See: selfie-lab train --help');
    if (!values.labelset && !values.resume) throw new AppFailure('INVALID_INPUT', 'train needs --labelset NAME. See: selfie-lab train --help');
    const backbone = values.backbone ?? 'mobilenet_v2';
    if (!(backboneNames as readonly string[]).includes(backbone)) throw new AppFailure('INVALID_INPUT', `--backbone must be ${backboneNames.join(', ')}, not "${backbone}".`);
    const mode = values.mode ?? 'head';
    if (!(trainModes as readonly string[]).includes(mode)) throw new AppFailure('INVALID_INPUT', `--mode must be head or finetune, not "${mode}".`);
    if (values.augment !== undefined && !['on', 'off'].includes(values.augment)) throw new AppFailure('INVALID_INPUT', '--augment must be on or off.');
    if (values.predictions !== undefined && !['all', 'labeled'].includes(values.predictions)) throw new AppFailure('INVALID_INPUT', '--predictions must be all or labeled.');
    const params: TrainParamsInput = {
      labelSet: values.labelset ?? '',
      backbone: backbone as TrainParamsInput['backbone'],
      mode: mode as TrainParamsInput['mode'],
      epochs: numberOption('epochs', values.epochs, true),
      batch: numberOption('batch', values.batch, true),
      lr: numberOption('lr', values.lr),
      momentum: numberOption('momentum', values.momentum),
      l2: numberOption('l2', values.l2),
      dropout: numberOption('dropout', values.dropout),
      augment: values.augment !== 'off',
      patience: numberOption('patience', values.patience, true),
      seed: numberOption('seed', values.seed, true),
      shuffleLabels: values['shuffle-labels'],
      predictions: (values.predictions ?? 'all') as 'all',
      ...(values.weights ? { weights: values.weights } : {}),
      ...(values.name ? { name: values.name } : {}),
    };
    for (const key of Object.keys(params) as Array<keyof TrainParamsInput>) if (params[key] === undefined) delete params[key];
    if (values.sweep !== undefined) return runSweep(values.project, values.sweep, params, values.json, io);
    const workbench = await Workbench.create({ shell: 'cli', configDir: userConfigDir() });
    try {
      await workbench.openProject(values.project);
      const backend = await workbench.ml.backend();
      const log = (text: string) => {
        if (!values.json) process.stderr.write(`${text}\n`);
      };
      log(`ML backend: ${describeBackend(backend)}`);
      const job = await runTrainJob(workbench, values.resume ?? null, params as Record<string, unknown>, log);
      if (job.state !== 'succeeded') {
        if (job.error) throw new AppFailure(job.error.code as never, job.error.message, job.error.details);
        throw new AppFailure('CANCELLED', `${job.title} was ${job.state}; resume it with: selfie-lab train --project ${values.project} --resume ${job.id}`, { job: job.id });
      }
      const result = job.result as TrainResult;
      const runs = new RunsRepository(workbench.requireProject().dir);
      const record = await runs.get(result.runId);
      const evaluation = runs.hasEvaluation(result.runId) ? await runs.evaluation(result.runId) : null;
      if (values.json) {
        io.out(JSON.stringify({ ok: true, value: { job: job.id, ...result, record, metrics: await runs.metrics(result.runId), reference: evaluation?.reference ?? null } }, null, 2));
        return;
      }
      io.out(formatRunResult(record, evaluation));
      io.out(`Run folder: ${runs.dir(record.id)}`);
    } finally {
      await workbench.dispose();
    }
  },
});

/** `train --sweep`: the train.sweep job with the same hyper-parameters, one line per width as each finishes. */
async function runSweep(project: string, widthsText: string, params: TrainParamsInput, json: boolean, io: CliIo): Promise<void> {
  let widths: number[];
  try {
    widths = parseWidths(widthsText);
  } catch (error) {
    throw new AppFailure('INVALID_INPUT', `--sweep: ${(error as Error).message}`);
  }
  if (params.mode === 'finetune' || params.shuffleLabels) throw new AppFailure('INVALID_INPUT', '--sweep trains heads (mode head) on the real labels; leave out --mode finetune and --shuffle-labels.');
  const { mode: _mode, augment: _augment, shuffleLabels: _shuffle, predictions: _predictions, name: _name, ...shared } = params;
  const workbench = await Workbench.create({ shell: 'cli', configDir: userConfigDir() });
  try {
    await workbench.openProject(project);
    const log = (text: string) => {
      if (!json) process.stderr.write(`${text}\n`);
    };
    log(`ML backend: ${describeBackend(await workbench.ml.backend())}`);
    const job = await runJobWithProgress(workbench, 'train.sweep', { ...shared, widths }, json);
    if (job.state !== 'succeeded') {
      if (job.error) throw new AppFailure(job.error.code as never, job.error.message, job.error.details);
      throw new AppFailure('CANCELLED', `${job.title} was ${job.state}; run the same command again to go on (widths done are kept).`, { job: job.id });
    }
    const result = job.result as SweepResult;
    if (json) {
      printJson(io, result);
      return;
    }
    const percent = (value: number | null) => (value === null ? '   –  ' : `${(value * 100).toFixed(1).padStart(5)}%`);
    io.out('tails   labeled  train/val   val peak  val final  run');
    for (const point of result.points) {
      io.out(`${percentLabel(point.width).padStart(5)}  ${String(point.labeled).padStart(8)}  ${`${point.train}/${point.val}`.padStart(9)}   ${percent(point.valPeak)}     ${percent(point.valFinal)}  ${point.runId}`);
    }
    if (result.skipped.length > 0) io.out(`(${result.skipped.map(percentLabel).join(', ')} were done already and not trained again.)`);
  } finally {
    await workbench.dispose();
  }
}

/** Starts (or resumes) the train job and prints each finished epoch on stderr, in order, as the checkpoints arrive. */
async function runTrainJob(workbench: Workbench, resumeId: string | null, params: Record<string, unknown>, log: (text: string) => void): Promise<JobRecord> {
  const jobs = workbench.requireJobs();
  let id = '';
  let printed = 0;
  let lastMessage = '';
  let lastLogged = 0;
  const unsubscribe = workbench.subscribe((event, payload) => {
    if (event !== 'job.updated') return;
    const job = payload as JobRecord;
    if (job.id !== id) return;
    const live = job.checkpoint as TrainProgress | undefined;
    const history: EpochMetrics[] = live?.history ?? [];
    if (resumeId && printed === 0 && history.length > 1) {
      // A resumed run's first report holds the epochs done before: say so instead of printing them again.
      printed = history[history.length - 2]!.epoch;
      log(`resumed after epoch ${printed}`);
    }
    for (const metrics of history.filter((entry) => entry.epoch > printed)) {
      log(formatEpoch(metrics, live!.epochs, live!.bestEpoch));
      printed = metrics.epoch;
    }
    // Between epochs (features, predictions): the status line, at most every 2 s.
    const message = job.progress.message;
    if (job.state === 'running' && live?.phase !== 'training' && message && message !== lastMessage && Date.now() - lastLogged > 2000) {
      lastMessage = message;
      lastLogged = Date.now();
      log(`  ${message}`);
    }
  });
  const stop = () => void jobs.cancel(id).catch(() => undefined);
  process.once('SIGINT', stop);
  try {
    id = resumeId ? (await jobs.resume(resumeId)).id : (await jobs.start('train', params)).id;
    await jobs.idle();
    return jobs.get(id);
  } finally {
    process.removeListener('SIGINT', stop);
    unsubscribe();
  }
}
