import { BarController, BarElement, Chart, LinearScale, Tooltip, type ChartDataset, type TooltipItem } from 'chart.js';
import type { BinClassCounts, HistogramBins } from '../model/histogram-bins';
import { classColours } from './chart-colours';

Chart.register(BarController, BarElement, LinearScale, Tooltip);

type BinPoint = { x: number; y: number };
type HistogramDataset = ChartDataset<'bar', BinPoint[]>;

const classes = [
  { key: 'bad', label: 'bad', colour: classColours.bad },
  { key: 'none', label: 'none', colour: classColours.none },
  { key: 'good', label: 'good', colour: classColours.good },
] as const;

/**
 * The score histogram as stacked bars on a linear axis (bad, none, good per bin), so the bins inside a tail show
 * in that tail's colour, the bin a threshold cuts in both. Animation is off: a slider step redraws at once.
 */
export function createHistogramChart(canvas: HTMLCanvasElement, onLaidOut: (chart: Chart<'bar', BinPoint[]>) => void): Chart<'bar', BinPoint[]> {
  return new Chart<'bar', BinPoint[]>(canvas, {
    type: 'bar',
    data: { datasets: [] },
    // After every update (data or a resize) the scales are final: place the threshold handles over them.
    plugins: [{ id: 'thresholdHandles', afterUpdate: (chart) => onLaidOut(chart as unknown as Chart<'bar', BinPoint[]>) }],
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      layout: { padding: { top: 26 } },
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { type: 'linear', stacked: true, offset: false, title: { display: true, text: '' }, grid: { display: false } },
        y: { type: 'linear', stacked: true, beginAtZero: true, title: { display: true, text: 'posts' }, ticks: { precision: 0 } },
      },
      plugins: {
        // The bars' colours are named by the handles' knobs (and the legend would sit under them).
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items: TooltipItem<'bar'>[]) => {
              const x = (items[0]?.raw as BinPoint | undefined)?.x;
              const half = (canvas.dataset.binWidth ? Number(canvas.dataset.binWidth) : 0) / 2;
              return x === undefined ? '' : `${(x - half).toFixed(3)} … ${(x + half).toFixed(3)}`;
            },
            label: (item: TooltipItem<'bar'>) => `${item.dataset.label}: ${(item.raw as BinPoint).y.toLocaleString('en-US')}`,
          },
        },
      },
    },
  });
}

/** The three stacked datasets for the current labels. */
export function histogramDatasets(bins: HistogramBins, perBin: BinClassCounts): HistogramDataset[] {
  return classes.map(({ key, label, colour }) => {
    const counts = perBin[key];
    const data: BinPoint[] = new Array<BinPoint>(bins.count);
    for (let b = 0; b < bins.count; b++) data[b] = { x: bins.min + (b + 0.5) * bins.width, y: counts[b]! };
    return {
      label,
      data,
      backgroundColor: colour,
      borderWidth: 0,
      barPercentage: 1,
      categoryPercentage: 0.96,
      grouped: false,
    };
  });
}

/** Sets the axis to exactly the bins' range and redraws without animation. */
export function showBins(chart: Chart<'bar', BinPoint[]>, bins: HistogramBins, perBin: BinClassCounts, axisTitle: string): void {
  const x = chart.options.scales!.x!;
  x.min = bins.min;
  x.max = bins.min + bins.count * bins.width;
  (x as { title: { text: string } }).title.text = axisTitle;
  chart.data.datasets = histogramDatasets(bins, perBin);
  chart.update('none');
}
