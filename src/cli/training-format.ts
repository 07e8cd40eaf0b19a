/** Text output of the train and evaluate commands. */
import type { EpochMetrics, RunEvaluation, RunRecord, SplitEvaluation } from '../shared/training/training-types';
import { studyReference } from '../shared/training/training-types';

const f3 = (value: number | null | undefined) => (value === null || value === undefined || Number.isNaN(value) ? '—' : value.toFixed(3));

export function formatEpoch(metrics: EpochMetrics, epochs: number, best: number | null): string {
  const val = metrics.valAccuracy === null ? '' : ` · val loss ${f3(metrics.valLoss)} acc ${f3(metrics.valAccuracy)}`;
  return `epoch ${String(metrics.epoch).padStart(String(epochs).length)}/${epochs} · loss ${f3(metrics.trainLoss)} acc ${f3(metrics.trainAccuracy)}${val} · ${metrics.seconds.toFixed(2)} s${best === metrics.epoch ? ' · best' : ''}`;
}

export function referenceLine(): string {
  const { configA, configD, karpathy } = studyReference;
  return `Study reference: config A ${f3(configA.valPeak).slice(1)} max / ${f3(configA.valFinal).slice(1)} final · config D ${f3(configD.valPeak).slice(1)} / ${f3(configD.valFinal).slice(1)} · Karpathy ${Math.round(karpathy.accuracy * 100)}%`;
}

function splitLine(name: string, split: SplitEvaluation | null): string | null {
  if (!split) return null;
  return `${name.padEnd(5)} n ${String(split.n).padStart(5)} (${split.good} good / ${split.bad} bad) · acc ${f3(split.accuracy)} · AUC ${f3(split.auc)} · loss ${f3(split.loss)} · majority baseline ${f3(split.majorityBaseline)}`;
}

export function formatRunResult(record: RunRecord, evaluation: RunEvaluation | null): string {
  const c = record.counts;
  const lines = [
    `Run ${record.id}: ${record.backbone} ${record.mode} on "${record.labelSet.name}" v${record.labelSet.version} · ${record.backend.name} (${record.backend.device}) · seed ${record.seed}${record.params.shuffleLabels ? ' · SHUFFLED LABELS (sanity check: expect chance)' : ''}`,
    `Posts: train ${c.train.good} good / ${c.train.bad} bad · val ${c.val.good} / ${c.val.bad} · test ${c.test.good} / ${c.test.bad}${c.skipped ? ` · ${c.skipped} labeled posts without a usable image` : ''}`,
    `Validation accuracy: best ${f3(record.valPeak)} (epoch ${record.bestEpoch ?? '—'}) · final ${f3(record.valFinal)} (epoch ${record.epochsDone})${record.valPeak !== null && record.valFinal !== null ? ` · gap ${f3(record.valPeak - record.valFinal)}` : ''}${record.stoppedEarly ? ' · stopped early' : ''}`,
  ];
  if (evaluation) {
    lines.push(
      evaluation.valPeak === null
        ? `No validation split: the last epoch's model (epoch ${evaluation.epochsDone}), not one chosen by validation:`
        : `At the best-validation checkpoint (epoch ${evaluation.bestEpoch ?? '—'}):`,
    );
    for (const [name, split] of [['train', evaluation.splits.train], ['val', evaluation.splits.val], ['test', evaluation.splits.test]] as const) {
      const line = splitLine(name, split);
      if (line) lines.push(`  ${line}`);
    }
    const val = evaluation.splits.val;
    if (val && val.good !== val.bad && evaluation.valPeak && evaluation.valPeak.accuracy <= val.majorityBaseline + 0.01) {
      lines.push(`Caution: the best epoch is no better than always answering the majority class (${f3(val.majorityBaseline)}); read the AUC, not the accuracy.`);
    }
  }
  lines.push(referenceLine());
  return lines.join('\n');
}

export function formatEvaluation(record: RunRecord, evaluation: RunEvaluation): string {
  const lines = [formatRunResult(record, evaluation)];
  const split = evaluation.splits.test ?? evaluation.splits.val;
  if (split) {
    const which = evaluation.splits.test ? 'test' : 'val';
    const m = split.confusion;
    lines.push(
      `Confusion matrix (${which}, p(good) ≥ ${evaluation.threshold}):`,
      `              predicted good  predicted bad`,
      `  good        ${String(m.truePositive.count).padStart(14)}  ${String(m.falseNegative.count).padStart(13)}`,
      `  bad         ${String(m.falsePositive.count).padStart(14)}  ${String(m.trueNegative.count).padStart(13)}`,
      `Calibration (${which}): ${split.calibration.filter((bin) => bin.count > 0).map((bin) => `[${bin.lower.toFixed(1)}, ${bin.upper.toFixed(1)}) n ${bin.count} p̄ ${f3(bin.meanPredicted)} good ${f3(bin.fractionGood)}`).join(' · ')}`,
    );
  }
  return lines.join('\n');
}
