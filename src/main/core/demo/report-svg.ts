/** Small dependency-free SVG plots for report.html (the renderer uses chart.js; a static report needs none). */

export interface ScatterPoint {
  x: number;
  y: number;
  /** 0..1, mapped to a blue→orange colour scale. */
  shade?: number;
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function ticks(min: number, max: number, count = 5): number[] {
  if (max <= min) return [min];
  const step = (max - min) / count;
  return Array.from({ length: count + 1 }, (_, i) => min + i * step);
}

export function scatterSvg(points: readonly ScatterPoint[], options: { title: string; xLabel: string; yLabel: string; width?: number; height?: number }): string {
  const width = options.width ?? 520;
  const height = options.height ?? 360;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const xRange: [number, number] = [Math.floor(Math.min(...xs, 0)), Math.ceil(Math.max(...xs, 1))];
  const yRange: [number, number] = [Math.floor(Math.min(...ys, 0)), Math.ceil(Math.max(...ys, 1))];
  return plot(width, height, options, xRange, yRange, (x, y) =>
    points
      .map((p) => {
        const shade = p.shade ?? 0.5;
        const colour = `rgb(${Math.round(40 + 200 * shade)},${Math.round(90 + 40 * (1 - Math.abs(shade - 0.5) * 2))},${Math.round(220 - 190 * shade)})`;
        return `<circle cx="${x(p.x).toFixed(1)}" cy="${y(p.y).toFixed(1)}" r="2.6" fill="${colour}" fill-opacity="0.75"/>`;
      })
      .join(''),
  );
}

export function histogramSvg(values: readonly number[], options: { title: string; xLabel: string; bins?: number; width?: number; height?: number }): string {
  const width = options.width ?? 520;
  const height = options.height ?? 300;
  const bins = options.bins ?? 30;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const size = (max - min) / bins || 1;
  const counts = new Array<number>(bins).fill(0);
  for (const value of values) counts[Math.min(bins - 1, Math.floor((value - min) / size))]!++;
  const top = Math.max(...counts, 1);
  return plot(width, height, { ...options, yLabel: 'posts' }, [min, max], [0, top], (x, y) =>
    counts
      .map((count, i) => `<rect x="${x(min + i * size).toFixed(1)}" y="${y(count).toFixed(1)}" width="${Math.max(1, x(min + (i + 1) * size) - x(min + i * size) - 1).toFixed(1)}" height="${(y(0) - y(count)).toFixed(1)}" fill="#4f6bed"/>`)
      .join(''),
  );
}

function plot(
  width: number,
  height: number,
  labels: { title: string; xLabel: string; yLabel: string },
  xRange: [number, number],
  yRange: [number, number],
  draw: (x: (v: number) => number, y: (v: number) => number) => string,
): string {
  const left = 56;
  const bottom = height - 40;
  const x = (v: number) => left + ((v - xRange[0]) / (xRange[1] - xRange[0] || 1)) * (width - left - 16);
  const y = (v: number) => bottom - ((v - yRange[0]) / (yRange[1] - yRange[0] || 1)) * (bottom - 28);
  const label = (v: number) => (Math.abs(v) >= 10 || Number.isInteger(v) ? String(Math.round(v)) : v.toFixed(2));
  const xTicks = ticks(...xRange)
    .map((v) => `<line x1="${x(v)}" y1="${bottom}" x2="${x(v)}" y2="${bottom + 4}" stroke="#555"/><text x="${x(v)}" y="${bottom + 16}" text-anchor="middle">${label(v)}</text>`)
    .join('');
  const yTicks = ticks(...yRange)
    .map((v) => `<line x1="${left - 4}" y1="${y(v)}" x2="${left}" y2="${y(v)}" stroke="#555"/><text x="${left - 7}" y="${y(v) + 4}" text-anchor="end">${label(v)}</text>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="11" role="img" aria-label="${escape(labels.title)}">
<text x="${width / 2}" y="16" text-anchor="middle" font-size="13" font-weight="600">${escape(labels.title)}</text>
<line x1="${left}" y1="${bottom}" x2="${width - 16}" y2="${bottom}" stroke="#555"/><line x1="${left}" y1="28" x2="${left}" y2="${bottom}" stroke="#555"/>
${xTicks}${yTicks}
<text x="${(left + width - 16) / 2}" y="${height - 6}" text-anchor="middle">${escape(labels.xLabel)}</text>
<text transform="translate(14 ${(28 + bottom) / 2}) rotate(-90)" text-anchor="middle">${escape(labels.yLabel)}</text>
${draw(x, y)}
</svg>`;
}
