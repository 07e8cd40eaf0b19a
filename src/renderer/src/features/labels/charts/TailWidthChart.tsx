import { memo, useEffect, useRef } from 'react';
import type { ChartDataset } from 'chart.js';
import { createLineChart, type XY, type XYLineChart } from '../../../components/charts/line-chart';
import { tailWidthPoint, tailWidths, type TailWidthPoint } from '../model/tail-width';
import { useIdleSteps } from '../model/use-idle-value';
import type { Labeling } from '../model/use-labeling';
import { formatCount } from '../panels/format';
import { classColours } from './chart-colours';


/**
 * Labeled-set size against tail width (each side, 5%…50%) for the current rule, and with a simulated truth the
 * labels' accuracy: the study's trade-off between more data and cleaner labels. The dot marks the current tails.
 */
export const TailWidthChart = memo(function TailWidthChart(props: { labeling: Labeling }) {
  const { labeling } = props;
  const { ranking, population } = labeling;
  const sweep = useIdleSteps(ranking.kind === 'tails' ? tailWidths.map((width) => () => tailWidthPoint(population, ranking.ranked, width)) : [], [ranking, population]);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<XYLineChart | null>(null);

  useEffect(() => {
    const chart = createLineChart(canvasRef.current!, {
      x: { type: 'linear', min: 0, max: 52, title: { display: true, text: 'tail width, each side (%)' } },
      size: { type: 'linear', position: 'left', beginAtZero: true, title: { display: true, text: 'labeled posts' } },
      accuracy: { type: 'linear', position: 'right', min: 40, max: 100, title: { display: true, text: 'accuracy (%)' }, grid: { drawOnChartArea: false } },
    });
    chartRef.current = chart;
    return () => {
      chart.destroy();
      chartRef.current = null;
    };
  }, []);

  const { good, bad } = labeling.counts;
  const { top, bottom } = labeling.tails;
  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    chart.data.datasets = sweep && sweep.length > 0 ? datasets(sweep, { x: ((top + bottom) / 2) * 100, y: good + bad }) : [];
    chart.options.scales!.accuracy!.display = Boolean(sweep?.some((point) => point.accuracy !== null));
    chart.update('none');
  }, [sweep, top, bottom, good, bad]);

  const note =
    ranking.kind !== 'tails'
      ? `Karpathy's rule has no tails: it labels every post of a full group (${formatCount(good + bad)} of ${formatCount(population.n)} here).`
      : population.hasTruth
        ? 'Wider tails: more data, noisier labels.'
        : 'Wider tails: more data, but labels nearer the middle of the ranking (no simulated truth here to score them).';
  return (
    <figure className="card labels-figure">
      <figcaption className="labels-figure__caption">
        <span className="card__title">Tail width</span>
        <span className="muted">{note}</span>
      </figcaption>
      <div className="labels-figure__plot labels-figure__plot--small">
        <canvas ref={canvasRef} data-testid="labels-tail-chart" data-points={sweep?.length ?? 0} role="img" aria-label="Labeled posts and accuracy against tail width" />
      </div>
    </figure>
  );
});

function datasets(sweep: TailWidthPoint[], current: XY): Array<ChartDataset<'line', XY[]>> {
  const result: Array<ChartDataset<'line', XY[]>> = [
    { label: 'labeled posts', data: sweep.map((p) => ({ x: p.width * 100, y: p.labeled })), yAxisID: 'size', borderColor: classColours.line, backgroundColor: classColours.line, pointRadius: 3 },
  ];
  if (sweep.some((p) => p.accuracy !== null)) {
    result.push({
      label: 'accuracy vs truth',
      data: sweep.map((p) => ({ x: p.width * 100, y: (p.accuracy ?? Number.NaN) * 100 })),
      yAxisID: 'accuracy',
      borderColor: classColours.good,
      backgroundColor: classColours.good,
      borderDash: [5, 4],
      pointRadius: 3,
    });
  }
  result.push({ label: 'current tails', data: [current], yAxisID: 'size', showLine: false, pointRadius: 6, pointStyle: 'rectRot', borderColor: classColours.bad, backgroundColor: classColours.bad });
  return result;
}
