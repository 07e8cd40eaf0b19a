import { useEffect, useLayoutEffect, useRef, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import type { Chart } from 'chart.js';
import type { Tails } from '../model/editor-state';
import { shareBeyond, thresholdPosition } from '../model/histogram-bins';
import type { Labeling } from '../model/use-labeling';
import { axisTitle } from '../model/strategies';
import { formatShare } from '../panels/format';
import { createHistogramChart, showBins } from './histogram-chart';

type Side = 'top' | 'bottom';
/** A press this close to a handle (CSS px) grabs it where it is instead of jumping it to the pointer. */
const grabDistance = 10;
/** Thresholds move in steps of 0.1% of the population. */
const snap = (share: number) => Math.round(share * 1000) / 1000;

/**
 * The score histogram with two draggable thresholds: the top one (right) cuts the good tail, the bottom one (left)
 * the bad tail. Dragging only reports new shares; the page re-cuts the memoised ranking and nothing is saved.
 * Both handles are also sliders for the keyboard (arrows 0.5%, Shift 0.1%, Page Up/Down 5%).
 */
export function ThresholdHistogram(props: { labeling: Labeling; onTails(tails: Tails): void; onDragging(dragging: boolean): void }) {
  const { labeling } = props;
  const { ranking, counts, tails, perBin } = labeling;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<Chart<'bar', Array<{ x: number; y: number }>> | null>(null);
  const handleRefs = { top: useRef<HTMLDivElement>(null), bottom: useRef<HTMLDivElement>(null) };
  const drag = useRef<{ side: Side; offset: number } | null>(null);
  const latest = useRef({ labeling, onTails: props.onTails });
  useLayoutEffect(() => {
    latest.current = { labeling, onTails: props.onTails };
  });

  useEffect(() => {
    const chart = createHistogramChart(canvasRef.current!, (laidOut) => placeHandles(laidOut, canvasRef.current!, latest.current.labeling, handleRefs));
    chartRef.current = chart;
    return () => {
      chart.destroy();
      chartRef.current = null;
    };
    // handleRefs only holds refs: stable across renders.
  }, []);

  // Redraw the bars; the chart's update then places the handles (and again after every resize).
  useEffect(() => {
    const chart = chartRef.current;
    const canvas = canvasRef.current;
    if (!chart || !canvas || ranking.kind !== 'tails' || !perBin) return;
    const started = performance.now();
    canvas.dataset.binWidth = String(ranking.bins.width);
    showBins(chart, ranking.bins, perBin, axisTitle(ranking.strategy));
    canvas.dataset.lastDrawMs = (performance.now() - started).toFixed(2);
  }, [ranking, perBin]);

  const canvasX = (event: PointerEvent) => event.clientX - canvasRef.current!.getBoundingClientRect().left;
  const handleX = (side: Side) => Number(canvasRef.current?.dataset[side === 'top' ? 'topX' : 'bottomX'] ?? 0);

  const moveTo = (side: Side, x: number) => {
    const chart = chartRef.current;
    const { labeling: current, onTails } = latest.current;
    if (!chart || current.ranking.kind !== 'tails') return;
    const value = chart.scales.x!.getValueForPixel(x) ?? 0;
    const order = side === 'top' ? current.ranking.ranked.descending : current.ranking.ranked.ascending;
    const share = snap(shareBeyond(current.ranking.bins.axis, order, value, side));
    setShare(side, share, current.tails, onTails);
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || !chartRef.current) return;
    const x = canvasX(event);
    const distances = { top: x - handleX('top'), bottom: x - handleX('bottom') };
    const side: Side =
      Math.abs(distances.top) === Math.abs(distances.bottom) ? (distances.top >= 0 ? 'top' : 'bottom') : Math.abs(distances.top) < Math.abs(distances.bottom) ? 'top' : 'bottom';
    const offset = Math.abs(distances[side]) <= grabDistance ? distances[side] : 0;
    drag.current = { side, offset };
    event.currentTarget.setPointerCapture(event.pointerId);
    handleRefs[side].current?.focus();
    event.preventDefault();
    props.onDragging(true);
    moveTo(side, x - offset);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current) moveTo(drag.current.side, canvasX(event) - drag.current.offset);
  };
  const endDrag = () => {
    if (!drag.current) return;
    drag.current = null;
    props.onDragging(false);
  };

  const onKeyDown = (side: Side, event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 0.001 : 0.005;
    // Left/right move the handle on screen: for the top handle, left widens its tail.
    const widen = side === 'top' ? 'ArrowLeft' : 'ArrowRight';
    const narrow = side === 'top' ? 'ArrowRight' : 'ArrowLeft';
    const deltas: Record<string, number> = { ArrowUp: step, [widen]: step, ArrowDown: -step, [narrow]: -step, PageUp: 0.05, PageDown: -0.05 };
    const current = tails[side];
    const next = event.key === 'Home' ? 0 : event.key === 'End' ? 1 : deltas[event.key] !== undefined ? current + deltas[event.key]! : null;
    if (next === null) return;
    event.preventDefault();
    setShare(side, snap(next), tails, props.onTails);
  };

  const handle = (side: Side) => (
    <div
      ref={handleRefs[side]}
      className={`threshold-handle threshold-handle--${side}`}
      role="slider"
      tabIndex={0}
      aria-label={side === 'top' ? 'Top threshold: share labeled good' : 'Bottom threshold: share labeled bad'}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(tails[side] * 1000) / 10}
      aria-valuetext={`${formatShare(tails[side])} ${side === 'top' ? 'good' : 'bad'}`}
      data-testid={`labels-handle-${side}`}
      onKeyDown={(event) => onKeyDown(side, event)}
    >
      <span className="threshold-handle__knob">
        {side === 'top' ? 'good' : 'bad'} {formatShare(tails[side])}
      </span>
    </div>
  );

  return (
    <div className="histogram__plot" onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={endDrag} onPointerCancel={endDrag} onLostPointerCapture={endDrag}>
      <canvas
        ref={canvasRef}
        data-testid="labels-histogram"
        data-top={String(tails.top)}
        data-bottom={String(tails.bottom)}
        data-last-step-ms={labeling.stepMs.toFixed(2)}
        role="img"
        aria-label={`Histogram of the ${ranking.strategy} scores: ${counts.good} good on the right, ${counts.bad} bad on the left.`}
      />
      {handle('bottom')}
      {handle('top')}
    </div>
  );
}

/** Puts each handle where its threshold falls on the axis: between the last post inside the tail and the next. */
function placeHandles(chart: Chart<'bar', Array<{ x: number; y: number }>>, canvas: HTMLCanvasElement, labeling: Labeling, handles: Record<Side, RefObject<HTMLDivElement | null>>) {
  const { ranking, counts } = labeling;
  if (ranking.kind !== 'tails' || !chart.scales.x) return;
  const { axis } = ranking.bins;
  const positions = {
    top: thresholdPosition(axis, ranking.ranked.descending, counts.good, 'top'),
    bottom: thresholdPosition(axis, ranking.ranked.ascending, counts.bad, 'bottom'),
  };
  const area = chart.chartArea;
  for (const side of ['top', 'bottom'] as const) {
    const x = Math.min(area.right, Math.max(area.left, chart.scales.x.getPixelForValue(positions[side])));
    canvas.dataset[side === 'top' ? 'topX' : 'bottomX'] = x.toFixed(1);
    const handle = handles[side].current;
    if (!handle) continue;
    handle.style.left = `${x}px`;
    handle.style.top = `${area.top - 24}px`;
    handle.style.height = `${area.bottom - area.top + 24}px`;
  }
}

/** Keeps 0 ≤ share and top + bottom ≤ 1, so the tails never overlap. */
function setShare(side: Side, share: number, tails: Tails, onTails: (tails: Tails) => void): void {
  const other = side === 'top' ? tails.bottom : tails.top;
  const clamped = snap(Math.min(Math.max(0, share), 1 - other));
  if (clamped === tails[side]) return;
  onTails({ ...tails, [side]: clamped });
}
