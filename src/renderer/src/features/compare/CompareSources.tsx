import type { LabelSetSummary } from '../../../../shared/labeling/label-set';
import type { CompareTable } from '../../../../shared/rating/rating-types';
import type { RunSummary } from '../../../../shared/training/training-types';
import { percent } from './compare-format';

/** Which likes-derived labels and which model the ratings are compared with. */
export function CompareSources(props: {
  table: CompareTable;
  labelSets: LabelSetSummary[] | null;
  runs: RunSummary[] | null;
  onLabelSet(id: string): void;
  onRun(id: string): void;
}) {
  const { table } = props;
  const runs = props.runs ?? [];
  return (
    <div className="card compare-sources" aria-label="Compared with">
      <label className="compare-field">
        Instagram labels from
        <select data-testid="compare-labelset" value={table.labelSet?.id ?? ''} onChange={(event) => props.onLabelSet(event.target.value)}>
          {table.labelSet === null ? <option value="">No label set</option> : null}
          {(props.labelSets ?? []).map((set) => (
            <option key={set.id} value={set.id}>
              {set.name} (v{set.version})
            </option>
          ))}
        </select>
      </label>
      <label className="compare-field">
        Model
        <select data-testid="compare-run" value={table.run?.id ?? ''} disabled={runs.length === 0} onChange={(event) => props.onRun(event.target.value)}>
          {table.run === null ? <option value="">{runs.length === 0 ? 'No trained run yet' : 'No run chosen'}</option> : null}
          {runs.map((run) => (
            <option key={run.id} value={run.id}>
              {run.name} · val peak {run.valPeak === null ? '–' : percent(run.valPeak)}
            </option>
          ))}
        </select>
      </label>
      <p className="muted compare-sources__note">
        {table.run
          ? `The model column shows ${table.run.name}'s predictions (best-epoch weights).`
          : 'Without a trained run the model column stays empty; train one on the Train page.'}
      </p>
    </div>
  );
}
