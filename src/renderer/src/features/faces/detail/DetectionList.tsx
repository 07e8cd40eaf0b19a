import { countsAsFace, relativeFaceSize, type FaceRule } from '../../../../../shared/faces/face-rule';
import { faceDetectorTitles, type FaceImageRecord } from '../../../../../shared/faces/face-types';

/** Every stored detection of one image: score, size, which view found it, and whether it counts under the rule. */
export function DetectionList({ record, rule }: { record: FaceImageRecord; rule: Pick<FaceRule, 'minScore' | 'minSize'> }) {
  if (record.detections.length === 0) {
    return <p className="muted">No detection scored {'≥'} the stored minimum.</p>;
  }
  return (
    <div className="faces-detections">
      <table className="faces-detections__table" data-testid="faces-detections">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">score</th>
            <th scope="col">size</th>
            <th scope="col">box (px)</th>
            <th scope="col">found</th>
            <th scope="col">counts</th>
          </tr>
        </thead>
        <tbody>
          {record.detections.map((detection, index) => {
            const size = relativeFaceSize(detection.box, record.width, record.height);
            const counted = countsAsFace(detection.score, size, rule);
            const scoreFails = detection.score < rule.minScore - 1e-9;
            const reason = counted ? '✓' : scoreFails ? 'score too low' : 'too small';
            const { x, y, width, height } = detection.box;
            return (
              <tr key={index} className={counted ? 'faces-detections__row--counted' : 'faces-detections__row--below'}>
                <td>{index + 1}</td>
                <td>{detection.score.toFixed(3)}</td>
                <td>{(size * 100).toFixed(1)}%</td>
                <td>
                  {Math.round(width)}×{Math.round(height)} at {Math.round(x)},{Math.round(y)}
                </td>
                <td>{detection.padding === 1 ? 'as is' : `padded ${detection.padding}×`}</td>
                <td>{reason}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted faces-detections__note">
        {faceDetectorTitles[record.detector]} {record.detectorVersion}
        {record.backend ? ` on ${record.backend}` : ''}
        {record.landmarks ? ' · with 68-point landmarks' : ''} · {new Date(record.detectedAt).toLocaleString()}
      </p>
    </div>
  );
}
