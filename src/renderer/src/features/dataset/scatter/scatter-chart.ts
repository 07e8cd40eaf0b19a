import { Chart, Legend, LinearScale, PointElement, ScatterController, Tooltip, type ChartDataset, type TooltipItem } from 'chart.js';
import type { PointGroup, PointKind } from './scatter-points';

Chart.register(ScatterController, PointElement, LinearScale, Tooltip, Legend);

const styles: Record<PointKind, { label: string; color: string }> = {
  post: { label: 'posts', color: 'rgb(59 91 219 / 45%)' },
  duplicate: { label: 'duplicates', color: 'rgb(232 89 12 / 75%)' },
  deleted: { label: 'deleted', color: 'rgb(134 142 150 / 55%)' },
};

type ScatterDataset = ChartDataset<'scatter', Array<{ x: number; y: number }>>;

/** The followers/likes scatter. Animation is off: redraws follow filter changes at once. */
export function createScatterChart(canvas: HTMLCanvasElement, onPick: (datasetIndex: number, index: number) => void): Chart<'scatter'> {
  return new Chart<'scatter', Array<{ x: number; y: number }>>(canvas, {
    type: 'scatter',
    data: { datasets: [] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      interaction: { mode: 'nearest', intersect: false },
      scales: {
        x: { type: 'linear', title: { display: true, text: 'log₁₀(1 + followers)' } },
        y: { type: 'linear', title: { display: true, text: 'log₁₀(1 + likes)' } },
      },
      plugins: {
        legend: { position: 'bottom', labels: { usePointStyle: true, boxWidth: 8 } },
        tooltip: {
          // Posts with equal numbers sit on one spot; name it once.
          filter: (_item, index) => index === 0,
          callbacks: {
            label: (item: TooltipItem<'scatter'>) => {
              const point = item.raw as { x: number; y: number };
              const followers = Math.round(10 ** point.x - 1).toLocaleString('en-US');
              const likes = Math.round(10 ** point.y - 1).toLocaleString('en-US');
              return `${followers} followers, ${likes} likes (click to open)`;
            },
          },
        },
      },
      // A tooltip left from before a relayout (the detail drawer opening) would point at the wrong post.
      onResize: (chart) => chart.tooltip?.setActiveElements([], { x: 0, y: 0 }),
      onClick: (_event, elements) => {
        const nearest = elements[0];
        if (nearest) onPick(nearest.datasetIndex, nearest.index);
      },
      onHover: (event, elements) => {
        const target = event.native?.target;
        if (target instanceof HTMLElement) target.style.cursor = elements.length > 0 ? 'pointer' : 'default';
      },
    },
  });
}

export function scatterDatasets(groups: PointGroup[], shown: number): ScatterDataset[] {
  const radius = shown > 5_000 ? 1.6 : shown > 500 ? 2.4 : 3.5;
  return groups.map((group) => ({
    label: `${styles[group.kind].label} (${group.points.length.toLocaleString('en-US')})`,
    data: group.points,
    backgroundColor: styles[group.kind].color,
    borderColor: styles[group.kind].color,
    pointRadius: group.kind === 'post' ? radius : radius + 0.6,
    pointHoverRadius: radius + 3,
  }));
}

/**
 * Sets both axes to the points' extent (plus a little room). With `parsing: false` Chart.js takes a dataset's x range
 * from its first and last points, as if they were sorted by x; ours are in row order, so it showed a sliver.
 */
export function fitAxes(chart: Chart<'scatter'>, groups: readonly PointGroup[]): void {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const group of groups) {
    for (const point of group.points) {
      if (point.x < minX) minX = point.x;
      if (point.x > maxX) maxX = point.x;
      if (point.y < minY) minY = point.y;
      if (point.y > maxY) maxY = point.y;
    }
  }
  const scales = chart.options.scales!;
  if (!Number.isFinite(minX)) {
    for (const axis of ['x', 'y'] as const) {
      delete scales[axis]!.min;
      delete scales[axis]!.max;
    }
    return;
  }
  const padX = Math.max(0.05, (maxX - minX) * 0.03);
  const padY = Math.max(0.05, (maxY - minY) * 0.03);
  scales['x']!.min = Math.max(0, minX - padX);
  scales['x']!.max = maxX + padX;
  scales['y']!.min = Math.max(0, minY - padY);
  scales['y']!.max = maxY + padY;
}
