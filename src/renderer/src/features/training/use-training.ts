import { useCallback, useEffect, useRef, useState } from 'react';
import { isActive, type JobRecord } from '../../../../shared/jobs/job-types';
import type { LabelSetSummary } from '../../../../shared/labeling/label-set';
import type { RunEvaluation, RunSummary, TrainCapabilities, TrainProgress } from '../../../../shared/training/training-types';
import { useApi, useReconnectCount } from '../../api/api-context';
import { ApiError, call } from '../../api/api-error';
import { useAction } from '../../app/error-context';
import { useShowsJobProgress } from '../jobs/job-visibility';
import type { Curves } from './curves-axis';

export type { Curves } from './curves-axis';

/** Job kinds that make or change runs: the runs table reloads when one changes state. */
const runJobKinds = new Set(['train', 'train.sweep']);

const checkpointOf = (job: JobRecord | null) => (job?.checkpoint ?? null) as TrainProgress | null;

/**
 * Label sets, capabilities, runs, the tracked train job and the selected run's curves and evaluation. The tracked job
 * is whichever `train` job is running, however it was started (this page, the CLI, before a reload): found with
 * jobs.list on load and followed through job.updated events.
 */
export function useTraining() {
  const api = useApi();
  const act = useAction();
  const reconnects = useReconnectCount();
  useShowsJobProgress('train');
  const [labelSets, setLabelSets] = useState<LabelSetSummary[] | null>(null);
  const [capabilities, setCapabilities] = useState<TrainCapabilities | null>(null);
  const [runs, setRuns] = useState<RunSummary[] | null>(null);
  const [job, setJob] = useState<JobRecord | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [stored, setStored] = useState<{ runId: string; curves: Curves } | null>(null);
  const [evaluation, setEvaluation] = useState<RunEvaluation | null>(null);
  // Last state seen per run-making job, so the runs reload on state changes and when a run record first appears.
  const seen = useRef(new Map<string, string>());

  const reloadRuns = useCallback(async () => {
    const result = await api.runs.list();
    if (result.ok) setRuns(result.value);
  }, [api]);

  useEffect(() => {
    void api.labels.list().then((r) => r.ok && setLabelSets(r.value));
    void api.train.capabilities({}).then((r) => r.ok && setCapabilities(r.value));
    void reloadRuns();
    void api.jobs.list().then((result) => {
      if (!result.ok) return;
      for (const entry of result.value) if (runJobKinds.has(entry.kind)) seen.current.set(entry.id, `${entry.state}:${checkpointOf(entry)?.runId ?? ''}`);
      const running = result.value.find((entry) => entry.kind === 'train' && isActive(entry));
      if (running) setJob(running);
    });
  }, [api, reloadRuns, reconnects]);

  useEffect(
    () =>
      api.on('job.updated', (updated) => {
        if (!runJobKinds.has(updated.kind)) return;
        const key = `${updated.state}:${updated.kind === 'train' ? (checkpointOf(updated)?.runId ?? '') : ''}`;
        if (seen.current.get(updated.id) !== key) {
          seen.current.set(updated.id, key);
          void reloadRuns();
        }
        if (updated.kind !== 'train') return;
        setJob((current) => {
          if (current?.id === updated.id) return current.updatedAt > updated.updatedAt ? current : updated;
          // Another train job: follow it when it is running and the tracked one is not.
          return isActive(updated) && (current === null || !isActive(current)) ? updated : current;
        });
      }),
    [api, reloadRuns],
  );

  const jobRunId = checkpointOf(job)?.runId ?? null;
  const jobState = job?.state ?? null;
  // A run that finishes while shown live becomes the selected run: its evaluation opens without a click.
  useEffect(() => {
    if (jobState === 'succeeded' && jobRunId !== null) setSelected((current) => (current === null ? jobRunId : current));
  }, [jobState, jobRunId]);

  const selectedRun = runs?.find((run) => run.id === selected) ?? null;
  const selectedStatus = selectedRun?.status ?? null;
  useEffect(() => {
    setEvaluation(null);
    if (selected === null) {
      setStored(null);
      return;
    }
    let live = true;
    void (async () => {
      const got = await api.runs.get({ id: selected });
      if (!live || !got.ok) return;
      const { record, metrics } = got.value;
      setStored({
        runId: selected,
        curves: {
          history: metrics,
          bestEpoch: record.bestEpoch,
          epochs: record.params.epochs,
          phase: record.status === 'completed' ? null : record.status,
          live: false,
          stoppedEarly: record.stoppedEarly,
          patience: record.params.patience,
          preparing: null,
        },
      });
      if (record.status !== 'completed') return;
      const evaluated = await api.runs.evaluation({ id: selected });
      if (live && evaluated.ok) setEvaluation(evaluated.value);
    })();
    return () => {
      live = false;
    };
  }, [api, selected, selectedStatus, runs]);

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

  const cancel = useCallback(async () => {
    if (!job) return;
    try {
      setJob(call(await api.jobs.cancel({ id: job.id })));
    } catch (thrown) {
      // It finished between the click and the call: the job.updated event already says how; nothing to report.
      if (ApiError.from(thrown).code !== 'JOB_STATE') await act(async () => Promise.reject(thrown));
    }
  }, [act, api, job]);

  const remove = useCallback(
    async (id: string) => {
      await act(async () => call(await api.runs.remove({ id })));
      if (selected === id) setSelected(null);
      await reloadRuns();
    },
    [act, api, reloadRuns, selected],
  );

  const progress = checkpointOf(job);
  const running = job !== null && isActive(job);
  // The live job's curves show while nothing else is selected, or when its own run's row is.
  const showLive = job !== null && (selected === null || selected === progress?.runId) && (running || selected === null || stored?.runId !== selected);
  const liveCurves: Curves | null =
    job && showLive
      ? {
          history: progress?.history ?? [],
          bestEpoch: progress?.bestEpoch ?? null,
          epochs: progress?.epochs ?? Number(job.params['epochs'] ?? 0),
          phase: running ? (progress?.phase ?? job.state) : job.state,
          live: running,
          stoppedEarly: false,
          patience: null,
          preparing: running && (progress?.history.length ?? 0) === 0 ? (job.progress.message ?? 'starting') : null,
        }
      : null;
  const storedCurves = stored && stored.runId === selected ? stored.curves : null;

  return {
    labelSets,
    capabilities,
    runs,
    job,
    running,
    liveRunId: running ? (progress?.runId ?? null) : null,
    selected,
    selectedRun,
    select: setSelected,
    curves: liveCurves ?? storedCurves,
    showingLive: liveCurves !== null,
    evaluation,
    start,
    cancel,
    remove,
  };
}
