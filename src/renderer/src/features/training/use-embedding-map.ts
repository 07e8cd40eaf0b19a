import { useCallback, useEffect, useState } from 'react';
import type { JobRecord } from '../../../../shared/jobs/job-types';
import type { EmbeddingMap } from '../../../../shared/training/embedding-map';
import { useApi } from '../../api/api-context';
import { ApiError, call } from '../../api/api-error';
import { useAction } from '../../app/error-context';
import { useShowsJobProgress } from '../jobs/job-visibility';

/** A run's stored embedding map, and the `embeddings.map` job that computes it (its progress, then the map). */
export function useEmbeddingMap(runId: string) {
  const api = useApi();
  const act = useAction();
  useShowsJobProgress('embeddings.map');
  const [map, setMap] = useState<EmbeddingMap | null | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [job, setJob] = useState<JobRecord | null>(null);

  const load = useCallback(async () => {
    try {
      setMap(call(await api.runs.embeddingMap({ id: runId })));
    } catch (thrown) {
      setError(ApiError.from(thrown));
    }
  }, [api, runId]);

  useEffect(() => {
    void load();
  }, [load]);

  const jobId = job?.id ?? null;
  useEffect(() => {
    if (jobId === null) return;
    return api.on('job.updated', (updated) => {
      if (updated.id !== jobId) return;
      setJob(updated);
      if (updated.state === 'succeeded') void load();
    });
  }, [api, jobId, load]);

  const compute = useCallback(async () => {
    const started = await act(async () => call(await api.jobs.start({ kind: 'embeddings.map', params: { run: runId } })));
    if (started) setJob(started);
  }, [act, api, runId]);

  return { map, error, job, compute };
}
