import { Chart, Legend, LineElement, LinearScale, PointElement, ScatterController, Tooltip, type ChartDataset, type Plugin } from 'chart.js';
import type { LabelCounts } from '../../../../../shared/labeling/rules';
import type { Point, ScatterSample } from '../model/scatter-sample';
import { classColours } from './chart-colours';

Chart.register(ScatterController, PointElement, LineElement, LinearScale, Tooltip, Legend);

type ScatterDataset = ChartDataset<'scatter', Point[]>;

/** What the points layer draws: the sample's positions, coloured by the current labels. */
export interface ScatterPoints {
  sample: ScatterSample;
  labels: Int8Array;
}

/**
 * Up to 15,000 points recolour on every slider step, so they are drawn as small squares in one pass per class
 * (fillRect, no paths) under chart.js's axes, fit line and legend: far cheaper to draw and to raster than chart.js
 * point elements, which need a path and an anti-aliased arc each.
 */
function pointsLayer(source: () => ScatterPoints | null): Plugin<'scatter'> {
  return {
    id: 'labelPoints',
    beforeDatasetsDraw(chart) {
      const current = source();
      if (!current) return;
      const { positions, points } = current.sample;
      const { labels } = current;
      const x = chart.scales.x!;
      const y = chart.scales.y!;
      const size = points.length > 5_000 ? 3 : points.length > 500 ? 4 : 6;
      const half = size / 2;
      const { ctx, chartArea } = chart;
      ctx.save();
      ctx.beginPath();
      ctx.rect(chartArea.left, chartArea.top, chartArea.right - chartArea.left, chartArea.bottom - chartArea.top);
      ctx.clip();
      // none first, then bad, then good: the labeled posts stay visible on top of the crowd.
      for (const [label, colour] of [[0, classColours.none], [-1, classColours.bad], [1, classColours.good]] as const) {
        ctx.fillStyle = colour;
        for (let index = 0; index < positions.length; index++) {
          if (labels[positions[index]!] !== label) continue;
          const point = points[index]!;
          ctx.fillRect(x.getPixelForValue(point.x) - half, y.getPixelForValue(point.y) - half, size, size);
        }
      }
      ctx.restore();
    },
  };
}

/** The log-log scatter of the population, points coloured by label. Animation is off: steps redraw at once. */
export function createLabelScatterChart(canvas: HTMLCanvasElement, source: () => ScatterPoints | null): Chart<'scatter', Point[]> {
  return new Chart<'scatter', Point[]>(canvas, {
    type: 'scatter',
    data: { datasets: [] },
    plugins: [pointsLayer(source)],
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      events: [],
      scales: {
        // The ranges are set from the population (not the empty legend datasets); no odd ticks at those bounds.
        x: { type: 'linear', title: { display: true, text: 'log₁₀(1 + followers)' }, ticks: { includeBounds: false } },
        y: { type: 'linear', title: { display: true, text: 'log₁₀(1 + likes)' }, ticks: { includeBounds: false } },
      },
      plugins: {
        legend: { position: 'bottom', labels: { usePointStyle: true, boxWidth: 8 } },
        tooltip: { enabled: false },
      },
    },
  });
}

/** The axes' ranges, the legend (one empty dataset per class, with the population's counts) and the fitted line. */
export function showScatter(chart: Chart<'scatter', Point[]>, sample: ScatterSample, counts: LabelCounts, line: { from: Point; to: Point } | null): void {
  const scales = chart.options.scales!;
  [scales.x!.min, scales.x!.max] = sample.xRange;
  [scales.y!.min, scales.y!.max] = sample.yRange;
  const legendOnly = (label: string, count: number, colour: string): ScatterDataset => ({
    label: `${label} (${count.toLocaleString('en-US')})`,
    data: [],
    backgroundColor: colour,
    borderColor: colour,
    pointStyle: 'rect',
  });
  const datasets = [legendOnly('good', counts.good, classColours.good), legendOnly('bad', counts.bad, classColours.bad), legendOnly('none', counts.none, classColours.none)];
  if (line) {
    datasets.push({
      label: 'fit (hashtags at their mean)',
      data: [line.from, line.to],
      showLine: true,
      borderColor: classColours.line,
      backgroundColor: classColours.line,
      borderWidth: 2,
      pointRadius: 0,
      pointStyle: 'line',
    });
  }
  chart.data.datasets = datasets;
  chart.update('none');
}
