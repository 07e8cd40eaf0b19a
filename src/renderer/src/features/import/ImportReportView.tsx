import type { ImportReport } from '../../../../shared/posts/import-report';
import { Stat, StatRow } from '../../components/Stat';
import { plural } from '../../components/plural';
import { fileName, shortPath } from '../dataset/format';
import { ProblemList } from './ProblemList';

/** What an import did: counts per outcome, why files were skipped, problems with file:line, followers, deletions. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { counts, followers, downloads } = report;
  const skipped = Object.entries(report.skippedByReason).sort((a, b) => b[1] - a[1]);
  const downloadsTried = downloads.downloaded + downloads.alreadyPresent + downloads.failed;
  return (
    <section className="import-report" data-testid="import-report" aria-label="Import report">
      <ul className="import-report__sources">
        {report.paths.map((source) => (
          <li key={`${source.path}-${source.collection}`} title={source.path}>
            <code>{sourceName(source.path, report.paths.map((other) => other.path))}</code> <span className="muted">· {source.format} · target “{source.target}” · {plural(source.observations, 'observation')}</span>
          </li>
        ))}
      </ul>
      <StatRow>
        <Stat label="new posts" value={counts.imported} testId="import-count-imported" tone={counts.imported > 0 ? 'good' : undefined} />
        <Stat label="updated (new snapshot or field)" value={counts.updated} testId="import-count-updated" />
        <Stat label="unchanged" value={counts.unchanged} testId="import-count-unchanged" />
        <Stat label="skipped on purpose" value={counts.skipped} testId="import-count-skipped" />
        <Stat label="failed (rows or files)" value={counts.failed} testId="import-count-failed" tone={counts.failed > 0 ? 'bad' : undefined} />
      </StatRow>
      <p className="muted">
        The project now holds {plural(report.totalPosts, 'post')}
        {report.deleted > 0 ? `; ${plural(report.deleted, 'post')} went missing from a later collection of the same target and are marked deleted` : ''}.
      </p>
      {skipped.length > 0 ? (
        <div className="import-report__block">
          <h3 className="import-report__heading">Skipped files</h3>
          <ul className="import-report__reasons">
            {skipped.map(([reason, count]) => (
              <li key={reason}>
                <strong>{count.toLocaleString('en-US')}</strong> {reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="import-report__block">
        <h3 className="import-report__heading">Problems</h3>
        <ProblemList byCode={report.problemsByCode} problems={report.problems} truncated={report.problemsTruncated} />
      </div>
      <div className="import-report__block" data-testid="import-followers-report">
        <h3 className="import-report__heading">Followers</h3>
        {followers.missing === 0 ? (
          <p className="muted">Every post has a follower count{followers.filled > 0 ? ` (${plural(followers.filled, 'post')} filled from profiles or the followers file)` : ''}.</p>
        ) : (
          <>
            <p>
              <strong>{plural(followers.missing, 'post')}</strong> still lack a follower count
              {followers.filled > 0 ? ` (${followers.filled.toLocaleString('en-US')} were filled)` : ''}. They cannot be labeled;
              import a followers CSV (owner_id or owner_name, followers) to fill them.
            </p>
            <ul className="import-report__examples">
              {followers.missingExamples.map((example) => (
                <li key={example.id}>
                  post <code>{example.id}</code> <span className="muted">by {example.ownerName ?? example.ownerId ?? 'unknown owner'}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      {downloadsTried > 0 ? (
        <p className="muted" data-testid="import-downloads">
          Image downloads: {downloads.downloaded.toLocaleString('en-US')} downloaded, {downloads.alreadyPresent.toLocaleString('en-US')} already present,{' '}
          {downloads.failed.toLocaleString('en-US')} failed.
        </p>
      ) : null}
    </section>
  );
}

/** The file's name, with its folder when another source has the same name (day0/posts.csv, day7/posts.csv). */
function sourceName(path: string, all: readonly string[]): string {
  const name = fileName(path);
  return all.filter((other) => fileName(other) === name).length < 2 ? name : shortPath(path);
}
