import type { Reveal } from '../../../../shared/rating/rating-types';

/** Sessions that are not blind: an image's likes, followers and its likes-derived label (under each image of a pair). */
export function RevealPanel({ reveal, side }: { reveal: Reveal; side?: 'left' | 'right' }) {
  const count = (value: number | null) => (value === null ? '–' : value.toLocaleString('en-US'));
  return (
    <dl className="rating-reveal" data-testid="rating-reveal" data-side={side} aria-label={side ? `About the ${side} post (not blind)` : 'About this post (not blind)'}>
      <dt>Likes</dt>
      <dd>{count(reveal.likes)}</dd>
      <dt>Followers</dt>
      <dd>{count(reveal.followers)}</dd>
      <dt>Instagram label</dt>
      <dd>{reveal.label === 1 ? 'good' : reveal.label === -1 ? 'bad' : 'none'}</dd>
    </dl>
  );
}
