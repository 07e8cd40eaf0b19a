import { useEffect, useMemo, useRef } from 'react';
import { scoreHistogram, type FaceColumnsPayload } from '../../../../../shared/faces/face-columns';
import { createScoreChart, showScores, type ScoreChart } from './score-histogram-chart';

const bins = 40;

/**
 * Every stored detection's score (faces at least the min size only), with the min-score line: where the slider cuts
 * the detector's confidence. Scores below the stored floor were never kept, so the axis starts there.
 */
export function ScoreHistogram(props: { columns: FaceColumnsPayload; minScore: number; minSize: number }) {
  const { columns, minScore, minSize } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<ScoreChart | null>(null);
  const from = columns.storedMinScore;
  const histogram = useMemo(() => scoreHistogram(columns, { bins, from, minSize }), [columns, from, minSize]);
  const total = useMemo(() => histogram.reduce((sum, count) => sum + count, 0), [histogram]);

  useEffect(() => {
    if (!canvasRef.current) return;
    const chart = createScoreChart(canvasRef.current);
    chartRef.current = chart;
    return () => {
      chart.destroy();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    if (chartRef.current) showScores(chartRef.current, histogram, from, minScore);
  }, [histogram, from, minScore]);

  return (
    <figure className="card faces-histogram">
      <figcaption className="faces-histogram__caption">
        <span className="card__title">Detector scores</span>
        <span className="muted">
          {total.toLocaleString('en-US')} detections of faces at least {(minSize * 100).toFixed(1)}% of the shorter side; green ones count
        </span>
      </figcaption>
      <div className="faces-histogram__plot">
        <canvas
          ref={canvasRef}
          data-testid="faces-histogram"
          data-bin-width={(1 - from) / bins}
          data-detections={total}
          role="img"
          aria-label={`Histogram of ${total} detection scores from ${from} to 1, with the min score at ${minScore.toFixed(2)}`}
        />
      </div>
    </figure>
  );
}
