import type { PostsSummary } from '../../../../shared/posts/post-views';
import { Stat, StatRow } from '../../components/Stat';
import { plural } from '../../components/plural';
import { fileName, formatTime } from './format';

/** The dataset in numbers: what can be labeled, and what is missing or flagged. */
export function DatasetSummary({ summary }: { summary: PostsSummary }) {
  const duplicates = summary.duplicates.exact + summary.duplicates.near;
  return (
    <div className="dataset-summary">
      <StatRow>
        <Stat label="posts" value={summary.count} testId="dataset-count-posts" />
        <Stat
          label={`labeled (≥ ${summary.minDays} d)`}
          value={summary.count - summary.missingLabeledLikes}
          title={`Posts with a like count captured at least ${plural(summary.minDays, 'day')} after posting`}
        />
        <Stat label="missing followers" value={summary.missingFollowers} tone={summary.missingFollowers > 0 ? 'warn' : undefined} />
        <Stat label="duplicates" value={duplicates} title={`${summary.duplicates.exact} exact, ${summary.duplicates.near} near (reposts, flagged)`} />
        <Stat label="deleted" value={summary.deleted} />
        <Stat label="images analysed" value={`${summary.imagesAnalysed.toLocaleString('en-US')} / ${summary.imagesTotal.toLocaleString('en-US')}`} />
        {summary.imagesFailed > 0 ? <Stat label="unreadable images" value={summary.imagesFailed} tone="bad" /> : null}
      </StatRow>
      {summary.collections.length > 0 ? (
        <details className="collections">
          <summary>
            {plural(summary.collections.length, 'collection')}: {[...new Set(summary.collections.map((c) => c.target))].join(', ')}
          </summary>
          <ul className="collections__list">
            {summary.collections.map((collection) => (
              <li key={collection.index} title={collection.path}>
                <strong>{collection.target}</strong> <span className="muted">· {collection.kind} · </span>
                <code>{fileName(collection.path)}</code>
                <span className="muted"> · captured {formatTime(collection.capturedAt)} · imported {formatTime(collection.importedAt)}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
