import type { Collection, LikeSnapshot } from '../../../../../shared/posts/post-types';
import type { PostDetail } from '../../../../../shared/posts/post-views';
import { ageAtCaptureDays } from '../../../../../shared/posts/snapshots';
import { plural } from '../../../components/plural';
import { formatDays, formatInteger, formatTime, shortPath } from '../format';

function sameSnapshot(a: LikeSnapshot, b: LikeSnapshot | null): boolean {
  return b !== null && a.capturedAt === b.capturedAt && a.collection === b.collection && a.likes === b.likes;
}

/**
 * Every like snapshot of the post, with the one it is labeled with marked. The rule (the study's): likes count from
 * the first snapshot captured at least `minDays` after posting, so a young post is not mistaken for an unpopular one.
 */
export function DetailSnapshots({ detail }: { detail: PostDetail }) {
  const { post, labeled, minDays } = detail;
  const collections = new Map<number, Collection>(detail.collections.map((collection) => [collection.index, collection]));
  return (
    <section className="detail-section" aria-labelledby="detail-snapshots-title">
      <h3 id="detail-snapshots-title" className="detail-section__title">
        Like snapshots <span className="muted">({post.snapshots.length})</span>
      </h3>
      <table className="detail-table" data-testid="detail-snapshots">
        <thead>
          <tr>
            <th scope="col">Captured</th>
            <th scope="col" className="numeric">Likes</th>
            <th scope="col" className="numeric" title="Comments">
              Comm.
            </th>
            <th scope="col" className="numeric">Age</th>
            <th scope="col">Collection</th>
          </tr>
        </thead>
        <tbody>
          {post.snapshots.map((snapshot, index) => {
            const collection = collections.get(snapshot.collection);
            const isLabeled = sameSnapshot(snapshot, labeled);
            return (
              <tr key={index} className={isLabeled ? 'detail-table__labeled' : undefined} data-labeled={isLabeled || undefined}>
                <td>
                  {formatTime(snapshot.capturedAt)}
                  {isLabeled ? <span className="badge badge--labeled detail-table__mark">labeled</span> : null}
                </td>
                <td className="numeric">{formatInteger(snapshot.likes)}</td>
                <td className="numeric">{formatInteger(snapshot.comments)}</td>
                <td className="numeric">{formatDays(ageAtCaptureDays(post.postedAt, snapshot.capturedAt))}</td>
                <td title={collection?.path}>
                  {collection ? collection.target : `collection ${snapshot.collection}`}
                  {collection ? <span className="detail-table__path">{shortPath(collection.path)}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {labeled ? (
        <p className="detail-note">
          Labeled with the first snapshot captured at least {plural(minDays, 'day')} after posting.
        </p>
      ) : (
        <p className="detail-note detail-note--warn" data-testid="detail-no-label">
          No snapshot captured ≥ {plural(minDays, 'day')} after posting — this post gets no likes label.
          {post.postedAt ? '' : ' (Its post time is unknown.)'}
        </p>
      )}
    </section>
  );
}
