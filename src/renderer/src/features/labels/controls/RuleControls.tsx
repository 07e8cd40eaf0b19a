import type { RuleEditorState, Tails } from '../model/editor-state';
import { strategies, type Strategy } from '../model/strategies';
import { NumberField } from './NumberField';

/** The strategy switcher, its one-sentence definition, and its parameters. */
export function RuleControls(props: { state: RuleEditorState; onChange(state: RuleEditorState): void }) {
  const { state } = props;
  const definition = strategies.find((item) => item.id === state.strategy)?.definition;
  const setTails = (tails: Partial<Tails>) => {
    if (state.strategy === 'karpathy') return;
    const current = state.tails[state.strategy];
    const next = { ...current, ...tails };
    // The tails never overlap: the side just typed wins, the other gives way.
    if (next.top + next.bottom > 1) {
      if (tails.top !== undefined) next.bottom = Math.max(0, 1 - next.top);
      else next.top = Math.max(0, 1 - next.bottom);
    }
    props.onChange({ ...state, tails: { ...state.tails, [state.strategy]: next } });
  };
  return (
    <section className="card labels-controls" aria-labelledby="labels-rule-title">
      <h2 id="labels-rule-title" className="card__title">
        Rule
      </h2>
      <label className="labels-field labels-field--wide" htmlFor="labels-strategy">
        <span className="labels-field__label">Strategy</span>
        <select
          id="labels-strategy"
          data-testid="labels-strategy"
          value={state.strategy}
          onChange={(event) => props.onChange({ ...state, strategy: event.target.value as Strategy })}
        >
          {strategies.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </select>
      </label>
      <p className="labels-controls__definition" data-testid="labels-definition">
        {definition}
      </p>
      <div className="labels-controls__fields">
        {state.strategy !== 'karpathy' ? (
          <>
            <NumberField id="labels-top" testId="labels-top" label="Top (good) %" percent min={0} max={100} step={0.5} value={state.tails[state.strategy].top} onChange={(value) => setTails({ top: value ?? 0 })} />
            <NumberField id="labels-bottom" testId="labels-bottom" label="Bottom (bad) %" percent min={0} max={100} step={0.5} value={state.tails[state.strategy].bottom} onChange={(value) => setTails({ bottom: value ?? 0 })} />
          </>
        ) : (
          <NumberField
            id="labels-group-size"
            testId="labels-group-size"
            label="Group size G"
            min={2}
            max={100_000}
            step={1}
            value={state.groupSize}
            onChange={(value) => value !== null && Number.isInteger(value) && props.onChange({ ...state, groupSize: value })}
          />
        )}
        {state.strategy === 'residual' ? (
          <label className="check labels-controls__check" title="Include the number of hashtags as a second predictor of likes">
            <input type="checkbox" data-testid="labels-hashtags" checked={state.hashtags} onChange={(event) => props.onChange({ ...state, hashtags: event.target.checked })} />
            Hashtags as a predictor
          </label>
        ) : null}
      </div>
    </section>
  );
}
