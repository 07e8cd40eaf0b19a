import type { Chart, Plugin } from 'chart.js';
import { createStackedHistogram, showHistogram, type BinPoint, type HistogramChart, type HistogramDataset } from '../../../components/charts/stacked-histogram';

export type ScoreChart = HistogramChart;

const countedColour = 'rgb(43 138 62 / 80%)';
const belowColour = 'rgb(134 142 150 / 55%)';
const lineColour = '#c92a2a';

/** Where each chart draws its min-score line (a score, 0..1). */
const lineAt = new WeakMap<Chart, number>();

/** The min-score line: a vertical rule over the bars with its value on top. */
const minScoreLine: Plugin<'bar'> = {
  id: 'minScoreLine',
  afterDatasetsDraw(chart) {
    const value = lineAt.get(chart);
    if (value === undefined) return;
    const x = chart.scales['x']!.getPixelForValue(value);
    const { top, bottom } = chart.chartArea;
    const context = chart.ctx;
    context.save();
    context.strokeStyle = lineColour;
    context.lineWidth = 2;
    context.setLineDash([5, 4]);
    context.beginPath();
    context.moveTo(x, top - 4);
    context.lineTo(x, bottom);
    context.stroke();
    context.setLineDash([]);
    context.fillStyle = lineColour;
    context.font = '600 12px system-ui, sans-serif';
    context.textAlign = x > (chart.chartArea.left + chart.chartArea.right) / 2 ? 'right' : 'left';
    context.fillText(`min score ${value.toFixed(2)}`, x + (context.textAlign === 'right' ? -6 : 6), top + 8);
    context.restore();
  },
};

/** Detections per score bin. */
export function createScoreChart(canvas: HTMLCanvasElement): ScoreChart {
  return createStackedHistogram(canvas, { xTitle: 'detector score', yTitle: 'detections', topPadding: 10, edgeDecimals: 2, edgePrefix: 'score ', plugins: [minScoreLine] });
}

/**
 * Shows the bins over [from, 1]: bins at or above the min score in the "counted" colour, the others grey, and the
 * min-score line.
 */
export function showScores(chart: ScoreChart, bins: readonly number[], from: number, minScore: number): void {
  const width = (1 - from) / bins.length;
  const counted: BinPoint[] = [];
  const below: BinPoint[] = [];
  bins.forEach((count, index) => {
    const x = from + (index + 0.5) * width;
    (x >= minScore ? counted : below).push({ x, y: count });
  });
  const style = { borderWidth: 0, barPercentage: 1, categoryPercentage: 0.92, grouped: false } as const;
  const datasets: HistogramDataset[] = [
    { label: 'below the min score', data: below, backgroundColor: belowColour, ...style },
    { label: 'at or above the min score', data: counted, backgroundColor: countedColour, ...style },
  ];
  lineAt.set(chart, minScore);
  showHistogram(chart, datasets, from, 1);
}
