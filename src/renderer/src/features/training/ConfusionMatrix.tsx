import { useState } from 'react';
import type { ConfusionCell, ConfusionMatrix as Matrix } from '../../../../shared/training/training-types';
import { plural } from '../../components/plural';
import { useThumbnails } from '../labels/panels/use-thumbnails';

type Cls = 'good' | 'bad';

const maxShown = 60;

/** The 2×2 matrix (rows: actual, columns: predicted); clicking a cell shows its images. */
export function ConfusionMatrix({ confusion }: { confusion: Matrix }) {
  const [open, setOpen] = useState<{ actual: Cls; predicted: Cls } | null>(null);
  const cell = (actual: Cls, predicted: Cls): ConfusionCell =>
    actual === 'good' ? (predicted === 'good' ? confusion.truePositive : confusion.falseNegative) : predicted === 'good' ? confusion.falsePositive : confusion.trueNegative;
  const shown = open ? cell(open.actual, open.predicted) : null;

  return (
    <div className="train-confusion">
      <table data-testid="confusion-matrix" className="train-confusion__table">
        <thead>
          <tr>
            <th>actual ↓ / predicted →</th>
            <th>good</th>
            <th>bad</th>
          </tr>
        </thead>
        <tbody>
          {(['good', 'bad'] as const).map((actual) => (
            <tr key={actual}>
              <th>{actual}</th>
              {(['good', 'bad'] as const).map((predicted) => {
                const isOpen = open?.actual === actual && open.predicted === predicted;
                return (
                  <td key={predicted} className={actual === predicted ? 'train-confusion__cell train-confusion__cell--right' : 'train-confusion__cell'}>
                    <button
                      type="button"
                      data-testid="confusion-cell"
                      data-actual={actual}
                      data-predicted={predicted}
                      aria-pressed={isOpen}
                      onClick={() => setOpen(isOpen ? null : { actual, predicted })}
                    >
                      {cell(actual, predicted).count}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">Threshold p(good) ≥ {confusion.threshold}. Click a cell to see its posts.</p>
      {open && shown ? <CellImages title={`Actual ${open.actual}, predicted ${open.predicted}`} ids={shown.postIds} /> : null}
    </div>
  );
}

function CellImages({ title, ids }: { title: string; ids: string[] }) {
  const first = ids.slice(0, maxShown);
  const { thumbnails, error } = useThumbnails(first);
  return (
    <div data-testid="confusion-images" className="train-confusion__images" aria-label={title}>
      <h3>
        {title}: {plural(ids.length, 'post')}{ids.length > maxShown ? ` (first ${maxShown} shown)` : ''}
      </h3>
      {error ? <p className="muted">Thumbnails unavailable: {error.message}</p> : null}
      <div className="train-confusion__grid">
        {first.map((id) => {
          const url = thumbnails.get(id);
          return url ? <img key={id} src={url} alt={`post ${id}`} title={id} data-testid="confusion-thumbnail" /> : <span key={id} className="train-confusion__blank" title={id} />;
        })}
      </div>
    </div>
  );
}
