import { useEffect, useState } from 'react';
import type { CompareTable } from '../../../../shared/rating/rating-types';
import { useApi } from '../../api/api-context';
import { judgement, splitName } from './compare-format';
import type { CompareRow } from './compare-rows';

/** One post, larger, with every judgement and number about it. */
export function CompareDetail(props: { row: CompareRow; raters: CompareTable['raters']; hasModel: boolean; onClose(): void }) {
  const api = useApi();
  const { row } = props;
  const [image, setImage] = useState<{ postId: string; url: string | null; error: string | null } | null>(null);

  useEffect(() => {
    let live = true;
    void api.ratings.image({ postId: row.postId, maxSize: 512 }).then((result) => {
      if (live) setImage({ postId: row.postId, url: result.ok ? result.value : null, error: result.ok ? null : result.error.message });
    });
    return () => {
      live = false;
    };
  }, [api, row.postId]);

  // Escape closes the panel (unless a field or menu has the key).
  const { onClose } = props;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      onClose();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  const current = image?.postId === row.postId ? image : null;
  return (
    <aside className="card compare-detail" data-testid="compare-detail" data-post-id={row.postId} aria-label={`Post ${row.postId}`}>
      <div className="compare-detail__head">
        <h2 className="card__title">Post {row.postId}</h2>
        <button type="button" className="icon-button" aria-label="Close" title="Close (Esc)" onClick={props.onClose}>
          ×
        </button>
      </div>
      {current?.url ? (
        <img className="compare-detail__image" src={current.url} alt={`post ${row.postId}`} data-testid="compare-detail-image" />
      ) : (
        <div className="compare-detail__image compare-detail__image--blank">{current?.error ?? 'Loading…'}</div>
      )}
      <dl className="compare-detail__facts">
        {props.raters.map((rater, k) => (
          <div key={rater.rater}>
            <dt>{rater.name}</dt>
            <dd>{judgement(row.ratings[k]!)}</dd>
          </div>
        ))}
        <div>
          <dt>Instagram label</dt>
          <dd>{row.label === 0 ? 'none' : judgement(row.label)}</dd>
        </div>
        <div>
          <dt>Residual score</dt>
          <dd>{row.score === null ? '–' : row.score.toFixed(3)}</dd>
        </div>
        <div>
          <dt>Model p(good)</dt>
          <dd>{row.pGood === null ? (props.hasModel ? 'not predicted' : 'no run') : row.pGood.toFixed(3)}</dd>
        </div>
        <div>
          <dt>Model's class</dt>
          <dd>{judgement(row.predicted)}</dd>
        </div>
        <div>
          <dt>Split</dt>
          <dd>{splitName(row.split)}</dd>
        </div>
      </dl>
    </aside>
  );
}
