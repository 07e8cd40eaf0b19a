import { useMemo, type ReactNode } from 'react';
import type { ChartDataset } from 'chart.js';
import type { Curves } from './use-training';
import { colours, percent } from './colours';
import { curvesAxisMax, epochsLine } from './curves-axis';
import { LineChart, type XY } from './LineChart';

const line = (label: string, data: XY[], colour: string, dashed = false): ChartDataset<'line', XY[]> => ({
  label,
  data,
  borderColor: colour,
  backgroundColor: colour,
  borderDash: dashed ? [5, 4] : undefined,
  pointRadius: 3,
});

/** Train and validation loss and accuracy per epoch as they arrive; the best epoch marked; peak vs final called out. */
export function TrainingCurves({ curves, title, action }: { curves: Curves; title: string; action?: ReactNode }) {
  const { history, bestEpoch } = curves;
  const maxX = curvesAxisMax(curves);
  const best = bestEpoch === null ? undefined : history.find((m) => m.epoch === bestEpoch);
  const final = history.at(-1);

  const loss = useMemo(() => {
    const sets = [line('train loss', history.map((m) => ({ x: m.epoch, y: m.trainLoss })), colours.train)];
    if (history.some((m) => m.valLoss !== null)) sets.push(line('val loss', history.filter((m) => m.valLoss !== null).map((m) => ({ x: m.epoch, y: m.valLoss! })), colours.val));
    // The smoothed per-batch loss, spread across each epoch.
    const batches = history.flatMap((m) => m.batchLoss.map((value, i) => ({ x: m.epoch - 1 + (i + 1) / m.batchLoss.length, y: value })));
    if (batches.length > 0) sets.push({ ...line('batch loss (smoothed)', batches, colours.grey), pointRadius: 0, borderWidth: 1 });
    return sets;
  }, [history]);

  const accuracy = useMemo(() => {
    const sets = [
      line('train accuracy', history.map((m) => ({ x: m.epoch, y: m.trainAccuracy * 100 })), colours.train),
      line('val accuracy', history.filter((m) => m.valAccuracy !== null).map((m) => ({ x: m.epoch, y: m.valAccuracy! * 100 })), colours.val),
    ];
    if (best?.valAccuracy != null) sets.push({ ...line('best epoch', [{ x: best.epoch, y: best.valAccuracy * 100 }], colours.good), showLine: false, pointRadius: 8, pointStyle: 'rectRot' });
    return sets;
  }, [history, best]);

  return (
    <section className="card train-curves" aria-label="Training curves">
      <header className="train-curves__head">
        <h2 className="card__title">{title}</h2>
        <span className="muted" data-testid="train-epochs-line">
          {curves.phase ? `${curves.phase} · ` : ''}
          {epochsLine(curves)}
        </span>
        {action}
      </header>
      <p data-testid="train-best" className="train-curves__best">
        {best?.valAccuracy != null && final?.valAccuracy != null
          ? `Validation peak ${percent(best.valAccuracy)} at epoch ${best.epoch}, final ${percent(final.valAccuracy)} (gap ${((best.valAccuracy - final.valAccuracy) * 100).toFixed(1)} points)`
          : history.length === 0
            ? curves.preparing
              ? `Preparing: ${curves.preparing}`
              : curves.live
                ? 'Waiting for the first epoch…'
                : 'No epoch was trained.'
            : 'No validation split: epochs not selected by validation.'}
      </p>
      <div className="train-curves__charts">
        <LineChart datasets={loss} x={{ title: 'epoch', min: 0, max: maxX, integer: true }} y={{ title: 'loss', min: 0 }} label="Loss per epoch" canvas={{ 'data-testid': 'train-curve-loss', 'data-epochs': history.length, 'data-x-max': maxX }} />
        <LineChart datasets={accuracy} x={{ title: 'epoch', min: 0, max: maxX, integer: true }} y={{ title: 'accuracy (%)' }} label="Accuracy per epoch" canvas={{ 'data-testid': 'train-curve-accuracy', 'data-epochs': history.length, 'data-x-max': maxX }} />
      </div>
    </section>
  );
}
