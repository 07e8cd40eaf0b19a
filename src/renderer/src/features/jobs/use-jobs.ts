import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { isActive, type JobRecord, type JobState } from '../../../../shared/jobs/job-types';
import { useApi, useReconnectCount } from '../../api/api-context';
import { ApiError } from '../../api/api-error';
import { isShownByPage } from './job-visibility';

export interface JobsState {
  /** Newest first. */
  jobs: JobRecord[];
  activeCount: number;
  loading: boolean;
  error: ApiError | null;
  /** Puts a record the UI received from a call (start, cancel, resume) into the list. */
  merge(job: JobRecord): void;
  forget(id: string): void;
}

/**
 * The open project's jobs: `jobs.list` once per project (and after a reconnect), then live 'job.updated' events
 * merged by id. `onJobStarted` fires when a job becomes queued or running, so the tray can open itself, except for
 * kinds the page on screen shows the progress of (job-visibility.ts).
 */
export function useJobs(projectDir: string | null, onJobStarted: () => void): JobsState {
  const api = useApi();
  const reconnects = useReconnectCount();
  const [byId, setById] = useState<ReadonlyMap<string, JobRecord>>(new Map());
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const knownStates = useRef(new Map<string, JobState>());
  const onStartedRef = useRef(onJobStarted);
  useLayoutEffect(() => {
    onStartedRef.current = onJobStarted;
  });

  const merge = useCallback((job: JobRecord) => {
    const previous = knownStates.current.get(job.id);
    knownStates.current.set(job.id, job.state);
    if (isActive(job) && (previous === undefined || !isActive({ state: previous })) && !isShownByPage(job.kind)) onStartedRef.current();
    setById((current) => {
      const existing = current.get(job.id);
      // Events can overtake a call's answer; keep whichever record is newer.
      if (existing && existing.updatedAt > job.updatedAt) return current;
      return new Map(current).set(job.id, job);
    });
  }, []);

  const forget = useCallback((id: string) => {
    knownStates.current.delete(id);
    setById((current) => {
      const next = new Map(current);
      next.delete(id);
      return next;
    });
  }, []);

  useEffect(() => {
    knownStates.current.clear();
    setById(new Map());
    setError(null);
    if (projectDir === null) return;
    let live = true;
    setLoading(true);
    const unsubscribe = api.on('job.updated', (job) => {
      if (live) merge(job);
    });
    void api.jobs.list().then((result) => {
      if (!live) return;
      setLoading(false);
      if (!result.ok) {
        setError(new ApiError(result.error));
        return;
      }
      for (const job of result.value) knownStates.current.set(job.id, job.state);
      setById((current) => {
        const next = new Map(result.value.map((job) => [job.id, job] as const));
        for (const [id, job] of current) {
          const listed = next.get(id);
          if (!listed || listed.updatedAt < job.updatedAt) next.set(id, job);
        }
        return next;
      });
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api, projectDir, reconnects, merge]);

  const jobs = useMemo(
    () => [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    [byId],
  );
  const activeCount = useMemo(() => jobs.filter(isActive).length, [jobs]);
  return { jobs, activeCount, loading, error, merge, forget };
}
