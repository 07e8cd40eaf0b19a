import { useMemo, useState, type FormEvent } from 'react';
import type { JobRecord } from '../../../../shared/jobs/job-types';
import type { LabelSetSummary } from '../../../../shared/labeling/label-set';
import { defaultSweepWidths, parseWidths, percentLabel, type SweepRecord } from '../../../../shared/training/sweep';
import { colours, percent } from './colours';
import { LineChart } from './LineChart';
import { isSweepDerived } from './train-form-values';
import { useSweeps } from './use-sweeps';

/**
 * The study's proposed experiment: the same head trained on label sets with wider and wider residual tails. More
 * posts get labels, but they are less extreme; the chart shows which wins (labeled-set size vs validation accuracy).
 */
export function SweepPanel({ labelSets }: { labelSets: LabelSetSummary[] }) {
  const { sweeps, job, start, cancel, resume } = useSweeps();
  // Only residual and ratio sets have tails to widen (the job refuses a Karpathy-bins base); derived sets are not bases.
  const bases = labelSets.filter((set) => (set.params.strategy === 'residual' || set.params.strategy === 'ratio') && !isSweepDerived(set.name));
  const [base, setBase] = useState(bases[0]?.name ?? '');
  const [widthsText, setWidthsText] = useState(defaultSweepWidths.map((w) => w * 100).join(', '));
  const [epochs, setEpochs] = useState(30);
  const [chosen, setChosen] = useState<string | null>(null);

  let widths: number[] | null = null;
  let widthsError: string | null = null;
  try {
    widths = parseWidths(widthsText);
  } catch (error) {
    widthsError = (error as Error).message;
  }
  const running = job !== null && (job.state === 'queued' || job.state === 'running');
  const resumable = job !== null && canResume(job);
  const jobError = job && job.state === 'failed' ? (job.error?.message ?? sweeps?.find((sweep) => sweep.jobId === job.id)?.error ?? 'no reason given') : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (widths) void start({ labelSet: base, widths, epochs });
  };
  const shown = sweeps?.find((sweep) => sweep.id === chosen) ?? sweeps?.[0] ?? null;

  return (
    <section className="card train-sweep" aria-label="Tail-width sweep" data-testid="sweep-panel">
      <h2 className="card__title">Tail-width sweep</h2>
      <div className="train-sweep__body">
        <form className="train-form" onSubmit={submit} aria-label="Start a tail-width sweep">
          <label className="train-form__field">
            Base label set (its rule, splits and seed are kept)
            <select data-testid="sweep-labelset" value={base} onChange={(e) => setBase(e.target.value)}>
              {bases.map((set) => (
                <option key={set.id} value={set.name}>
                  {set.name} (v{set.version})
                </option>
              ))}
            </select>
          </label>
          <label className="train-form__field">
            Tail widths, % labeled good (and as many bad)
            <input data-testid="sweep-widths" value={widthsText} onChange={(e) => setWidthsText(e.target.value)} aria-invalid={widthsError !== null} />
          </label>
          {widthsError ? <p className="train-form__note train-error">{widthsError}</p> : null}
          <label className="train-form__field">
            Epochs per width
            <input data-testid="sweep-epochs" type="number" min={1} max={1000} value={epochs} onChange={(e) => setEpochs(Number(e.target.value))} />
          </label>
          <p className="muted train-form__note">Head mode on mobilenet_v2 with config D's defaults and seed 1, like a run started above. Widths already done for the same set and config are skipped.</p>
          <button type="submit" data-testid="sweep-start" className="button button--primary" disabled={running || !base || widths === null}>
            {running ? 'Sweeping…' : 'Sweep'}
          </button>
          {job ? (
            <p className="train-form__note" data-testid="sweep-job" data-state={job.state}>
              {job.state}: {job.progress.done} / {job.progress.total} epochs{job.progress.message ? ` · ${job.progress.message}` : ''}{' '}
              {running ? (
                <button type="button" className="button button--small" onClick={() => void cancel(job.id)}>
                  Cancel
                </button>
              ) : null}
              {resumable ? (
                <button type="button" className="button button--small" data-testid="sweep-resume" onClick={() => void resume(job.id)}>
                  Resume
                </button>
              ) : null}
            </p>
          ) : null}
          {jobError ? (
            <p className="train-form__note train-error" data-testid="sweep-error">
              The sweep failed: {jobError}
            </p>
          ) : null}
        </form>
        <div className="train-sweep__result">
          {sweeps && sweeps.length > 1 ? (
            <select aria-label="Sweep" value={shown?.id ?? ''} onChange={(e) => setChosen(e.target.value)}>
              {sweeps.map((sweep) => (
                <option key={sweep.id} value={sweep.id}>
                  {sweep.baseLabelSet.name} v{sweep.baseLabelSet.version} · {sweep.params.epochs} epochs · seed {sweep.params.seed} ({sweep.status})
                </option>
              ))}
            </select>
          ) : null}
          {shown?.error ? <p className="train-error">This sweep stopped with an error: {shown.error}</p> : null}
          {shown ? <SweepResult sweep={shown} /> : <p className="muted">No sweep yet.</p>}
        </div>
      </div>
    </section>
  );
}

/**
 * Resume continues from the last finished width: worth offering after a cancel or an interruption, or a failure
 * part-way. A job refused before any progress (a Karpathy base, a missing set, bad parameters) fails the same way again.
 */
function canResume(job: JobRecord): boolean {
  if (job.state === 'cancelled' || job.state === 'interrupted') return true;
  if (job.state !== 'failed') return false;
  const refused = job.error?.code === 'INVALID_INPUT' || job.error?.code === 'NOT_FOUND' || job.error?.code === 'PROJECT_LOCKED';
  return !refused && job.checkpoint !== undefined;
}

function SweepResult({ sweep }: { sweep: SweepRecord }) {
  const datasets = useMemo(() => {
    const series = (label: string, pick: (p: SweepRecord['points'][number]) => number | null, colour: string, dashed = false) => ({
      label,
      data: sweep.points.filter((p) => pick(p) !== null).map((p) => ({ x: p.labeled, y: pick(p)! })),
      borderColor: colour,
      backgroundColor: colour,
      borderDash: dashed ? [5, 4] : undefined,
      pointRadius: 4,
    });
    const sets = [series('val peak', (p) => p.valPeak, colours.val), series('val final', (p) => p.valFinal, colours.train, true)];
    if (sweep.points.some((p) => p.testAccuracy !== null)) sets.push(series('test (best epoch)', (p) => p.testAccuracy, colours.good));
    return sets;
  }, [sweep]);

  return (
    <>
      <LineChart
        datasets={datasets}
        x={{ title: 'labeled posts in the label set', min: 0 }}
        y={{ title: 'accuracy', min: 0.4, max: 1 }}
        label="Labeled-set size vs accuracy"
        canvas={{ 'data-testid': 'sweep-chart', 'data-points': sweep.points.length }}
      />
      <table className="train-table" data-testid="sweep-table">
        <thead>
          <tr>
            <th>tails</th>
            <th>labeled</th>
            <th>train / val</th>
            <th>val peak</th>
            <th>val final</th>
            <th>test</th>
            <th>best epoch</th>
          </tr>
        </thead>
        <tbody>
          {sweep.points.map((point) => (
            <tr key={point.width} data-testid="sweep-point" data-width={point.width}>
              <td>{percentLabel(point.width)}</td>
              <td>{point.labeled}</td>
              <td>
                {point.train} / {point.val}
              </td>
              <td>{percent(point.valPeak)}</td>
              <td>{percent(point.valFinal)}</td>
              <td>{percent(point.testAccuracy)}</td>
              <td>{point.bestEpoch ?? '–'}</td>
            </tr>
          ))}
          {sweep.params.widths
            .filter((width) => !sweep.points.some((point) => point.width === width))
            .map((width) => (
              <tr key={width} className="muted">
                <td>{percentLabel(width)}</td>
                <td colSpan={6}>{sweep.status === 'running' ? 'pending' : 'not done (resume the sweep)'}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </>
  );
}
