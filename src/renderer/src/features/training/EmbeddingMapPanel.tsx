import { useEffect, useMemo, useRef, useState } from 'react';
import { Chart, Legend, LinearScale, PointElement, ScatterController, Tooltip, type ChartDataset } from 'chart.js';
import type { EmbeddingMap } from '../../../../shared/training/embedding-map';
import { ChoiceButtons, type Choice } from '../../components/ChoiceButtons';
import { colours } from './colours';
import { MapPostDrawer } from './MapPostDrawer';
import { useEmbeddingMap } from './use-embedding-map';

Chart.register(ScatterController, PointElement, LinearScale, Tooltip, Legend);

type ColourBy = 'label' | 'prediction';
const colourChoices: Array<Choice<ColourBy>> = (['label', 'prediction'] as const).map((option) => ({ value: option, label: option, testId: `map-colour-${option}` }));
type Point = { x: number; y: number; index: number };

const splitNames: Record<number, string> = { 0: 'train', 1: 'val', 2: 'test', [-1]: 'none' };

/** p(good) 0 → red, 0.5 → light grey, 1 → green (diverging, so confident predictions stand out). */
function predictionColour(p: number): string {
  const [from, to, t] = p < 0.5 ? [[201, 42, 42], [206, 212, 218], p / 0.5] : [[206, 212, 218], [43, 138, 62], (p - 0.5) / 0.5];
  const mix = (i: number) => Math.round(from[i]! + (to[i]! - from[i]!) * t);
  return `rgb(${mix(0)} ${mix(1)} ${mix(2)} / 85%)`;
}

function datasetsOf(map: EmbeddingMap, by: ColourBy): Array<ChartDataset<'scatter', Point[]>> {
  const radius = map.postId.length > 2000 ? 2 : 3.5;
  // Sorted by x: with parsing off, chart.js takes the x range from the first and last points.
  const points = (keep: (i: number) => boolean) => map.postId.flatMap((_, i) => (keep(i) ? [{ x: map.x[i]!, y: map.y[i]!, index: i }] : [])).sort((a, b) => a.x - b.x);
  if (by === 'label') {
    return [
      { label: 'good', data: points((i) => map.label[i] === 1), backgroundColor: colours.good, borderColor: colours.good, pointRadius: radius },
      { label: 'bad', data: points((i) => map.label[i] === -1), backgroundColor: colours.bad, borderColor: colours.bad, pointRadius: radius },
      { label: 'unlabeled', data: points((i) => map.label[i] === 0), backgroundColor: 'rgb(134 142 150 / 45%)', borderColor: colours.grey, pointRadius: radius },
    ].filter((set) => set.data.length > 0);
  }
  const data = points(() => true);
  return [{ label: 'p(good): red 0 → green 1', data, backgroundColor: data.map((point) => predictionColour(map.pGood[point.index]!)), borderColor: colours.grey, borderWidth: 0, pointRadius: radius }];
}

/**
 * The run's cached features in 2-D (UMAP), coloured by label or by the model's p(good); clicking a point opens its post.
 */
export function EmbeddingMapPanel({ runId }: { runId: string }) {
  const { map, error, job, compute } = useEmbeddingMap(runId);
  const [by, setBy] = useState<ColourBy>('label');
  const [open, setOpen] = useState<number | null>(null);
  const working = job !== null && (job.state === 'queued' || job.state === 'running');

  return (
    <section className="card train-map" aria-label="Embedding map" data-testid="embedding-map-panel">
      <header className="train-curves__head">
        <h2 className="card__title">Embedding map</h2>
        <ChoiceButtons label="Colour by" choices={colourChoices} value={by} onChange={setBy}>
          <button type="button" className="button button--small" data-testid="map-compute" disabled={working} onClick={() => void compute()}>
            {map ? 'Recompute' : 'Compute the map'}
          </button>
        </ChoiceButtons>
      </header>
      {error ? <p className="muted">The map is unavailable: {error.message}</p> : null}
      {job && job.state !== 'succeeded' ? (
        <p className="muted" data-testid="map-job">
          {job.state}
          {job.progress.total > 1 ? `: epoch ${job.progress.done} of ${job.progress.total}` : ''}
          {job.progress.message ? ` · ${job.progress.message}` : ''}
          {job.error ? ` · ${job.error.message}` : ''}
        </p>
      ) : null}
      {map === null && !working ? <p className="muted">No map yet. It is a 2-D UMAP of the run's cached backbone features (a seeded sample of at most 5,000 posts), computed in the background.</p> : null}
      {map ? (
        <>
          <p className="muted">
            UMAP of {map.postId.length.toLocaleString('en-US')} posts' {map.backbone} features
            {map.postId.length < map.available ? ` (a seeded sample of ${map.available.toLocaleString('en-US')})` : ''}, projected from {map.featureDim} to {map.umapInputDim} dimensions
            first; {map.params.nNeighbors} neighbours, min. distance {map.params.minDist}, seed {map.params.seed}; {map.seconds.toFixed(1)} s. Click a point to open its post.
          </p>
          <MapChart map={map} by={by} onPick={setOpen} />
        </>
      ) : null}
      {map && open !== null ? (
        <MapPostDrawer
          postId={map.postId[open]!}
          facts={`p(good) ${map.pGood[open]!.toFixed(3)} · label ${map.label[open] === 1 ? 'good' : map.label[open] === -1 ? 'bad' : 'none'} · ${splitNames[map.split[open]!] ?? 'none'} split`}
          position={open}
          total={map.postId.length}
          onStep={(step) => setOpen((index) => (index === null ? null : Math.min(map.postId.length - 1, Math.max(0, index + step))))}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </section>
  );
}

function MapChart({ map, by, onPick }: { map: EmbeddingMap; by: ColourBy; onPick(index: number): void }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<Chart<'scatter', Point[]> | null>(null);
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  });
  const datasets = useMemo(() => datasetsOf(map, by), [map, by]);
  // The rightmost point, with its pixel position once drawn: what a test (or a curious user) can click for sure.
  const probe = useMemo(() => map.x.reduce((best, x, i) => (x > map.x[best]! ? i : best), 0), [map]);
  // Written on the canvas after every render (a resize moves the points), not through React state.
  const measure = useRef<(chart: Chart<'scatter', Point[]>) => void>(() => undefined);
  useEffect(() => {
    measure.current = (chart) => {
      const x = chart.scales.x?.getPixelForValue(map.x[probe]!);
      const y = chart.scales.y?.getPixelForValue(map.y[probe]!);
      chart.canvas.setAttribute('data-probe-pixel', x === undefined || y === undefined ? '' : `${x.toFixed(1)},${y.toFixed(1)}`);
    };
  });

  useEffect(() => {
    const chart = new Chart<'scatter', Point[]>(canvasRef.current!, {
      type: 'scatter',
      data: { datasets: [] },
      plugins: [{ id: 'probe', afterRender: (drawn) => measure.current(drawn as Chart<'scatter', Point[]>) }],
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        interaction: { mode: 'nearest', intersect: false },
        scales: { x: { type: 'linear', title: { display: true, text: 'UMAP 1' } }, y: { type: 'linear', title: { display: true, text: 'UMAP 2' } } },
        plugins: { legend: { position: 'bottom', labels: { usePointStyle: true, boxWidth: 8 } }, tooltip: { enabled: false } },
        onClick: (_event, elements) => {
          const nearest = elements[0];
          if (!nearest) return;
          const point = chart.data.datasets[nearest.datasetIndex]?.data[nearest.index];
          if (point) pick.current(point.index);
        },
        onHover: (event, elements) => {
          const target = event.native?.target;
          if (target instanceof HTMLElement) target.style.cursor = elements.length > 0 ? 'pointer' : 'default';
        },
      },
    });
    chartRef.current = chart;
    return () => {
      chart.destroy();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    chart.data.datasets = datasets;
    chart.update('none');
  }, [datasets]);

  return (
    <div className="train-plot train-map__plot">
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={`Embedding map coloured by ${by}`}
        data-testid="embedding-map"
        data-points={map.postId.length}
        data-colour={by}
        data-probe-post={map.postId[probe]}
      />
    </div>
  );
}
