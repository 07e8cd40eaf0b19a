import { useCallback, useEffect, useState } from 'react';
import type { JobRecord } from '../../../../shared/jobs/job-types';
import { useApi, useReconnectCount } from '../../api/api-context';
import { call } from '../../api/api-error';
import { useAction } from '../../app/error-context';
import type { ImportJobParams } from './import-form';
import { dismissedReport, latestImport, pendingAnalysis, rememberDismissed } from './import-jobs';

export interface ImportState {
  /** The import whose progress or report is shown (the latest one not dismissed). */
  importJob: JobRecord | null;
  /** The image analysis started after it. */
  analysisJob: JobRecord | null;
  /** An import or its analysis is queued or running. */
  busy: boolean;
  /** Whether the analysis will start by itself once the import succeeds (it was started from this window). */
  analysisPending: boolean;
  start(params: ImportJobParams): Promise<boolean>;
  /** Starts the image analysis by hand (for an import whose analysis never ran). */
  startAnalysis(): Promise<void>;
  dismiss(): void;
}

const trackedKinds = new Set(['import', 'images.analyze']);

/**
 * Runs imports and follows them through 'job.updated' events; when an import started here succeeds, starts the image
 * analysis it needs (hashes, thumbnails, duplicates). The last report stays until dismissed, even across reloads:
 * it is read back from the project's job list.
 */
export function useImport(projectDir: string): ImportState {
  const api = useApi();
  const run = useAction();
  const reconnects = useReconnectCount();
  const [ids, setIds] = useState<{ importId: string | null; analysisId: string | null }>({ importId: null, analysisId: null });
  const [jobs, setJobs] = useState<ReadonlyMap<string, JobRecord>>(new Map());

  const merge = useCallback((job: JobRecord) => {
    setJobs((current) => {
      const known = current.get(job.id);
      if (known && known.updatedAt > job.updatedAt) return current;
      return new Map(current).set(job.id, job);
    });
  }, []);

  useEffect(() => {
    let live = true;
    setIds({ importId: null, analysisId: null });
    setJobs(new Map());
    const unsubscribe = api.on('job.updated', (job) => {
      if (live && trackedKinds.has(job.kind)) merge(job);
    });
    void api.jobs.list().then((result) => {
      if (!live || !result.ok) return;
      for (const job of result.value) if (trackedKinds.has(job.kind)) merge(job);
      const found = latestImport(result.value, dismissedReport(projectDir));
      if (found.importJob) setIds((current) => (current.importId ? current : { importId: found.importJob!.id, analysisId: found.analysisJob?.id ?? null }));
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api, projectDir, reconnects, merge]);

  const importJob = ids.importId ? (jobs.get(ids.importId) ?? null) : null;
  const analysisJob = ids.analysisId ? (jobs.get(ids.analysisId) ?? null) : null;

  // An analysis started for this import elsewhere (the job tray's resume) is adopted rather than started twice.
  useEffect(() => {
    if (!importJob || ids.analysisId) return;
    const adopted = [...jobs.values()].find((job) => job.kind === 'images.analyze' && job.createdAt >= importJob.createdAt);
    if (adopted) setIds((current) => ({ ...current, analysisId: adopted.id }));
  }, [jobs, importJob, ids.analysisId]);

  const startAnalysis = useCallback(
    async (forImport: string | null) => {
      await run(async () => {
        const analysis = call(await api.jobs.start({ kind: 'images.analyze', params: {} }));
        merge(analysis);
        setIds((current) => (current.importId === forImport ? { ...current, analysisId: analysis.id } : current));
      });
    },
    [api, run, merge],
  );

  useEffect(() => {
    if (importJob?.state !== 'succeeded' || ids.analysisId || pendingAnalysis.get(importJob.id) !== 'waiting') return;
    // Marked before the call, so effects re-running meanwhile (new job events) never start it twice.
    pendingAnalysis.set(importJob.id, 'starting');
    void startAnalysis(importJob.id).finally(() => pendingAnalysis.delete(importJob.id));
  }, [startAnalysis, importJob, ids.analysisId]);

  const start = useCallback(
    async (params: ImportJobParams) => {
      const job = await run(async () => call(await api.jobs.start({ kind: 'import', params: { ...params } })));
      if (!job) return false;
      pendingAnalysis.set(job.id, 'waiting');
      merge(job);
      setIds({ importId: job.id, analysisId: null });
      return true;
    },
    [api, run, merge],
  );

  const dismiss = useCallback(() => {
    if (ids.importId) rememberDismissed(projectDir, ids.importId);
    setIds({ importId: null, analysisId: null });
  }, [ids.importId, projectDir]);

  const busy = [importJob, analysisJob].some((job) => job !== null && (job.state === 'queued' || job.state === 'running'));
  const analysisPending = importJob !== null && pendingAnalysis.has(importJob.id);
  return { importJob, analysisJob, busy, analysisPending, start, startAnalysis: () => startAnalysis(ids.importId), dismiss };
}
