import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { Chart } from 'chart.js';
import { plural } from '../../../components/plural';
import type { PostColumns } from '../data/post-columns';
import { rowFilter, type PostFilters } from '../data/post-filter';
import { createScatterChart, fitAxes, scatterDatasets } from './scatter-chart';
import { scatterPoints } from './scatter-points';

/**
 * Likes against followers on log axes, for the filtered posts that have both. This is the relation the labeler
 * regresses out: a post's label is how far it lies above or below the cloud. Clicking opens the nearest post.
 */
export function PostScatter(props: { columns: PostColumns; filters: PostFilters; onOpen(row: number): void }) {
  const { columns, filters } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<Chart<'scatter'> | null>(null);
  const points = useMemo(() => scatterPoints(columns, rowFilter(columns, filters)), [columns, filters]);
  // Only groups with points become datasets (an empty one would sit crossed out in the legend).
  const drawn = useMemo(() => points.groups.filter((group) => group.points.length > 0), [points]);
  const latest = useRef({ drawn, onOpen: props.onOpen });
  useLayoutEffect(() => {
    latest.current = { drawn, onOpen: props.onOpen };
  });

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const chart = createScatterChart(canvas, (datasetIndex, index) => {
      const row = latest.current.drawn[datasetIndex]?.rows[index];
      if (row !== undefined) latest.current.onOpen(row);
    });
    chartRef.current = chart;
    return () => {
      chart.destroy();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    chart.data.datasets = scatterDatasets(drawn, points.shown);
    fitAxes(chart, drawn);
    chart.update('none');
  }, [drawn, points.shown]);

  const { missing } = points;
  return (
    <figure className="scatter card">
      <figcaption className="scatter__caption">
        <span className="card__title">Likes vs followers</span>
        <span className="muted" data-testid="scatter-note">
          {points.shown < points.eligible
            ? `showing ${points.shown.toLocaleString('en-US')} of ${points.eligible.toLocaleString('en-US')} posts (an even sample)`
            : plural(points.shown, 'post')}
          {missing > 0 ? ` · ${missing.toLocaleString('en-US')} filtered posts lack followers or labeled likes` : ''}
        </span>
      </figcaption>
      <div className="scatter__plot">
        <canvas
          ref={canvasRef}
          data-testid="scatter"
          data-points={points.shown}
          role="img"
          aria-label={`Scatter of log likes against log followers, ${points.shown} points. Click a point to open its post.`}
        />
      </div>
    </figure>
  );
}
