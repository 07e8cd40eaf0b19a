import type { RatingStep } from '../../../../shared/rating/rating-types';

/** Sessions that are not blind: the current image's likes, followers and its likes-derived label. */
export function RevealPanel({ reveal }: { reveal: NonNullable<RatingStep['reveal']> }) {
  const count = (value: number | null) => (value === null ? '–' : value.toLocaleString('en-US'));
  return (
    <dl className="rating-reveal" data-testid="rating-reveal" aria-label="About this post (not blind)">
      <dt>Likes</dt>
      <dd>{count(reveal.likes)}</dd>
      <dt>Followers</dt>
      <dd>{count(reveal.followers)}</dd>
      <dt>Instagram label</dt>
      <dd>{reveal.label === 1 ? 'good' : reveal.label === -1 ? 'bad' : 'none'}</dd>
    </dl>
  );
}
