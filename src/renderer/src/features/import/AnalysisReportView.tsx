import { Stat, StatRow } from '../../components/Stat';
import { fileName } from '../dataset/format';

/** The image analysis job's result (src/main/core/images/image-analysis.job.ts), as it crosses the API. */
export interface ImageAnalysisResult {
  analysed: number;
  alreadyDone: number;
  failed: number;
  failures: Array<{ postId: string; file: string; reason: string }>;
  duplicates: { exact: number; near: number };
  imagesPerSecond: number | null;
}

export function isImageAnalysisResult(value: unknown): value is ImageAnalysisResult {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<ImageAnalysisResult>;
  return typeof candidate.analysed === 'number' && Array.isArray(candidate.failures) && typeof candidate.duplicates === 'object';
}

/** Images read, images that failed (file and reason), and duplicates found. */
export function AnalysisReportView({ result }: { result: ImageAnalysisResult }) {
  const listedFailures = result.failures.length;
  return (
    <section className="import-report" data-testid="analysis-report" aria-label="Image analysis report">
      <StatRow>
        <Stat label="images analysed" value={result.analysed} testId="analysis-count-analysed" tone={result.analysed > 0 ? 'good' : undefined} />
        <Stat label="already done" value={result.alreadyDone} testId="analysis-count-already-done" />
        <Stat label="unreadable" value={result.failed} testId="analysis-count-failed" tone={result.failed > 0 ? 'bad' : undefined} />
        <Stat label="exact duplicates" value={result.duplicates.exact} testId="analysis-duplicates-exact" tone={result.duplicates.exact > 0 ? 'warn' : undefined} />
        <Stat label="near duplicates" value={result.duplicates.near} testId="analysis-duplicates-near" tone={result.duplicates.near > 0 ? 'warn' : undefined} />
      </StatRow>
      <p className="muted">
        Duplicates are reposts of an earlier post&apos;s image: they are flagged (filter them in the explorer), never removed.
      </p>
      {listedFailures > 0 ? (
        <div className="import-report__block">
          <h3 className="import-report__heading">Unreadable images</h3>
          <ul className="problem-group__list" data-testid="analysis-failures">
            {result.failures.map((failure) => (
              <li key={`${failure.postId}-${failure.file}`} className="problem problem--error">
                <code className="problem__where" title={failure.file}>
                  {fileName(failure.file)}
                </code>
                <span className="problem__message">
                  {' '}
                  — {failure.reason} <span className="muted">(post {failure.postId})</span>
                </span>
              </li>
            ))}
          </ul>
          {result.failed > listedFailures ? <p className="muted">…and {(result.failed - listedFailures).toLocaleString('en-US')} more.</p> : null}
        </div>
      ) : null}
    </section>
  );
}
