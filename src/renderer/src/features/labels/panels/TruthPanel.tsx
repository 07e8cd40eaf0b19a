import { memo, useMemo } from 'react';
import { scoreAgainstTruth, type TruthScore } from '../../../../../shared/labeling/agreement';
import { defaultLabels } from '../model/default-rules';
import { useIdleSteps } from '../model/use-idle-value';
import type { Labeling } from '../model/use-labeling';
import { strategies, strategyName, type Strategy } from '../model/strategies';
import { formatCount, formatPercent } from './format';

/**
 * Simulated projects know each post's latent quality q: a good label is right when q is above the population's
 * median, a bad one when below. The current rule is scored for its current parameters, the others at defaults.
 */
export const TruthPanel = memo(function TruthPanel(props: { labeling: Labeling; strategy: Strategy }) {
  const { labeling, strategy } = props;
  const { population, labels } = labeling;
  const current = useMemo(() => scoreAgainstTruth(labels, population.quality, population.medianQuality), [labels, population]);
  const others = useIdleSteps(
    strategies
      .filter((item) => item.id !== strategy)
      .map((item) => () => {
        const result = defaultLabels(population, item.id);
        return { strategy: item.id, ...('error' in result ? { error: result.error } : { note: result.note, score: scoreAgainstTruth(result.labels, population.quality, population.medianQuality) }) };
      }),
    [population, strategy],
  );
  return (
    <section className="card labels-truth" aria-labelledby="labels-truth-title">
      <h2 id="labels-truth-title" className="card__title">
        Against the simulated truth
      </h2>
      <p className="muted">Share of labeled posts whose label agrees with the planted quality (good = above the median q).</p>
      <table className="labels-table">
        <thead>
          <tr>
            <th scope="col">rule</th>
            <th scope="col">labeled</th>
            <th scope="col">accuracy</th>
            <th scope="col">mean q good / bad</th>
          </tr>
        </thead>
        <tbody>
          <TruthRow name={strategyName(strategy)} note="current parameters" score={current} testId="labels-truth-accuracy" current />
          {others
            ? others.map((row) =>
                'score' in row && row.score ? (
                  <TruthRow key={row.strategy} name={strategyName(row.strategy)} note={`defaults: ${row.note}`} score={row.score} />
                ) : (
                  <tr key={row.strategy}>
                    <th scope="row">{strategyName(row.strategy)}</th>
                    <td colSpan={3} className="muted">
                      cannot be computed: {'error' in row ? row.error : ''}
                    </td>
                  </tr>
                ),
              )
            : null}
        </tbody>
      </table>
      {others ? null : <p className="muted">Scoring the other rules…</p>}
    </section>
  );
});

function TruthRow(props: { name: string; note: string; score: TruthScore; testId?: string; current?: boolean }) {
  const { score } = props;
  const mean = (value: number | null) => (value === null ? '—' : value.toFixed(2));
  return (
    <tr className={props.current ? 'labels-table__current' : undefined}>
      <th scope="row">
        {props.name}
        <span className="labels-table__note">{props.note}</span>
      </th>
      <td>{formatCount(score.n)}</td>
      <td className="labels-table__strong" data-testid={props.testId}>
        {formatPercent(score.accuracy)}
      </td>
      <td>
        {mean(score.meanQualityGood)} / {mean(score.meanQualityBad)}
      </td>
    </tr>
  );
}
