import { useMemo, useState } from 'react';
import type { RunEvaluation, SplitEvaluation } from '../../../../shared/training/training-types';
import { colours, percent } from './colours';
import { ConfusionMatrix } from './ConfusionMatrix';
import { LineChart } from './LineChart';

type SplitName = 'val' | 'test' | 'train';

/** The selected run's evaluation at its best-validation checkpoint: ROC with AUC, confusion matrix, calibration. */
export function EvaluationPanel({ evaluation }: { evaluation: RunEvaluation }) {
  const available = (['val', 'test', 'train'] as const).filter((name) => evaluation.splits[name] !== null);
  const [choice, setChoice] = useState<SplitName>('val');
  const name = available.includes(choice) ? choice : available[0];
  const split = name ? evaluation.splits[name] : null;

  return (
    <section className="card train-eval" aria-label="Evaluation">
      <header className="train-curves__head">
        <h2 className="card__title">Evaluation at epoch {evaluation.bestEpoch ?? '–'}</h2>
        <div className="train-eval__splits" role="group" aria-label="Split">
          {available.map((option) => (
            <button key={option} type="button" className={option === name ? 'button button--small button--pressed' : 'button button--small'} onClick={() => setChoice(option)}>
              {option}
            </button>
          ))}
        </div>
      </header>
      <p>
        Validation peak {percent(evaluation.valPeak?.accuracy)} (epoch {evaluation.valPeak?.epoch ?? '–'}), final {percent(evaluation.valFinal?.accuracy)}
        {evaluation.peakFinalGap !== null ? `, gap ${(evaluation.peakFinalGap * 100).toFixed(1)} points` : ''}.
        {evaluation.splits.test ? ` Test accuracy ${percent(evaluation.splits.test.accuracy)}.` : ''}
        {evaluation.shuffledLabels ? ' Trained on shuffled labels: this should be at chance.' : ''}
      </p>
      {split ? <SplitView split={split} name={name!} /> : <p className="muted">No labeled posts to evaluate.</p>}
    </section>
  );
}

function SplitView({ split, name }: { split: SplitEvaluation; name: SplitName }) {
  const roc = useMemo(
    () => [
      { label: 'ROC', data: split.roc.map((p) => ({ x: p.fpr, y: p.tpr })), borderColor: colours.train, backgroundColor: colours.train, pointRadius: 0 },
      { label: 'chance', data: [{ x: 0, y: 0 }, { x: 1, y: 1 }], borderColor: colours.grey, backgroundColor: colours.grey, borderDash: [5, 4], pointRadius: 0 },
    ],
    [split],
  );
  const calibration = useMemo(() => {
    const bins = split.calibration.filter((bin) => bin.meanPredicted !== null && bin.fractionGood !== null);
    return [
      { label: 'share good per bin', data: bins.map((bin) => ({ x: bin.meanPredicted!, y: bin.fractionGood! })), borderColor: colours.val, backgroundColor: colours.val, pointRadius: 4 },
      { label: 'perfect calibration', data: [{ x: 0, y: 0 }, { x: 1, y: 1 }], borderColor: colours.grey, backgroundColor: colours.grey, borderDash: [5, 4], pointRadius: 0 },
    ];
  }, [split]);

  return (
    <div className="train-eval__grid">
      <figure className="train-eval__figure">
        <figcaption>
          ROC ({name}, {split.n} posts): AUC <strong data-testid="eval-auc">{split.auc === null ? 'n/a' : split.auc.toFixed(3)}</strong> · accuracy {percent(split.accuracy)} (majority{' '}
          {percent(split.majorityBaseline)})
        </figcaption>
        <LineChart datasets={roc} x={{ title: 'false positive rate', min: 0, max: 1 }} y={{ title: 'true positive rate', min: 0, max: 1 }} label="ROC curve" canvas={{ 'data-testid': 'eval-roc' }} square />
      </figure>
      <figure className="train-eval__figure">
        <figcaption>Confusion matrix ({name})</figcaption>
        <ConfusionMatrix key={name} confusion={split.confusion} />
      </figure>
      <figure className="train-eval__figure">
        <figcaption>Calibration ({name}): predicted p(good) vs share good</figcaption>
        <LineChart datasets={calibration} x={{ title: 'mean predicted p(good)', min: 0, max: 1 }} y={{ title: 'share good', min: 0, max: 1 }} label="Calibration plot" canvas={{ 'data-testid': 'calibration-chart' }} square />
      </figure>
    </div>
  );
}
