import type { PageId } from '../../app/routes';
import { RatingControls } from './RatingControls';
import { RatingFinished } from './RatingFinished';
import { RatingImage } from './RatingImage';
import { RatingProgress } from './RatingProgress';
import { RevealPanel } from './RevealPanel';
import { useRatingImages } from './use-rating-images';
import { useRatingKeys } from './use-rating-keys';
import { useRatingStep } from './use-rating-step';

/** The rating screen: one large image (or a pair), the answer keys, progress; a finished screen at the end. */
export function RatingView(props: { session: string; rater: string; navigate(page: PageId): void; onRanking(): void; onBack(): void }) {
  const { step, failure, busy, answer, undo, markShown } = useRatingStep(props.session, props.rater);
  const current = step?.current ?? null;
  const shown = current === null ? [] : current.kind === 'single' ? [current.postId] : [current.left, current.right];
  const images = useRatingImages(shown, step?.upcoming ?? []);
  const mode = step?.session.mode ?? 'single';
  useRatingKeys(mode, step !== null, { answer, undo });

  if (!step && failure) {
    return (
      <div className="card rating-finished" data-testid="rating-unavailable">
        <h2>This session cannot be opened</h2>
        <p className="muted">{failure}</p>
        <button type="button" className="button" onClick={props.onBack}>
          Back to sessions
        </button>
      </div>
    );
  }
  if (!step) return <p className="muted">Loading the session…</p>;
  const upcoming = step.upcoming ?? [];
  const preloaded = upcoming.filter((postId) => images.has(postId)).length;
  return (
    <div className="rating-view" data-testid="rating-view" data-session-id={step.session.id} data-mode={mode}>
      <div className="rating-view__bar">
        <div className="rating-view__title">
          <button type="button" className="button button--small button--quiet" data-testid="rating-back" onClick={props.onBack}>
            ← Sessions
          </button>
          <span>
            <strong>{step.session.name}</strong> <span className="muted">· rating as {step.rater.name}</span>
            {step.session.blind ? <span className="pill pill--small">blind</span> : <span className="pill pill--small">not blind</span>}
          </span>
        </div>
        <RatingProgress step={step} />
      </div>
      {current === null ? (
        <RatingFinished step={step} busy={busy} onCompare={() => props.navigate('compare')} onRanking={props.onRanking} onUndo={undo} onBack={props.onBack} />
      ) : (
        <>
          <div
            className={current.kind === 'pair' ? 'rating-stage rating-stage--pair' : 'rating-stage'}
            aria-busy={busy}
            data-testid="rating-stage"
            data-upcoming={upcoming.length}
            data-preloaded={preloaded}
          >
            {current.kind === 'single' ? (
              <RatingImage postId={current.postId} entry={images.get(current.postId)} onShown={markShown} />
            ) : (
              <>
                <RatingImage postId={current.left} entry={images.get(current.left)} side="left" reveal={step.revealPair?.[0]} onShown={markShown} />
                <RatingImage postId={current.right} entry={images.get(current.right)} side="right" reveal={step.revealPair?.[1]} onShown={markShown} />
              </>
            )}
          </div>
          {step.reveal && current.kind === 'single' ? <RevealPanel reveal={step.reveal} /> : null}
          <RatingControls mode={mode} canAnswer={!busy} canUndo={step.last !== null} busy={busy} onAnswer={answer} onUndo={undo} />
          <p className="muted rating-view__hint">
            {mode === 'single'
              ? 'Is this a good selfie? Answer with the keys or the buttons; each answer is saved at once.'
              : 'Which of the two is the better selfie? Answer with the keys or the buttons; each answer is saved at once.'}
            {step.session.recordTime ? ' The time you take per image is recorded.' : ''}
          </p>
        </>
      )}
    </div>
  );
}
