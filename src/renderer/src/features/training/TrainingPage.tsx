import type { PageProps } from '../../app/page-props';
import { Checklist } from '../../components/Checklist';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { plural } from '../../components/plural';
import { BackendCapabilityNote } from './BackendCapabilityNote';
import { ContinuumGrid } from './ContinuumGrid';
import { EmbeddingMapPanel } from './EmbeddingMapPanel';
import { EvaluationPanel } from './EvaluationPanel';
import { RunsTable } from './RunsTable';
import { SlicesPanel } from './SlicesPanel';
import { SweepPanel } from './SweepPanel';
import { TrainForm } from './TrainForm';
import { TrainingCurves } from './TrainingCurves';
import { sanityCheckParams } from './sanity-check';
import { useTraining } from './use-training';

export function TrainingPage({ project, backend, navigate }: PageProps) {
  const training = useTraining();
  const { labelSets, runs, selected, selectedRun, curves, evaluation, job } = training;
  const noSets = labelSets !== null ? labelSets.length === 0 : project.counts.labelSets === 0;
  const failed = job && job.state === 'failed' && selected === null ? job.error?.message : null;
  const jobRun = runs?.find((run) => run.id === (job?.checkpoint as { runId?: string } | undefined)?.runId);
  const curvesTitle = training.showingLive
    ? training.running
      ? `Current run${jobRun ? ` · ${jobRun.name}` : ''}`
      : `Run ${jobRun?.name ?? ''} (${job?.state ?? ''})`
    : `Run ${selectedRun?.name ?? ''}`;
  const cancelButton =
    training.showingLive && training.running ? (
      <button type="button" className="button button--small" data-testid="train-cancel" onClick={() => void training.cancel()}>
        Cancel
      </button>
    ) : null;

  return (
    <Page id="train" wide title="Train" lead="Teach a network to tell good selfies from bad ones: a pretrained backbone with a small head on top.">
      <BackendCapabilityNote backend={backend} />
      {noSets ? (
        <EmptyState title="Training needs a label set" icon="◇">
          <p>This project has {plural(project.counts.labelSets, 'label set')}. Create one from your posts on the Labels page.</p>
          <Checklist
            items={[
              { done: project.counts.posts > 0, label: 'Posts imported', detail: plural(project.counts.posts, 'post') },
              { done: false, label: 'A label set', detail: plural(0, 'label set') },
            ]}
          />
          <button type="button" className="button button--primary" onClick={() => navigate('labels')}>
            Go to Labels
          </button>
        </EmptyState>
      ) : (
        <div className="train-layout">
          <div className="train-top">
            {labelSets ? (
              <TrainForm labelSets={labelSets} runs={runs} capabilities={training.capabilities} busy={training.running} onStart={(params) => void training.start(params)} />
            ) : (
              <p className="muted">Loading label sets…</p>
            )}
            {curves ? (
              <TrainingCurves curves={curves} title={curvesTitle} action={cancelButton} />
            ) : (
              <section className="card train-curves">
                <h2 className="card__title">Curves</h2>
                <p className="muted">Start a run, or select one in the table, to see its loss and accuracy per epoch.</p>
              </section>
            )}
          </div>
          {failed ? <p className="card train-error">Training failed: {failed}</p> : null}
          {runs ? <RunsTable runs={runs} selected={selected} liveRunId={training.liveRunId} onSelect={training.select} onRemove={(id) => void training.remove(id)} /> : null}
          {selected && evaluation && selectedRun ? (
            <EvaluationPanel
              key={selected}
              evaluation={evaluation}
              run={selectedRun}
              busy={training.running}
              onSanityCheck={() => void training.start({ ...sanityCheckParams(selectedRun) })}
            />
          ) : null}
          {selected && selectedRun?.status === 'completed' ? <SlicesPanel key={`slices-${selected}`} runId={selected} /> : null}
          {selected && selectedRun?.status === 'completed' ? <ContinuumGrid key={`continuum-${selected}`} runId={selected} /> : null}
          {selected && selectedRun?.status === 'completed' ? <EmbeddingMapPanel key={`map-${selected}`} runId={selected} /> : null}
          {labelSets ? <SweepPanel labelSets={labelSets} /> : null}
          {selected && !evaluation && selectedRun?.status === 'completed' ? <p className="muted">Loading the evaluation…</p> : null}
        </div>
      )}
    </Page>
  );
}
