import { useCallback, useState } from 'react';
import { LabelScatter } from './charts/LabelScatter';
import { TailWidthChart } from './charts/TailWidthChart';
import { ThresholdHistogram } from './charts/ThresholdHistogram';
import { currentTails, type RuleEditorState, type Tails } from './model/editor-state';
import type { Population } from './model/population';
import { useLabeling, useSettled, type Labeling } from './model/use-labeling';
import { ExampleStrips } from './panels/ExampleStrips';
import { formatCount } from './panels/format';
import { LabelCounts } from './panels/LabelCounts';
import { RuleComparisonPanel } from './panels/RuleComparisonPanel';
import { SplitAndFit } from './panels/SplitAndFit';
import { TruthPanel } from './panels/TruthPanel';
import type { LabelSetSummary } from '../../../../shared/labeling/label-set';

/**
 * The live part of the page for a population of at least 3 posts. Counts, histogram and scatter follow every
 * slider step; the split, truth scores, examples, tail-width sweep and comparison follow the settled labels
 * (after a drag is released), so a step stays within a frame even at 500,000 posts.
 */
export function LabelLab(props: {
  population: Population;
  editor: RuleEditorState;
  setEditor(update: (state: RuleEditorState) => RuleEditorState): void;
  sets: LabelSetSummary[] | null;
}) {
  const { population, editor, setEditor } = props;
  const [dragging, setDragging] = useState(false);
  const tails = currentTails(editor);
  const { labeling, failure } = useLabeling(population, editor, tails);
  const settled = useSettled(labeling, dragging);
  const onTails = useCallback(
    (next: Tails) => setEditor((state) => (state.strategy === 'karpathy' ? state : { ...state, tails: { ...state.tails, [state.strategy]: next } })),
    [setEditor],
  );

  if (!labeling) {
    return (
      <p className="labels-note labels-note--warn" role="alert" data-testid="labels-failure">
        {failure ?? 'This rule cannot be computed for this population.'}
      </p>
    );
  }
  return (
    <>
      <LabelCounts labeling={labeling} />
      <div className="labels-grid">
        <ScoresCard labeling={labeling} groupSize={editor.groupSize} onTails={onTails} onDragging={setDragging} />
        <LabelScatter labeling={labeling} />
      </div>
      {settled ? (
        <>
          <div className="labels-grid">
            <SplitAndFit labeling={settled} val={editor.val} test={editor.test} seed={editor.seed} hashtags={editor.hashtags} />
            {population.hasTruth ? (
              <TruthPanel labeling={settled} strategy={settled.ranking.strategy} />
            ) : (
              <section className="card">
                <h2 className="card__title">Against the truth</h2>
                <p className="muted">This project has no simulated quality to score labels against (only simulated and demo projects do).</p>
              </section>
            )}
          </div>
          <ExampleStrips labeling={settled} />
          <div className="labels-grid">
            <TailWidthChart labeling={settled} />
            <RuleComparisonPanel labeling={settled} sets={props.sets} />
          </div>
        </>
      ) : null}
    </>
  );
}

function ScoresCard(props: { labeling: Labeling; groupSize: number; onTails(tails: Tails): void; onDragging(dragging: boolean): void }) {
  const { labeling } = props;
  if (labeling.ranking.kind !== 'tails') {
    const n = labeling.population.n;
    const groups = Math.floor(n / props.groupSize);
    return (
      <section className="card labels-figure labels-figure--note" data-testid="labels-karpathy-note">
        <h2 className="card__title">Groups, not thresholds</h2>
        <p className="muted">
          Karpathy&apos;s rule has no thresholds to drag: it cuts the {formatCount(n)} posts, ordered by followers, into {formatCount(groups)} groups of{' '}
          {formatCount(props.groupSize)} and labels the better half of each good and the worse half bad.
          {n % props.groupSize > 0 ? ` The last ${formatCount(n % props.groupSize)} posts do not fill a group and stay unlabeled.` : ''} Change G to trade
          group homogeneity (similar audiences) against noise.
        </p>
      </section>
    );
  }
  const title = labeling.ranking.strategy === 'ratio' ? 'Like-ratio histogram' : 'Residual histogram';
  return (
    <figure className="card labels-figure">
      <figcaption className="labels-figure__caption">
        <span className="card__title">{title}</span>
        <span className="muted">Drag the handles, or focus one and use the arrow keys. Nothing is saved until you press Save.</span>
      </figcaption>
      <ThresholdHistogram labeling={labeling} onTails={props.onTails} onDragging={props.onDragging} />
    </figure>
  );
}
