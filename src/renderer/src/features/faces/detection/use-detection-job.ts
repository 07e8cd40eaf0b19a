import { useCallback, useEffect, useState } from 'react';
import type { FaceDetectorName } from '../../../../../shared/faces/face-types';
import { isActive, isResumable, type JobRecord } from '../../../../../shared/jobs/job-types';
import { useApi, useReconnectCount } from '../../../api/api-context';
import { call } from '../../../api/api-error';
import { useAction } from '../../../app/error-context';

export const detectionKind = 'faces.detect';

export interface DetectionJobState {
  /** The newest detection job of the project (running, or the last one that ran). */
  job: JobRecord | null;
  /** The newest cancelled, failed or interrupted run, when no newer run exists: Resume continues it. */
  resumable: JobRecord | null;
  /** Images per second of the last finished run, to estimate how long a run takes. */
  lastRate: number | null;
  busy: boolean;
  start(params: { detector: FaceDetectorName; landmarks: boolean; force: boolean }): Promise<void>;
  resume(): Promise<void>;
  cancel(): Promise<void>;
}

/** The project's face detection jobs: jobs.list once (and after a reconnect), then live 'job.updated' events. */
export function useDetectionJob(projectDir: string): DetectionJobState {
  const api = useApi();
  const run = useAction();
  const reconnects = useReconnectCount();
  const [jobs, setJobs] = useState<ReadonlyMap<string, JobRecord>>(new Map());

  const merge = useCallback((job: JobRecord) => {
    if (job.kind !== detectionKind) return;
    setJobs((current) => {
      const known = current.get(job.id);
      // Events can overtake a call's answer; keep whichever record is newer.
      if (known && known.updatedAt > job.updatedAt) return current;
      return new Map(current).set(job.id, job);
    });
  }, []);

  useEffect(() => {
    let live = true;
    setJobs(new Map());
    const unsubscribe = api.on('job.updated', (job) => {
      if (live) merge(job);
    });
    void api.jobs.list().then((result) => {
      if (live && result.ok) for (const job of result.value) merge(job);
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api, projectDir, reconnects, merge]);

  const newestFirst = [...jobs.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const job = newestFirst[0] ?? null;
  const resumable = job && isResumable(job) ? job : null;
  const lastRate = rateOf(newestFirst.find((candidate) => candidate.state === 'succeeded'));

  const start = useCallback(
    async (params: { detector: FaceDetectorName; landmarks: boolean; force: boolean }) => {
      await run(async () => merge(call(await api.jobs.start({ kind: detectionKind, params }))));
    },
    [api, run, merge],
  );
  const resume = useCallback(async () => {
    if (resumable) await run(async () => merge(call(await api.jobs.resume({ id: resumable.id }))));
  }, [api, run, merge, resumable]);
  const cancel = useCallback(async () => {
    if (job && isActive(job)) await run(async () => merge(call(await api.jobs.cancel({ id: job.id }))));
  }, [api, run, merge, job]);

  return { job, resumable, lastRate, busy: job !== null && isActive(job), start, resume, cancel };
}

/** The run's measured images/s (its report), or its final progress rate. */
function rateOf(job: JobRecord | undefined): number | null {
  if (!job) return null;
  const reported = (job.result as { imagesPerSecond?: unknown } | undefined)?.imagesPerSecond;
  if (typeof reported === 'number' && reported > 0) return reported;
  return job.progress.rate !== null && job.progress.rate > 0 ? job.progress.rate : null;
}
