import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { Chart } from 'chart.js';
import { fittedLine } from '../model/ranking';
import type { Point } from '../model/scatter-sample';
import type { Labeling } from '../model/use-labeling';
import { formatCount } from '../panels/format';
import { createLabelScatterChart, showScatter, type ScatterPoints } from './label-scatter-chart';

/**
 * Likes against followers on log axes, coloured good / bad / none, with the residual rule's fitted line. Above
 * 15,000 posts an evenly spaced sample is drawn. Redraws are coalesced to one per animation frame while dragging.
 * The legend counts the whole population's classes.
 */
export function LabelScatter(props: { labeling: Labeling }) {
  const { labeling } = props;
  const { sample, labels, counts, ranking, population } = labeling;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<Chart<'scatter', Point[]> | null>(null);
  const frame = useRef(0);
  const line = useMemo(() => fittedLine(ranking, population), [ranking, population]);
  // The points layer reads the latest labels when it draws (also after a resize).
  const points = useRef<ScatterPoints | null>(null);
  useLayoutEffect(() => {
    points.current = { sample, labels };
  });

  useEffect(() => {
    const chart = createLabelScatterChart(canvasRef.current!, () => points.current);
    chartRef.current = chart;
    return () => {
      cancelAnimationFrame(frame.current);
      chart.destroy();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const chart = chartRef.current;
      if (!chart) return;
      const started = performance.now();
      showScatter(chart, sample, counts, line);
      chart.canvas.dataset.lastDrawMs = (performance.now() - started).toFixed(2);
    });
  }, [labels, counts, line, sample]);

  const shown = sample.points.length;
  return (
    <figure className="card labels-figure">
      <figcaption className="labels-figure__caption">
        <span className="card__title">Likes vs followers</span>
        <span className="muted" data-testid="labels-scatter-note">
          {shown < sample.total ? `showing ${formatCount(shown)} of ${formatCount(sample.total)} posts (an even sample)` : `${formatCount(shown)} posts`}
          {line ? ' · line: the fit, hashtags at their mean' : ''}
        </span>
      </figcaption>
      <div className="labels-figure__plot labels-figure__plot--scatter">
        <canvas
          ref={canvasRef}
          data-testid="labels-scatter"
          data-points={shown}
          role="img"
          aria-label={`Scatter of log likes against log followers, ${shown} points coloured good, bad and none.`}
        />
      </div>
    </figure>
  );
}
