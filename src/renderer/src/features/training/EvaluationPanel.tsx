import { useMemo, useState } from 'react';
import type { RunEvaluation, RunSummary, SplitEvaluation } from '../../../../shared/training/training-types';
import { ChoiceButtons } from '../../components/ChoiceButtons';
import { plural } from '../../components/plural';
import { colours, percent } from './colours';
import { ConfusionMatrix } from './ConfusionMatrix';
import { LineChart } from './LineChart';
import { shuffledVerdict } from './sanity-check';

type SplitName = 'val' | 'test' | 'train';

/**
 * The selected run's evaluation at its best-validation checkpoint (the final epoch without a validation split): ROC
 * with AUC, confusion matrix, calibration. A shuffled-labels run gets a verdict against chance; any other run offers
 * that sanity check in one click.
 */
export function EvaluationPanel(props: { evaluation: RunEvaluation; run: RunSummary; busy: boolean; onSanityCheck(): void }) {
  const { evaluation } = props;
  const available = (['val', 'test', 'train'] as const).filter((name) => evaluation.splits[name] !== null);
  const [choice, setChoice] = useState<SplitName>('val');
  const name = available.includes(choice) ? choice : available[0];
  const split = name ? evaluation.splits[name] : null;
  const noValidation = evaluation.splits.val === null || evaluation.splits.val.n === 0;
  const verdict = evaluation.shuffledLabels ? shuffledVerdict(evaluation) : null;

  return (
    <section className="card train-eval" aria-label="Evaluation">
      <header className="train-curves__head">
        <h2 className="card__title">
          {noValidation ? `Evaluation at the final epoch (${evaluation.epochsDone})` : `Evaluation at the best-validation epoch (${evaluation.bestEpoch ?? '–'})`}
        </h2>
        <ChoiceButtons label="Split" choices={available.map((option) => ({ value: option, label: option }))} value={name} onChange={setChoice} />
      </header>
      <p>
        {noValidation ? (
          'No validation split: epochs not selected by validation.'
        ) : (
          <>
            Validation peak {percent(evaluation.valPeak?.accuracy)} (epoch {evaluation.valPeak?.epoch ?? '–'}), final {percent(evaluation.valFinal?.accuracy)}
            {evaluation.peakFinalGap !== null ? `, gap ${(evaluation.peakFinalGap * 100).toFixed(1)} points` : ''}.
          </>
        )}
        {evaluation.splits.test ? ` Test accuracy ${percent(evaluation.splits.test.accuracy)}.` : ''}
      </p>
      {majorityOnly(evaluation) ? (
        <p className="train-verdict train-verdict--warn" data-testid="majority-warning">
          The best epoch is no better than always answering the majority class ({percent(evaluation.splits.val!.majorityBaseline)} of the
          validation posts are {evaluation.splits.val!.good >= evaluation.splits.val!.bad ? 'good' : 'bad'}): read the AUC, not the accuracy, and
          consider balanced tails.
        </p>
      ) : null}
      {evaluation.shuffledLabels ? (
        <p className={verdict?.aboveChance ? 'train-verdict train-verdict--warn' : 'train-verdict'} data-testid="sanity-verdict" data-above-chance={verdict ? String(verdict.aboveChance) : 'unknown'}>
          Sanity check (trained on shuffled labels): {verdict ? verdict.text : 'no validation or test posts to judge it by.'}
        </p>
      ) : (
        <p className="train-verdict">
          <button type="button" className="button button--small" data-testid="sanity-check-start" disabled={props.busy} onClick={props.onSanityCheck}>
            Run the sanity check
          </button>{' '}
          <span className="muted">The same configuration on shuffled training labels: it should land at chance; above chance means a leak.</span>
        </p>
      )}
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
          ROC ({name}, {plural(split.n, 'post')}): AUC <strong data-testid="eval-auc">{split.auc === null ? 'n/a' : split.auc.toFixed(3)}</strong> · accuracy {percent(split.accuracy)} (majority{' '}
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

/** The best-validation accuracy is within a point of the majority-class baseline: an unbalanced set's trivial model. */
function majorityOnly(evaluation: RunEvaluation): boolean {
  const val = evaluation.splits.val;
  const peak = evaluation.valPeak?.accuracy;
  return !!val && peak !== undefined && val.good !== val.bad && peak <= val.majorityBaseline + 0.01;
}
