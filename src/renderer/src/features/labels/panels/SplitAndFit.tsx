import { memo, useMemo } from 'react';
import { splitNames } from '../../../../../shared/labeling/split';
import { splitCounts } from '../model/split-counts';
import type { Labeling } from '../model/use-labeling';
import { formatCoefficient, formatCount } from './format';

/**
 * Per-split class counts (from the settled labels: the owner split runs on release, not on every step) and, for the
 * residual rule, the fitted model the residuals come from.
 */
export const SplitAndFit = memo(function SplitAndFit(props: { labeling: Labeling; val: number; test: number; seed: number; hashtags: boolean }) {
  const { labeling, val, test, seed } = props;
  const table = useMemo(() => splitCounts(labeling.population, labeling.labels, { val, test, seed }), [labeling, val, test, seed]);
  const fit = labeling.ranking.kind === 'tails' ? labeling.ranking.ranked.fit : undefined;
  return (
    <section className="card labels-split" aria-labelledby="labels-split-table-title">
      <h2 id="labels-split-table-title" className="card__title">
        Per split
      </h2>
      <table className="labels-table" data-testid="labels-split-table">
        <thead>
          <tr>
            <th scope="col">split</th>
            <th scope="col">good</th>
            <th scope="col">bad</th>
            <th scope="col">total</th>
          </tr>
        </thead>
        <tbody>
          {splitNames.map((name) => (
            <tr key={name} data-testid={`labels-split-${name}`}>
              <th scope="row">{name}</th>
              <td className="labels-table__good">{formatCount(table[name].good)}</td>
              <td className="labels-table__bad">{formatCount(table[name].bad)}</td>
              <td>{formatCount(table[name].good + table[name].bad)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {fit ? (
        <div className="labels-fit" data-testid="labels-fit">
          <h3 className="labels-subtitle">The fit</h3>
          <p>
            <code>
              log₁₀(1+likes) = {formatCoefficient(fit.intercept)} + {formatCoefficient(fit.coefficients[0]!)}·log₁₀(1+followers)
              {fit.coefficients.length > 1 ? ` + ${formatCoefficient(fit.coefficients[1]!)}·hashtags` : ''}
            </code>
          </p>
          <p className="muted">
            r² = {fit.r2.toFixed(3)} over {formatCount(fit.n)} posts{props.hashtags ? '' : ' (hashtags off)'}. A residual is how far a post&apos;s likes lie
            above (good) or below (bad) this line, in decades.
          </p>
        </div>
      ) : null}
    </section>
  );
});
