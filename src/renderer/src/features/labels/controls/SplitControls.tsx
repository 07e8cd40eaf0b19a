import { memo } from 'react';
type Split = { val: number; test: number; seed: number };
import { formatShare } from '../panels/format';
import { NumberField } from './NumberField';

/** Train / validation / test shares of the labeled posts' owners, and the seed that deals them. */
export const SplitControls = memo(function SplitControls(props: Split & { onChange(patch: Partial<Split>): void }) {
  const state = props;
  const train = Math.max(0, 1 - state.val - state.test);
  return (
    <section className="card labels-controls" aria-labelledby="labels-split-title">
      <h2 id="labels-split-title" className="card__title">
        Split
      </h2>
      <p className="labels-controls__definition">
        Whole owners go to one split (reposts follow their original), so no one&apos;s face is in train and val at once. Train gets the
        rest: {formatShare(train)}.
      </p>
      <div className="labels-controls__fields">
        <NumberField id="labels-val" testId="labels-val" label="Val %" percent min={0} max={100} step={5} value={state.val} onChange={(value) => value !== null && value + state.test <= 1 && props.onChange({ val: value })} />
        <NumberField id="labels-test" testId="labels-test" label="Test %" percent min={0} max={100} step={5} value={state.test} onChange={(value) => value !== null && value + state.val <= 1 && props.onChange({ test: value })} />
        <NumberField id="labels-seed" testId="labels-seed" label="Seed" step={1} value={state.seed} onChange={(value) => value !== null && Number.isInteger(value) && props.onChange({ seed: value })} />
      </div>
    </section>
  );
});
