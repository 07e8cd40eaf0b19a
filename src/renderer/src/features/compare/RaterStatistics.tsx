import type { AgreementReport } from '../../../../shared/rating/agreement-statistics';
import { mcnemarHeadline, pValue } from './compare-format';
import { ProportionValue } from './ProportionValue';

/** Each rater against the Instagram label and the model, and the model against the label, with n everywhere. */
export function RaterStatistics(props: { report: AgreementReport; names: ReadonlyMap<string, string>; hasModel: boolean }) {
  const { report } = props;
  const noModel = props.hasModel ? 'no predictions' : 'no trained run';
  return (
    <table className="compare-stats-table" data-testid="rater-statistics">
      <thead>
        <tr>
          <th>Judge</th>
          <th>Rated</th>
          <th>Accuracy vs Instagram label</th>
          <th>Agreement with the model</th>
          <th>Model vs label, same images</th>
          <th>McNemar: rater vs model</th>
        </tr>
      </thead>
      <tbody>
        {report.raters.map((rater) => (
          <tr key={rater.rater} data-testid="rater-statistics-row" data-rater={rater.rater}>
            <th>{props.names.get(rater.rater) ?? rater.rater}</th>
            <td>{rater.rated}</td>
            <td>
              <ProportionValue stat={rater.vsLabel} testId="rater-accuracy" />
            </td>
            <td>
              <ProportionValue stat={rater.vsModel} absent={noModel} />
            </td>
            <td>
              <ProportionValue stat={rater.modelVsLabelOnSameImages} absent={noModel} />
            </td>
            <td>
              {rater.mcnemarVsModel ? (
                <span className="compare-stat">
                  <span className={rater.mcnemarVsModel.exactP === null ? 'compare-stat__reason' : 'compare-stat__value'}>{mcnemarHeadline(rater.mcnemarVsModel)}</span>
                  <span className="compare-stat__ci">
                    rater only right {rater.mcnemarVsModel.aOnlyCorrect}, model only right {rater.mcnemarVsModel.bOnlyCorrect}
                    {rater.mcnemarVsModel.chiSquareP !== null && rater.mcnemarVsModel.chiSquare !== null
                      ? `; χ² = ${rater.mcnemarVsModel.chiSquare.toFixed(2)}, ${pValue(rater.mcnemarVsModel.chiSquareP)}`
                      : ''}
                  </span>
                  <span className="compare-stat__n">n = {rater.mcnemarVsModel.n}</span>
                </span>
              ) : (
                <span className="muted">{noModel}</span>
              )}
            </td>
          </tr>
        ))}
        <tr data-testid="model-statistics-row" className="compare-stats-table__model">
          <th>Model</th>
          <td>{report.model ? report.model.vsLabel.n : '–'}</td>
          <td>
            <ProportionValue stat={report.model?.vsLabel ?? null} absent={noModel} testId="model-accuracy" />
          </td>
          <td colSpan={3} className="muted" data-testid="model-statistics-note">
            {report.model ? 'over every rated image in scope that the model predicted' : 'no trained run on this label set: train one on the Train page to fill this row'}
          </td>
        </tr>
      </tbody>
    </table>
  );
}
