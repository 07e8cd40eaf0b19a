import { useCallback, useEffect, useState } from 'react';
import type { JobRecord } from '../../../../shared/jobs/job-types';
import type { LabelSetSummary } from '../../../../shared/labeling/label-set';
import type { EpochMetrics, RunEvaluation, RunSummary, TrainCapabilities, TrainProgress } from '../../../../shared/training/training-types';
import { useApi, useReconnectCount } from '../../api/api-context';
import { call } from '../../api/api-error';
import { useAction } from '../../app/error-context';

/** What the curves draw: the live job's checkpoint while it trains, else the selected run's stored metrics. */
export interface Curves {
  history: EpochMetrics[];
  bestEpoch: number | null;
  epochs: number;
  phase: string | null;
}

/** Label sets, capabilities, runs, the live train job and the selected run's curves and evaluation. */
export function useTraining() {
  const api = useApi();
  const act = useAction();
  const reconnects = useReconnectCount();
  const [labelSets, setLabelSets] = useState<LabelSetSummary[] | null>(null);
  const [capabilities, setCapabilities] = useState<TrainCapabilities | null>(null);
  const [runs, setRuns] = useState<RunSummary[] | null>(null);
  const [job, setJob] = useState<JobRecord | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [stored, setStored] = useState<Curves | null>(null);
  const [evaluation, setEvaluation] = useState<RunEvaluation | null>(null);

  const reloadRuns = useCallback(async () => {
    const result = await api.runs.list();
    if (result.ok) setRuns(result.value);
  }, [api]);

  useEffect(() => {
    void api.labels.list().then((r) => r.ok && setLabelSets(r.value));
    void api.train.capabilities({}).then((r) => r.ok && setCapabilities(r.value));
    void reloadRuns();
  }, [api, reloadRuns, reconnects]);

  const jobId = job?.id ?? null;
  useEffect(() => {
    if (jobId === null) return;
    return api.on('job.updated', (updated) => {
      if (updated.id !== jobId) return;
      setJob(updated);
      if (updated.state === 'succeeded' || updated.state === 'failed' || updated.state === 'cancelled') void reloadRuns();
    });
  }, [api, jobId, reloadRuns]);

  useEffect(() => {
    setStored(null);
    setEvaluation(null);
    if (selected === null) return;
    let live = true;
    void (async () => {
      const got = await api.runs.get({ id: selected });
      if (live && got.ok) setStored({ history: got.value.metrics, bestEpoch: got.value.record.bestEpoch, epochs: got.value.record.params.epochs, phase: null });
      const evaluated = await api.runs.evaluation({ id: selected });
      if (live && evaluated.ok) setEvaluation(evaluated.value);
    })();
    return () => {
      live = false;
    };
  }, [api, selected, runs]);

  const start = useCallback(
    async (params: Record<string, unknown>) => {
      const started = await act(async () => call(await api.jobs.start({ kind: 'train', params })));
      if (started) {
        setSelected(null);
        setJob(started);
      }
    },
    [act, api],
  );

  const remove = useCallback(
    async (id: string) => {
      await act(async () => call(await api.runs.remove({ id })));
      if (selected === id) setSelected(null);
      await reloadRuns();
    },
    [act, api, reloadRuns, selected],
  );

  const progress = (job?.checkpoint ?? null) as TrainProgress | null;
  const liveCurves: Curves | null =
    job && selected === null ? { history: progress?.history ?? [], bestEpoch: progress?.bestEpoch ?? null, epochs: progress?.epochs ?? Number(job.params.epochs ?? 0), phase: progress?.phase ?? job.state } : null;
  const running = job !== null && (job.state === 'queued' || job.state === 'running');

  return { labelSets, capabilities, runs, job, running, selected, select: setSelected, curves: liveCurves ?? stored, evaluation, start, remove };
}
