import { useEffect, useRef } from 'react';
import type { ChartDataset } from 'chart.js';
import { createLineChart, type XY, type XYLineChart } from '../../components/charts/line-chart';

export type { XY };

/** A chart.js line chart of x/y datasets, updated in place; extra attributes go on the canvas (test ids, counts). */
export function LineChart(props: {
  datasets: Array<ChartDataset<'line', XY[]>>;
  x: { title: string; min?: number; max?: number; /** Whole-number ticks only (epochs). */ integer?: boolean };
  y: { title: string; min?: number; max?: number };
  label: string;
  canvas?: Record<string, string | number>;
  square?: boolean;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<XYLineChart | null>(null);

  useEffect(() => {
    const chart = createLineChart(canvasRef.current!);
    chartRef.current = chart;
    return () => {
      chart.destroy();
      chartRef.current = null;
    };
  }, []);

  const { datasets, x, y } = props;
  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    chart.data.datasets = datasets;
    chart.options.scales = {
      x: { type: 'linear', min: x.min, max: x.max, title: { display: true, text: x.title }, ...(x.integer ? { ticks: { precision: 0 } } : {}) },
      y: { type: 'linear', min: y.min, max: y.max, title: { display: true, text: y.title } },
    };
    chart.update('none');
  }, [datasets, x.min, x.max, x.title, x.integer, y.min, y.max, y.title]);

  return (
    <div className={props.square ? 'train-plot train-plot--square' : 'train-plot'}>
      <canvas ref={canvasRef} role="img" aria-label={props.label} {...props.canvas} />
    </div>
  );
}
