import { AppFailure } from '../../shared/result';
import { evaluateStoredRun } from '../../main/core/training/evaluate.job';
import { RunsRepository } from '../../main/core/training/runs-repository';
import { Workbench } from '../../main/core/workbench';
import { defineCommand, userConfigDir } from '../cli-kit';
import { formatEvaluation } from '../training-format';

export const evaluateCommand = defineCommand({
  name: 'evaluate',
  summary: 'Evaluate a training run honestly: validation peak and final, test at the best checkpoint, ROC/AUC, confusion, calibration.',
  usage: 'selfie-lab evaluate --project DIR [--run ID] [--threshold X] [--bins N] [--json]',
  details:
    'Computed from the run\'s stored per-epoch metrics and its predictions (made with the best-validation epoch\'s\n' +
    'model): the validation accuracy at its peak and at the last epoch (the gap shows the overfitting the study saw),\n' +
    'then per split (train, val, and test when the label set has one) accuracy, loss, AUC, the ROC curve, the\n' +
    'confusion matrix with the post ids of each cell, and calibration bins. Without --run, the newest completed run.\n' +
    'With --json, the whole evaluation (the runs.evaluation API answer) is printed.',
  options: {
    project: { type: 'string', value: 'DIR', description: 'Project folder (required).' },
    run: { type: 'string', value: 'ID', description: 'Run id (default: the newest completed run).' },
    threshold: { type: 'string', value: 'X', description: 'Decision threshold on p(good).', default: '0.5' },
    bins: { type: 'string', value: 'N', description: 'Calibration bins.', default: '10' },
  },
  run: async ({ values }, io) => {
    if (!values.project) throw new AppFailure('INVALID_INPUT', 'evaluate needs --project DIR. See: selfie-lab evaluate --help');
    const threshold = Number(values.threshold ?? '0.5');
    if (!(threshold > 0 && threshold < 1)) throw new AppFailure('INVALID_INPUT', `--threshold must be between 0 and 1, not "${values.threshold}".`);
    const bins = Number(values.bins ?? '10');
    if (!Number.isInteger(bins) || bins < 2 || bins > 50) throw new AppFailure('INVALID_INPUT', `--bins must be a whole number from 2 to 50, not "${values.bins}".`);
    const workbench = await Workbench.create({ shell: 'cli', configDir: userConfigDir() });
    try {
      // Read-only: evaluating never needs the project lock (it works while the app has the project open).
      await workbench.openProject(values.project, { writable: false });
      const dir = workbench.requireProject().dir;
      const evaluation = await evaluateStoredRun(dir, values.run, { threshold, bins });
      if (values.json) {
        io.out(JSON.stringify({ ok: true, value: evaluation }, null, 2));
        return;
      }
      io.out(formatEvaluation(await new RunsRepository(dir).get(evaluation.runId), evaluation));
    } finally {
      await workbench.dispose();
    }
  },
});
