import { createStackedHistogram, showHistogram, type BinPoint, type HistogramChart, type HistogramDataset } from '../../../components/charts/stacked-histogram';
import type { BinClassCounts, HistogramBins } from '../model/histogram-bins';
import { classColours } from './chart-colours';

const classes = [
  { key: 'bad', label: 'bad', colour: classColours.bad },
  { key: 'none', label: 'none', colour: classColours.none },
  { key: 'good', label: 'good', colour: classColours.good },
] as const;

/**
 * The score histogram as stacked bars (bad, none, good per bin), so the bins inside a tail show in that tail's colour,
 * the bin a threshold cuts in both.
 */
export function createHistogramChart(canvas: HTMLCanvasElement, onLaidOut: (chart: HistogramChart) => void): HistogramChart {
  return createStackedHistogram(canvas, {
    xTitle: '',
    yTitle: 'posts',
    topPadding: 26,
    edgeDecimals: 3,
    // The bars' colours are named by the handles' knobs (and the legend would sit under them).
    legend: false,
    // After every update (data or a resize) the scales are final: place the threshold handles over them.
    plugins: [{ id: 'thresholdHandles', afterUpdate: (chart) => onLaidOut(chart as unknown as HistogramChart) }],
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
export function showBins(chart: HistogramChart, bins: HistogramBins, perBin: BinClassCounts, axisTitle: string): void {
  showHistogram(chart, histogramDatasets(bins, perBin), bins.min, bins.min + bins.count * bins.width, axisTitle);
}
