import { humanReference } from '../../../../shared/rating/rating-types';
import { percent } from './compare-format';

/** The study's published figures, for reference beside this project's. */
export function StudyFigures() {
  const rows = [...humanReference.raters, humanReference.modelPeak, humanReference.modelFinal, humanReference.karpathy];
  return (
    <aside className="compare-reference" aria-label="The study's figures" data-testid="compare-reference">
      <h3>The study's figures</h3>
      <dl>
        {rows.map((row) => (
          <div key={row.label}>
            <dt>{row.label}</dt>
            <dd>{percent(row.accuracy)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">In the study nobody measured how the raters agreed with each other or with the model; the table on the left does.</p>
    </aside>
  );
}
