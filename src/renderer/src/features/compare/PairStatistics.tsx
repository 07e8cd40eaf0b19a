import type { AgreementReport } from '../../../../shared/rating/agreement-statistics';
import { ciText, kappaHeadline, percent } from './compare-format';

/** Every pair of raters with images in common (the caller leaves out n = 0): raw agreement and Cohen's kappa with its 95% interval, over the images both rated. */
export function PairStatistics(props: { pairs: AgreementReport['pairs']; hidden: number; names: ReadonlyMap<string, string> }) {
  if (props.pairs.length === 0)
    return (
      <p className="muted">
        {props.hidden > 0
          ? 'No two raters rated the same images here: agreement and Cohen\'s kappa need raters of the same session.'
          : "Rater against rater needs a second rater: agreement and Cohen's kappa appear once two people have rated."}
      </p>
    );
  const name = (id: string) => props.names.get(id) ?? id;
  return (
    <table className="compare-stats-table" data-testid="pair-statistics">
      <thead>
        <tr>
          <th>Raters</th>
          <th>Raw agreement</th>
          <th>Cohen's kappa</th>
          <th>n</th>
        </tr>
      </thead>
      <tbody>
        {props.pairs.map(({ a, b, kappa }) => {
          const ci = ciText(kappa.ci, (value) => value.toFixed(3));
          return (
            <tr key={`${a}/${b}`} data-testid="pair-statistics-row">
              <th>
                {name(a)} vs {name(b)}
              </th>
              <td>{kappa.agreement === null ? <span className="compare-stat__reason">{kappa.reason ?? 'not defined'}</span> : percent(kappa.agreement)}</td>
              <td>
                <span className="compare-stat">
                  <span className={kappa.kappa === null ? 'compare-stat__reason' : 'compare-stat__value'}>{kappaHeadline(kappa)}</span>
                  {ci ? <span className="compare-stat__ci">{ci}</span> : null}
                  {kappa.kappa !== null && kappa.reason ? <span className="compare-stat__ci">{kappa.reason}</span> : null}
                </span>
              </td>
              <td>{kappa.n}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
