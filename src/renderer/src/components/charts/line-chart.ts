import { Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip, type ChartOptions } from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip, Legend);

export type XY = { x: number; y: number };
export type XYLineChart = Chart<'line', XY[]>;

/**
 * A chart.js line chart of {x, y} points on linear axes, legend below, no animation (redraws follow the data at
 * once). `scales` are the chart's axes when they are fixed at creation; charts that change them set them later.
 */
export function createLineChart(canvas: HTMLCanvasElement, scales?: ChartOptions<'line'>['scales']): XYLineChart {
  return new Chart<'line', XY[]>(canvas, {
    type: 'line',
    data: { datasets: [] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      interaction: { mode: 'nearest', intersect: false },
      ...(scales ? { scales } : {}),
      plugins: { legend: { position: 'bottom', labels: { usePointStyle: true, boxWidth: 8 } } },
    },
  });
}
