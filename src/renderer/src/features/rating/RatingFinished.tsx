import type { RatingStep } from '../../../../shared/rating/rating-types';
import { answeredText } from './rating-wording';

/** The end of a session: what was answered, and where to look at the result. */
export function RatingFinished(props: { step: RatingStep; busy: boolean; onCompare(): void; onRanking(): void; onUndo(): void; onBack(): void }) {
  const { step } = props;
  const pairwise = step.session.mode === 'pairwise';
  return (
    <div className="card rating-finished" data-testid="rating-finished">
      <div className="rating-finished__icon" aria-hidden="true">
        ✓
      </div>
      <h2>Session finished</h2>
      <p>
        {answeredText(step.rater.name, step.done, step.total, step.skipped, pairwise ? 'pair' : 'image')} Every answer is saved.
      </p>
      <div className="rating-finished__actions">
        {pairwise ? (
          <button type="button" className="button button--primary" data-testid="rating-open-ranking" onClick={props.onRanking}>
            See the ranking
          </button>
        ) : (
          <button type="button" className="button button--primary" data-testid="rating-open-compare" onClick={props.onCompare}>
            Compare with Instagram and the model
          </button>
        )}
        <button type="button" className="button" data-testid="rating-undo-last" disabled={props.busy || !step.last} onClick={props.onUndo}>
          Undo the last answer
        </button>
        <button type="button" className="button button--quiet" onClick={props.onBack}>
          Back to sessions
        </button>
      </div>
    </div>
  );
}
