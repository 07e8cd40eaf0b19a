import type { FollowersSource } from '../../../../../shared/posts/imported-post';
import type { Post } from '../../../../../shared/posts/post-types';
import { fileName, formatInteger, formatTime } from '../format';

const followerSources: Record<FollowersSource, string> = {
  embedded: "from the post's own metadata",
  manifest: 'from the manifest',
  profile: "from the owner's profile file",
  'followers-file': 'from the followers CSV',
};

/** Owner, follower count and its source, time, origin, duplicate link, hashtags, caption and extra columns. */
export function DetailFacts(props: { post: Post; onOpenPost(id: string): void }) {
  const { post } = props;
  const extra = Object.entries(post.extra);
  const origin = `${post.origin.file}${post.origin.line ? `:${post.origin.line}` : ''}`;
  return (
    <>
      <dl className="detail-facts">
        <dt>Owner</dt>
        <dd>
          {post.ownerName ?? <span className="muted">name unknown</span>}
          {post.ownerId ? <span className="muted"> · id {post.ownerId}</span> : null}
        </dd>
        <dt>Followers</dt>
        <dd>
          {formatInteger(post.followers)}
          <span className="muted"> {post.followersSource ? followerSources[post.followersSource] : post.followers === null ? '(missing: no source had a count for this owner)' : ''}</span>
        </dd>
        <dt>Posted</dt>
        <dd>{formatTime(post.postedAt)}</dd>
        <dt>Origin</dt>
        <dd className="detail-facts__path" title={origin}>
          {fileName(post.origin.file)}
          {post.origin.line ? `:${post.origin.line}` : ''}
        </dd>
        {post.shortcode ? (
          <>
            <dt>Shortcode</dt>
            <dd>{post.shortcode}</dd>
          </>
        ) : null}
        {post.deleted ? (
          <>
            <dt>Deleted</dt>
            <dd>missing from a later collection of the same target</dd>
          </>
        ) : null}
        {post.duplicateOf ? (
          <>
            <dt>{post.duplicateKind === 'near' ? 'Near duplicate of' : 'Duplicate of'}</dt>
            <dd>
              <button type="button" className="link-button" data-testid="detail-duplicate-of" onClick={() => props.onOpenPost(post.duplicateOf!)}>
                {post.duplicateOf}
              </button>
            </dd>
          </>
        ) : null}
        <dt>Hashtags</dt>
        <dd>
          {post.hashtags.length > 0 ? (
            <span className="hashtags">
              {post.hashtags.map((tag) => (
                <span key={tag} className="pill pill--small">
                  #{tag}
                </span>
              ))}
            </span>
          ) : (
            <span className="muted">none</span>
          )}
        </dd>
      </dl>
      {post.caption ? <p className="detail-caption">{post.caption}</p> : null}
      {extra.length > 0 ? (
        <section className="detail-section" aria-labelledby="detail-extra-title">
          <h3 id="detail-extra-title" className="detail-section__title">
            Extra columns
          </h3>
          <dl className="detail-facts" data-testid="detail-extra">
            {extra.map(([name, value]) => (
              <div key={name} className="detail-facts__pair">
                <dt>{name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </>
  );
}
