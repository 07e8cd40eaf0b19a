import type { ImportReport } from '../../../../shared/posts/import-report';
import { AnalysisReportView, isImageAnalysisResult } from './AnalysisReportView';
import { ImportReportView } from './ImportReportView';
import { JobStep } from './JobStep';
import type { ImportState } from './use-import';

function isImportReport(value: unknown): value is ImportReport {
  return typeof value === 'object' && value !== null && 'counts' in value && 'problemsByCode' in value;
}

/** The latest import: its progress, then its report and the image analysis that follows; kept until dismissed. */
export function ImportStatus({ state }: { state: ImportState }) {
  const { importJob, analysisJob } = state;
  if (!importJob) return null;
  const report = isImportReport(importJob.result) ? importJob.result : null;
  const analysis = analysisJob && isImageAnalysisResult(analysisJob.result) ? analysisJob.result : null;
  return (
    <section className="card import-status" aria-labelledby="import-status-title" data-testid="import-status">
      <header className="import-status__header">
        <h2 id="import-status-title" className="card__title">
          {state.busy ? 'Importing…' : 'Last import'}
        </h2>
        {!state.busy ? (
          <button type="button" className="button button--small button--quiet" data-testid="import-report-dismiss" onClick={state.dismiss}>
            Dismiss
          </button>
        ) : null}
      </header>
      <JobStep title="Read folders and manifests" job={importJob} testId="import-job">
        {report ? <ImportReportView report={report} /> : null}
      </JobStep>
      {analysisJob ? (
        <JobStep title="Analyse images: hashes, thumbnails, duplicates" job={analysisJob} testId="analysis-job">
          {analysis ? <AnalysisReportView result={analysis} /> : null}
        </JobStep>
      ) : importJob.state !== 'succeeded' ? null : state.analysisPending ? (
        <p className="muted">Image analysis starts next: it reads every image once, makes thumbnails and finds duplicates.</p>
      ) : (
        <p className="import-status__next">
          <span className="muted">The images of this import were not analysed yet (thumbnails, duplicates).</span>
          <button type="button" className="button button--small" data-testid="analysis-start" onClick={() => void state.startAnalysis()}>
            Analyse images
          </button>
        </p>
      )}
    </section>
  );
}
