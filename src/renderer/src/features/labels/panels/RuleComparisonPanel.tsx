import { memo, useMemo, useState } from 'react';
import { compareLabels } from '../../../../../shared/labeling/agreement';
import type { LabelSetSummary } from '../../../../../shared/labeling/label-set';
import { NumberField } from '../controls/NumberField';
import { defaultEditorState, defaultTails } from '../model/editor-state';
import { strategies, strategyName, type Strategy } from '../model/strategies';
import { useLabeling, type Labeling } from '../model/use-labeling';
import { ComparisonFacts } from './ComparisonFacts';
import { formatCount } from './format';
import { useSavedLabels } from './use-saved-labels';

interface OtherRule {
  strategy: Strategy;
  top: number;
  bottom: number;
  groupSize: number;
  hashtags: boolean;
}

/** The current labels against a second rule (any strategy and parameters) or a saved set, on the same population. */
export const RuleComparisonPanel = memo(function RuleComparisonPanel(props: { labeling: Labeling; sets: LabelSetSummary[] | null }) {
  const { labeling } = props;
  const { population } = labeling;
  const [source, setSource] = useState<string>('rule');
  const [other, setOther] = useState<OtherRule>({ strategy: 'karpathy', ...defaultTails.residual, groupSize: defaultEditorState.groupSize, hashtags: true });
  const setId = source === 'rule' ? null : source;
  const second = useLabeling(population, other, { top: other.top, bottom: other.bottom });
  const { saved, error } = useSavedLabels(setId, population);
  const otherLabels = setId ? (saved?.labels ?? null) : (second.labeling?.labels ?? null);
  const result = useMemo(() => (otherLabels ? compareLabels(labeling.labels, otherLabels) : null), [labeling.labels, otherLabels]);
  const setName = props.sets?.find((set) => set.id === setId);
  const otherName = setId ? (setName ? `“${setName.name}” v${setName.version}` : 'the saved set') : `${strategyName(other.strategy)}`;

  const pickStrategy = (strategy: Strategy) =>
    setOther({ ...other, strategy, ...(strategy === 'karpathy' ? {} : defaultTails[strategy]) });
  return (
    <section className="card labels-compare" aria-labelledby="labels-compare-title">
      <h2 id="labels-compare-title" className="card__title">
        Compare two rules
      </h2>
      <div className="labels-controls__fields">
        <label className="labels-field" htmlFor="labels-compare-source">
          <span className="labels-field__label">Current rule against</span>
          <select id="labels-compare-source" data-testid="labels-compare-source" value={source} onChange={(event) => setSource(event.target.value)}>
            <option value="rule">another rule…</option>
            {(props.sets ?? []).map((set) => (
              <option key={set.id} value={set.id}>
                saved: {set.name} v{set.version}
              </option>
            ))}
          </select>
        </label>
        {source === 'rule' ? (
          <>
            <label className="labels-field" htmlFor="labels-compare-strategy">
              <span className="labels-field__label">Strategy</span>
              <select id="labels-compare-strategy" data-testid="labels-compare-strategy" value={other.strategy} onChange={(event) => pickStrategy(event.target.value as Strategy)}>
                {strategies.map((item) => (
                  <option key={item.id} value={item.id}>
                    {item.name}
                  </option>
                ))}
              </select>
            </label>
            {other.strategy === 'karpathy' ? (
              <NumberField id="labels-compare-group" label="Group size G" min={2} step={1} value={other.groupSize} onChange={(value) => value !== null && Number.isInteger(value) && setOther({ ...other, groupSize: value })} />
            ) : (
              <>
                <NumberField id="labels-compare-top" label="Top %" percent min={0} max={100} step={0.5} value={other.top} onChange={(value) => value !== null && value + other.bottom <= 1 && setOther({ ...other, top: value })} />
                <NumberField id="labels-compare-bottom" label="Bottom %" percent min={0} max={100} step={0.5} value={other.bottom} onChange={(value) => value !== null && value + other.top <= 1 && setOther({ ...other, bottom: value })} />
              </>
            )}
            {other.strategy === 'residual' ? (
              <label className="check labels-controls__check">
                <input type="checkbox" checked={other.hashtags} onChange={(event) => setOther({ ...other, hashtags: event.target.checked })} />
                Hashtags
              </label>
            ) : null}
          </>
        ) : null}
      </div>
      {source === 'rule' && second.failure ? <p className="muted">{second.failure}</p> : null}
      {error ? <p className="muted">The saved set could not be loaded: {error.message}</p> : null}
      {result ? (
        <ComparisonFacts
          a="the current rule"
          b={otherName}
          result={result}
          note={saved && setId && saved.missing > 0 ? `${formatCount(saved.missing)} posts of today's population are not in the saved set (counted as unlabeled by it).` : undefined}
        />
      ) : null}
    </section>
  );
});
