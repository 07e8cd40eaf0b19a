import type { Reveal } from '../../../../shared/rating/rating-types';
import { RevealPanel } from './RevealPanel';
import { ratingImageSize } from './use-rating-images';

type Entry = { url: string } | { error: { message: string } };

/** One image to judge, as large as the stage allows; nothing else about the post unless the session is not blind (`reveal`). */
export function RatingImage(props: { postId: string; entry: Entry | undefined; side?: 'left' | 'right'; reveal?: Reveal | null; onShown(): void }) {
  const { entry } = props;
  const label = props.side ? `${props.side} image` : 'image to rate';
  return (
    <figure className="rating-frame" data-testid="rating-frame" data-side={props.side}>
      {entry === undefined ? (
        <div className="rating-frame__placeholder" aria-busy="true">
          Loading…
        </div>
      ) : 'url' in entry ? (
        <img
          key={props.postId}
          className="rating-frame__image"
          data-testid="rating-image"
          src={entry.url}
          alt={label}
          width={ratingImageSize}
          height={ratingImageSize}
          onLoad={props.onShown}
        />
      ) : (
        <div className="rating-frame__placeholder rating-frame__placeholder--error" data-testid="rating-image-error">
          This image cannot be shown ({entry.error.message}). Skip it with S.
        </div>
      )}
      {props.side ? <figcaption className="rating-frame__side">{props.side === 'left' ? '← left' : 'right →'}</figcaption> : null}
      {props.reveal ? <RevealPanel reveal={props.reveal} side={props.side} /> : null}
    </figure>
  );
}
