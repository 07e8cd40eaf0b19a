import { Chart, Legend, LineElement, LinearScale, PointElement, ScatterController, Tooltip, type ChartDataset, type TooltipItem } from 'chart.js';
import type { ColourGroups, Point } from '../model/scatter-sample';
import { classColours } from './chart-colours';

Chart.register(ScatterController, PointElement, LineElement, LinearScale, Tooltip, Legend);

type ScatterDataset = ChartDataset<'scatter', Point[]>;

/** The log-log scatter of the population, points coloured by label. Animation is off: steps redraw at once. */
export function createLabelScatterChart(canvas: HTMLCanvasElement): Chart<'scatter', Point[]> {
  return new Chart<'scatter', Point[]>(canvas, {
    type: 'scatter',
    data: { datasets: [] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      interaction: { mode: 'nearest', intersect: true },
      scales: {
        x: { type: 'linear', title: { display: true, text: 'log₁₀(1 + followers)' } },
        y: { type: 'linear', title: { display: true, text: 'log₁₀(1 + likes)' } },
      },
      plugins: {
        legend: { position: 'bottom', labels: { usePointStyle: true, boxWidth: 8 } },
        tooltip: {
          filter: (item, index) => index === 0 && item.dataset.label !== undefined && !item.dataset.label.startsWith('fit'),
          callbacks: {
            label: (item: TooltipItem<'scatter'>) => {
              const point = item.raw as Point;
              const followers = Math.round(10 ** point.x - 1).toLocaleString('en-US');
              const likes = Math.round(10 ** point.y - 1).toLocaleString('en-US');
              return `${followers} followers, ${likes} likes`;
            },
          },
        },
      },
    },
  });
}

export function scatterDatasets(colours: ColourGroups, line: { from: Point; to: Point } | null, shown: number): ScatterDataset[] {
  const radius = shown > 5_000 ? 1.6 : shown > 500 ? 2.4 : 3.2;
  const points = (label: string, data: Point[], colour: string, order: number): ScatterDataset => ({
    label: `${label} (${data.length.toLocaleString('en-US')})`,
    data,
    backgroundColor: colour,
    borderColor: colour,
    pointRadius: radius,
    pointHoverRadius: radius + 2,
    order,
  });
  const datasets = [
    points('good', colours.good, classColours.good, 1),
    points('bad', colours.bad, classColours.bad, 2),
    points('none', colours.none, classColours.none, 3),
  ];
  if (line) {
    datasets.push({
      label: 'fit (hashtags at their mean)',
      data: [line.from, line.to],
      showLine: true,
      borderColor: classColours.line,
      backgroundColor: classColours.line,
      borderWidth: 2,
      pointRadius: 0,
      pointHoverRadius: 0,
      order: 0,
    });
  }
  return datasets;
}
