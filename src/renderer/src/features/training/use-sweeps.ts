import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobRecord } from '../../../../shared/jobs/job-types';
import type { SweepProgress, SweepRecord } from '../../../../shared/training/sweep';
import { useApi, useReconnectCount } from '../../api/api-context';
import { call } from '../../api/api-error';
import { useAction } from '../../app/error-context';
import { useShowsJobProgress } from '../jobs/job-visibility';

/** The project's sweeps and the newest `train.sweep` job, reloaded whenever that job finishes a width or stops. */
export function useSweeps() {
  const api = useApi();
  const act = useAction();
  const reconnects = useReconnectCount();
  useShowsJobProgress('train.sweep');
  const [sweeps, setSweeps] = useState<SweepRecord[] | null>(null);
  const [job, setJob] = useState<JobRecord | null>(null);
  // The last sweep job seen, to reload the sweeps only when a width finished or the job changed state.
  const seen = useRef<JobRecord | null>(null);

  const reload = useCallback(async () => {
    const result = await api.runs.sweeps();
    if (result.ok) setSweeps(result.value);
  }, [api]);

  useEffect(() => {
    void reload();
    void api.jobs.list().then((result) => {
      if (!result.ok) return;
      const newest = result.value.find((entry) => entry.kind === 'train.sweep') ?? null;
      seen.current = newest;
      setJob(newest);
    });
  }, [api, reload, reconnects]);

  useEffect(
    () =>
      api.on('job.updated', (updated) => {
        if (updated.kind !== 'train.sweep') return;
        const previous = seen.current;
        const doneOf = (job: JobRecord | null) => (job?.checkpoint as SweepProgress | undefined)?.done?.length ?? -1;
        if (previous?.id !== updated.id || doneOf(previous) !== doneOf(updated) || previous.state !== updated.state) void reload();
        seen.current = updated;
        setJob(updated);
      }),
    [api, reload],
  );

  const start = useCallback(
    async (params: Record<string, unknown>) => {
      const started = await act(async () => call(await api.jobs.start({ kind: 'train.sweep', params })));
      if (started) setJob(started);
    },
    [act, api],
  );
  const cancel = useCallback(async (id: string) => void (await act(async () => call(await api.jobs.cancel({ id })))), [act, api]);
  const resume = useCallback(async (id: string) => void (await act(async () => call(await api.jobs.resume({ id })))), [act, api]);

  return { sweeps, job, start, cancel, resume };
}
