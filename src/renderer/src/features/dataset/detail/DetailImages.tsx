import type { Post } from '../../../../../shared/posts/post-types';
import { fileName } from '../format';
import { useDetailImages } from './use-detail-images';

/** Every image of the post; an image that cannot be read shows why (missing, corrupt, download failed). */
export function DetailImages({ post }: { post: Post }) {
  const thumbnails = useDetailImages(post.row, post.images.length);
  if (post.images.length === 0) return <p className="muted">This post has no image.</p>;
  return (
    <ul className={post.images.length === 1 ? 'detail-images detail-images--single' : 'detail-images'} data-testid="detail-images">
      {post.images.map((image, position) => {
        const source = image.path ?? image.url ?? '';
        const thumbnail = thumbnails[position];
        return (
          <li key={`${image.index}-${position}`} className="detail-images__item">
            <div className="detail-images__frame">
              {image.error ? (
                <span className="detail-images__error" data-testid="detail-image-error">
                  {image.error}
                </span>
              ) : thumbnail ? (
                <img src={thumbnail} alt={`Image ${image.index} of post ${post.id}`} />
              ) : thumbnail === null ? (
                <span className="detail-images__error">{image.path ? 'cannot be shown' : 'not downloaded'}</span>
              ) : (
                <span className="grid-cell__loading" aria-hidden="true" />
              )}
            </div>
            <span className="detail-images__name" title={source}>
              {image.kind === 'video-thumbnail' ? 'video thumbnail · ' : ''}
              {source ? fileName(source) : 'no file'}
              {image.width && image.height ? ` · ${image.width}×${image.height}` : ''}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
