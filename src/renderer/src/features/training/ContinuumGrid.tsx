import { useEffect, useMemo, useState } from 'react';
import { continuumEnd, continuumOrder, continuumSample, type ContinuumSplit } from '../../../../shared/training/continuum';
import type { RunPredictions } from '../../../../shared/training/training-types';
import { useApi } from '../../api/api-context';
import { ApiError, call } from '../../api/api-error';
import { ChoiceButtons } from '../../components/ChoiceButtons';
import { plural } from '../../components/plural';
import { useThumbnails } from '../labels/panels/use-thumbnails';

/** At most this many posts are drawn, evenly spaced along the order (the thumbnail API answers 200 per call). */
const maxShown = 120;

const splitOptions: Array<{ value: ContinuumSplit; label: string }> = [
  { value: 1, label: 'val' },
  { value: 2, label: 'test' },
  { value: 0, label: 'train' },
  { value: 'all', label: 'all' },
];

/**
 * Karpathy's continuum: the split's posts from the model's best to its worst by p(good). As a privacy default the
 * worst third is drawn small and blurred (the people in those photos did not ask to be ranked last); a toggle shows them.
 */
export function ContinuumGrid({ runId }: { runId: string }) {
  const api = useApi();
  const [predictions, setPredictions] = useState<RunPredictions | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [chosenSplit, setSplit] = useState<ContinuumSplit | null>(null);
  const [unblurred, setUnblurred] = useState(false);

  useEffect(() => {
    let live = true;
    setPredictions(null);
    void (async () => {
      try {
        const value = call(await api.runs.predictions({ id: runId }));
        if (live) setPredictions(value);
      } catch (thrown) {
        if (live) setError(ApiError.from(thrown));
      }
    })();
    return () => {
      live = false;
    };
  }, [api, runId]);

  const counts = useMemo(() => new Map(splitOptions.map(({ value }) => [value, predictions ? continuumOrder(predictions, value).length : 0])), [predictions]);
  // The chosen split while it has posts, else the first that has (val, test, train, all): a run without a validation
  // split opens on its test posts, and one of the buttons is always the pressed one.
  const split = splitOptions.find(({ value }) => value === chosenSplit && (counts.get(value) ?? 0) > 0)?.value ?? splitOptions.find(({ value }) => (counts.get(value) ?? 0) > 0)?.value ?? 1;
  const ordered = useMemo(() => (predictions ? continuumOrder(predictions, split) : []), [predictions, split]);
  const shown = useMemo(() => continuumSample(ordered, maxShown), [ordered]);
  const { thumbnails, error: thumbnailError } = useThumbnails(useMemo(() => shown.map((item) => item.postId), [shown]));

  return (
    <section className="card train-continuum" aria-label="Best-to-worst continuum" data-testid="continuum-panel">
      <header className="train-curves__head">
        <h2 className="card__title">Best to worst, by the model</h2>
        <ChoiceButtons label="Split" choices={splitOptions.filter(({ value }) => (counts.get(value) ?? 0) > 0)} value={split} onChange={setSplit} />
      </header>
      <p className="muted">
        {plural(ordered.length, 'post')} ordered by p(good){ordered.length > shown.length ? `, ${shown.length} shown evenly spaced along the order` : ''}. Border: the label (green good, red bad,
        grey none). The worst third is shown small and blurred.{' '}
        <label className="train-form__check train-continuum__toggle">
          <input type="checkbox" data-testid="continuum-unblur" checked={unblurred} onChange={(e) => setUnblurred(e.target.checked)} />
          Show the worst end unblurred
        </label>
      </p>
      {error ? <p className="muted">Predictions unavailable: {error.message}</p> : null}
      {thumbnailError ? <p className="muted">Thumbnails unavailable: {thumbnailError.message}</p> : null}
      {!predictions && !error ? <p className="muted">Loading predictions…</p> : null}
      {predictions && shown.length === 0 ? <p className="muted">No predicted posts in this split.</p> : null}
      <ol className="train-continuum__grid" data-testid="continuum-grid" data-count={shown.length}>
        {shown.map((item) => {
          const end = continuumEnd(item.rank, ordered.length);
          const url = thumbnails.get(item.postId);
          const labelClass = item.label === 1 ? 'good' : item.label === -1 ? 'bad' : 'none';
          const blurred = end === 'worst' && !unblurred;
          return (
            <li
              key={item.postId}
              className={`train-continuum__item train-continuum__item--${end} train-continuum__item--${labelClass}${blurred ? ' train-continuum__item--blurred' : ''}`}
              data-testid="continuum-item"
              data-end={end}
              data-blurred={blurred}
              data-p={item.pGood.toFixed(4)}
              title={`#${item.rank + 1} of ${ordered.length} · post ${item.postId} · p(good) ${item.pGood.toFixed(3)}`}
            >
              {url ? <img src={url} alt={`post ${item.postId}, rank ${item.rank + 1}`} /> : <span className="train-continuum__blank" />}
              <span className="train-continuum__p">{item.pGood.toFixed(2)}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
