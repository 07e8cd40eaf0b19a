import { useMemo } from 'react';
import { plural } from '../../components/plural';
import { useThumbnails } from '../labels/panels/use-thumbnails';
import { goodShare, rankingRows } from './ranking-rows';
import { usePairRanking } from './use-pair-ranking';

const labelText = (label: number) => (label === 1 ? 'good' : label === -1 ? 'bad' : 'none');

/** A pairwise session's images ranked by Bradley–Terry strength, beside their likes-derived labels. */
export function RankingView(props: { session: string; sessionName: string | null; onBack(): void }) {
  const { ranking, error } = usePairRanking(props.session);
  const rows = useMemo(() => (ranking ? rankingRows(ranking) : []), [ranking]);
  const { thumbnails } = useThumbnails(rows.map((row) => row.postId));
  const compared = rows.filter((row) => row.comparisons > 0);
  const half = Math.floor(compared.length / 2);
  const top = goodShare(compared.slice(0, half));
  const bottom = goodShare(compared.slice(compared.length - half));
  const maxAbs = Math.max(1e-9, ...rows.map((row) => Math.abs(row.strength)));
  const share = (value: number | null) => (value === null ? 'not defined: no labeled images' : `${(value * 100).toFixed(0)}%`);

  return (
    <section className="card rating-ranking" data-testid="rating-ranking" aria-label="Pairwise ranking">
      <div className="rating-ranking__head">
        <button type="button" className="button button--small button--quiet" data-testid="ranking-back" onClick={props.onBack}>
          ← Sessions
        </button>
        <h2 className="card__title">Ranking{props.sessionName ? `: ${props.sessionName}` : ''}</h2>
      </div>
      {error ? <p className="rating-error">The ranking could not be computed: {error.message}</p> : null}
      {!ranking && !error ? <p className="muted">Computing the ranking…</p> : null}
      {ranking && ranking.judgments === 0 ? (
        <div className="rating-ranking__empty" data-testid="ranking-empty">
          <p>
            <strong>No judgments yet.</strong> Nobody has judged a pair of this session (skips do not count), so there is no order
            to show: every image would sit at the same strength.
          </p>
          <p className="muted">Open the session from the list, judge a few pairs with ← and →, and the ranking appears here.</p>
        </div>
      ) : null}
      {ranking && ranking.judgments > 0 ? (
        <>
          <p className="muted">
            Bradley–Terry strengths from {plural(ranking.judgments, 'judgment')} by all raters (log-strength θ, mean 0; e^(θᵢ − θⱼ) is the odds that
            i is judged better than j){ranking.ranking.converged ? '' : '; the fit did not converge, so treat the order as rough'}.
          </p>
          <p className="muted" data-testid="ranking-prior">
            A weak prior keeps the fit finite: each image also gets one pseudo-comparison against an average image (θ = 0),
            counted half won and half lost, so an image that never won (or never lost) still gets a finite strength, pulled
            towards 0 until it has been judged more often.
          </p>
          {compared.length >= 2 ? (
            <p data-testid="ranking-summary">
              Instagram-good among the top half: {share(top.share)} ({top.good} of {top.labeled}); among the bottom half: {share(bottom.share)} (
              {bottom.good} of {bottom.labeled}).
            </p>
          ) : (
            <p className="muted">Judge a few pairs first: the ranking needs at least two compared images.</p>
          )}
          <ol className="rating-ranking__list">
            {rows.map((row, rank) => {
              const url = thumbnails.get(row.postId);
              return (
                <li key={row.postId} className="rating-ranking__row" data-testid="ranking-row" data-post-id={row.postId}>
                  <span className="rating-ranking__rank">{row.comparisons > 0 ? rank + 1 : '–'}</span>
                  {url ? <img src={url} alt={`post ${row.postId}`} className="rating-ranking__thumb" /> : <span className="rating-ranking__thumb" />}
                  <span className="rating-ranking__bar" aria-hidden="true">
                    <span className={row.strength >= 0 ? 'rating-ranking__fill' : 'rating-ranking__fill rating-ranking__fill--negative'} style={{ width: `${(Math.abs(row.strength) / maxAbs) * 50}%` }} />
                  </span>
                  <span className="rating-ranking__number">θ {row.strength.toFixed(2)}</span>
                  <span className="muted">
                    {row.wins} of {row.comparisons} won
                  </span>
                  <span className={`pill pill--small rating-label rating-label--${labelText(row.label)}`}>{labelText(row.label)}</span>
                </li>
              );
            })}
          </ol>
        </>
      ) : null}
    </section>
  );
}
