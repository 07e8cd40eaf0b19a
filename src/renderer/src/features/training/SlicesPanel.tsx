import { useEffect, useState } from 'react';
import type { RunSlices, SliceTable } from '../../../../shared/training/slices';
import { ChoiceButtons } from '../../components/ChoiceButtons';
import { plural } from '../../components/plural';
import { useApi } from '../../api/api-context';
import { ApiError, call } from '../../api/api-error';
import { percent } from './colours';

type SplitName = 'val' | 'test';

/**
 * Accuracy per slice on the run's validation (and test) posts: face size, brightness, greyscale, hashtag count. Each
 * bin shows n and a 95% interval, so a bin of five posts is not read as a finding.
 */
export function SlicesPanel({ runId }: { runId: string }) {
  const api = useApi();
  const [slices, setSlices] = useState<RunSlices | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [choice, setChoice] = useState<SplitName>('val');

  useEffect(() => {
    let live = true;
    setSlices(null);
    setError(null);
    void (async () => {
      try {
        const value = call(await api.runs.slices({ id: runId }));
        if (live) setSlices(value);
      } catch (thrown) {
        if (live) setError(ApiError.from(thrown));
      }
    })();
    return () => {
      live = false;
    };
  }, [api, runId]);

  const available = slices ? (['val', 'test'] as const).filter((name) => slices.splits[name] !== null) : [];
  const name = available.includes(choice) ? choice : available[0];
  const split = slices && name ? slices.splits[name] : null;

  return (
    <section className="card train-slices" aria-label="Accuracy per slice" data-testid="slices-panel">
      <header className="train-curves__head">
        <h2 className="card__title">Accuracy per slice</h2>
        <ChoiceButtons label="Split" choices={available.map((option) => ({ value: option, label: option }))} value={name} onChange={setChoice} />
      </header>
      {error ? <p className="muted">Slices unavailable: {error.message}</p> : null}
      {!slices && !error ? <p className="muted">Measuring the images…</p> : null}
      {slices && !split ? <p className="muted">The run has no labeled validation or test posts to slice.</p> : null}
      {slices && split ? (
        <>
          <p>
            {name} split: {plural(split.n, 'post')}, accuracy {percent(split.accuracy)} at p(good) ≥ {slices.threshold}.
            {slices.known.faceSize === 0 ? ' Face sizes are unknown: run face detection to fill that table.' : ''}
          </p>
          <div className="train-slices__grid">
            {split.tables.map((table) => (
              <SliceTableView key={table.dimension} table={table} overall={split.accuracy} />
            ))}
          </div>
        </>
      ) : null}
    </section>
  );
}

function SliceTableView({ table, overall }: { table: SliceTable; overall: number }) {
  return (
    <figure className="train-eval__figure">
      <figcaption>{table.title}</figcaption>
      <table className="train-table train-slices__table" data-testid="slice-table" data-dimension={table.dimension}>
        <thead>
          <tr>
            <th>bin</th>
            <th>n</th>
            <th>accuracy</th>
            <th title="95% Wilson interval">95% CI</th>
          </tr>
        </thead>
        <tbody>
          {table.bins.map((bin) => (
            <tr key={bin.label} data-testid="slice-bin" data-n={bin.n} className={bin.n === 0 ? 'muted' : undefined}>
              <td>{bin.label}</td>
              <td>{bin.n}</td>
              <td>
                {bin.accuracy === null ? (
                  '–'
                ) : (
                  <span className="train-slices__bar" title={`${bin.correct} of ${bin.n} right`}>
                    <span style={{ width: `${bin.accuracy * 100}%` }} className={bin.accuracy >= overall ? 'train-slices__fill' : 'train-slices__fill train-slices__fill--below'} />
                    <span className="train-slices__value">{percent(bin.accuracy, 0)}</span>
                  </span>
                )}
              </td>
              <td className="muted">{bin.interval ? `${percent(bin.interval[0], 0)}–${percent(bin.interval[1], 0)}` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="train-form__note muted">{table.note}</p>
    </figure>
  );
}
