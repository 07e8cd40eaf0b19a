import { BarController, BarElement, Chart, LinearScale, Tooltip, type ChartDataset, type Plugin, type TooltipItem } from 'chart.js';

Chart.register(BarController, BarElement, LinearScale, Tooltip);

/** One bar: its bin's centre on a linear x axis, and its count. */
export type BinPoint = { x: number; y: number };
export type HistogramChart = Chart<'bar', BinPoint[]>;
export type HistogramDataset = ChartDataset<'bar', BinPoint[]>;

export interface StackedHistogramOptions {
  xTitle: string;
  yTitle: string;
  /** Space above the bars (px) for what a plugin draws there. */
  topPadding: number;
  /** The tooltip title's bin edges, e.g. 3 → "0.125 … 0.250". */
  edgeDecimals: number;
  /** How the tooltip's bin range is introduced ("score " → "score 0.10 … 0.15"). */
  edgePrefix?: string;
  legend?: boolean;
  plugins?: Plugin<'bar'>[];
}

/**
 * Counts per bin as stacked bars on a linear axis, so bins line up with values drawn over them (thresholds, lines).
 * The bin width comes from the canvas' `data-bin-width` (set by whoever fills it) for the tooltip's range.
 * Animation is off: a slider step redraws at once.
 */
export function createStackedHistogram(canvas: HTMLCanvasElement, options: StackedHistogramOptions): HistogramChart {
  return new Chart<'bar', BinPoint[]>(canvas, {
    type: 'bar',
    data: { datasets: [] },
    plugins: options.plugins ?? [],
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      layout: { padding: { top: options.topPadding } },
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { type: 'linear', stacked: true, offset: false, title: { display: true, text: options.xTitle }, grid: { display: false } },
        y: { type: 'linear', stacked: true, beginAtZero: true, title: { display: true, text: options.yTitle }, ticks: { precision: 0 } },
      },
      plugins: {
        ...(options.legend === false ? { legend: { display: false } } : {}),
        tooltip: {
          callbacks: {
            title: (items: TooltipItem<'bar'>[]) => {
              const x = (items[0]?.raw as BinPoint | undefined)?.x;
              const half = Number(canvas.dataset['binWidth'] ?? 0) / 2;
              const digits = options.edgeDecimals;
              return x === undefined ? '' : `${options.edgePrefix ?? ''}${(x - half).toFixed(digits)} … ${(x + half).toFixed(digits)}`;
            },
            label: (item: TooltipItem<'bar'>) => `${item.dataset.label}: ${(item.raw as BinPoint).y.toLocaleString('en-US')}`,
          },
        },
      },
    },
  });
}

/** Shows `datasets` over exactly [min, max] and redraws without animation. */
export function showHistogram(chart: HistogramChart, datasets: HistogramDataset[], min: number, max: number, xTitle?: string): void {
  const x = chart.options.scales!['x']!;
  x.min = min;
  x.max = max;
  if (xTitle !== undefined) (x as { title: { text: string } }).title.text = xTitle;
  chart.data.datasets = datasets;
  chart.update('none');
}
