import type { RunSummary } from '../../../../shared/training/training-types';
import { studyReference } from '../../../../shared/training/training-types';
import { percent } from './colours';

/** Every run with its headline figures, and the study's published figures beside them. */
export function RunsTable(props: { runs: RunSummary[]; selected: string | null; liveRunId: string | null; onSelect(id: string): void; onRemove(id: string): void }) {
  return (
    <section className="card train-runs" aria-label="Runs">
      <h2 className="card__title">Runs</h2>
      <div className="train-runs__body">
        {props.runs.length === 0 ? (
          <p className="muted">No runs yet: start one above.</p>
        ) : (
          <div className="train-runs__scroll">
          <table className="train-table train-table--runs" data-testid="runs-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Label set</th>
                <th>Backbone</th>
                <th>Mode</th>
                <th>Status</th>
                <th title="epochs done / requested">Epochs</th>
                <th>Val peak</th>
                <th>Val final</th>
                <th>Test</th>
                <th>AUC</th>
                <th>LR</th>
                <th>Batch</th>
                <th>Seed</th>
                <th>Backend</th>
                <th>Date</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {props.runs.map((run) => (
                <tr
                  key={run.id}
                  data-testid="run-row"
                  data-run-id={run.id}
                  className={run.id === props.selected ? 'train-table__row train-table__row--selected' : 'train-table__row'}
                  onClick={() => props.onSelect(run.id)}
                  aria-selected={run.id === props.selected}
                >
                  <td>
                    {run.name}
                    {run.params.shuffleLabels ? (
                      <span className="pill pill--small" data-testid="run-shuffled" title="Trained on shuffled labels (sanity check)">
                        shuffled labels
                      </span>
                    ) : null}
                  </td>
                  <td>
                    {run.labelSet.name} v{run.labelSet.version}
                  </td>
                  <td>{run.backbone}</td>
                  <td>{run.mode}</td>
                  <td data-testid="run-status">{run.id === props.liveRunId ? 'running (live)' : run.status}</td>
                  <td data-testid="run-epochs" title={run.stoppedEarly ? `stopped early (patience ${run.params.patience})` : undefined}>
                    {run.epochsDone} / {run.params.epochs}
                    {run.stoppedEarly ? ' (early stop)' : ''}
                  </td>
                  <td>{percent(run.valPeak)}</td>
                  <td>{percent(run.valFinal)}</td>
                  <td>{percent(run.testAccuracy)}</td>
                  <td>{run.auc === null ? '–' : run.auc.toFixed(3)}</td>
                  <td>{run.params.lr}</td>
                  <td>{run.params.batch}</td>
                  <td>{run.seed}</td>
                  <td>{run.backend.name}</td>
                  <td>{new Date(run.createdAt).toLocaleString()}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--small button--quiet"
                      disabled={run.status === 'running'}
                      onClick={(event) => {
                        event.stopPropagation();
                        if (window.confirm(`Delete run ${run.id} ("${run.name}", created ${new Date(run.createdAt).toLocaleString()})? Its model, predictions and evaluation go too.`)) props.onRemove(run.id);
                      }}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        )}
        <aside className="train-reference" aria-label="Published figures">
          <h3>The study's figures</h3>
          <dl>
            <dt>{studyReference.configA.label}</dt>
            <dd>
              peak {percent(studyReference.configA.valPeak)}, final {percent(studyReference.configA.valFinal)}
            </dd>
            <dt>{studyReference.configD.label}</dt>
            <dd>
              peak {percent(studyReference.configD.valPeak)}, final {percent(studyReference.configD.valFinal)}
            </dd>
            <dt>{studyReference.karpathy.label}</dt>
            <dd>{percent(studyReference.karpathy.accuracy, 0)}</dd>
          </dl>
        </aside>
      </div>
    </section>
  );
}
