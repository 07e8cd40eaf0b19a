import type { RatingStep } from '../../../../shared/rating/rating-types';

/** "n of N" and a bar of how much of the session this rater has answered. */
export function RatingProgress({ step }: { step: RatingStep }) {
  const finished = step.current === null;
  const position = finished ? step.total : step.index + 1;
  const share = step.total > 0 ? step.done / step.total : 0;
  return (
    <div className="rating-progress">
      <span className="rating-progress__position" data-testid="rating-position" data-index={step.index} data-done={step.done}>
        {position} of {step.total}
      </span>
      <div
        className="rating-progress__bar"
        role="progressbar"
        aria-label="Answered"
        aria-valuemin={0}
        aria-valuemax={step.total}
        aria-valuenow={step.done}
        data-testid="rating-progress"
      >
        <div className="rating-progress__fill" style={{ width: `${(share * 100).toFixed(2)}%` }} />
      </div>
      <span className="muted rating-progress__counts">
        {step.done} answered{step.skipped > 0 ? `, ${step.skipped} skipped` : ''}
      </span>
    </div>
  );
}
