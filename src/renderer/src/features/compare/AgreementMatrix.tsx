import type { Confusion2 } from '../../../../shared/rating/agreement-statistics';

/** A 2×2 table of two judges over the images both judged (rows: a, columns: b); the diagonal is where they agree. */
export function AgreementMatrix(props: { title: string; a: string; b: string; counts: Confusion2; testId?: string }) {
  const { counts } = props;
  const n = counts.bothGood + counts.bothBad + counts.aGoodBBad + counts.aBadBGood;
  return (
    <figure className="compare-matrix" data-testid={props.testId} data-n={n}>
      <figcaption>
        {props.title} <span className="muted">(n = {n})</span>
      </figcaption>
      <table>
        <thead>
          <tr>
            <th>
              {props.a} ↓ / {props.b} →
            </th>
            <th>good</th>
            <th>bad</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th>good</th>
            <td className="compare-matrix__same">{counts.bothGood}</td>
            <td>{counts.aGoodBBad}</td>
          </tr>
          <tr>
            <th>bad</th>
            <td>{counts.aBadBGood}</td>
            <td className="compare-matrix__same">{counts.bothBad}</td>
          </tr>
        </tbody>
      </table>
    </figure>
  );
}
