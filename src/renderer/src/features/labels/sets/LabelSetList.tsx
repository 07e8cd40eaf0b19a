import { memo, useState } from 'react';
import type { RuleComparison } from '../../../../../shared/labeling/agreement';
import type { LabelSetSummary } from '../../../../../shared/labeling/label-set';
import { ComparisonFacts } from '../panels/ComparisonFacts';
import type { LabelSetsState } from './use-label-sets';
import { LabelSetRow } from './LabelSetRow';

/** Saved label sets, newest first: rename, delete, load parameters, and compare any two. */
export const LabelSetList = memo(function LabelSetList(props: { state: LabelSetsState; onLoad(set: LabelSetSummary): void }) {
  const { sets, busy } = props.state;
  const [picked, setPicked] = useState<string[]>([]);
  const [comparison, setComparison] = useState<{ key: string; result: RuleComparison } | null>(null);
  const live = picked.filter((id) => sets?.some((set) => set.id === id));
  const pair = live.length === 2 ? live.join('|') : null;

  if (!sets) return <p className="muted">Loading saved label sets…</p>;
  if (sets.length === 0) return <p className="muted" data-testid="labelset-empty">No label sets saved yet. Name the current rule above and save it.</p>;
  const nameOf = (id: string) => {
    const set = sets.find((item) => item.id === id);
    return set ? `${set.name} v${set.version}` : id;
  };
  return (
    <>
      <table className="labels-table labels-sets" data-testid="labelset-list">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">compare</span>
            </th>
            <th scope="col">name</th>
            <th scope="col">rule</th>
            <th scope="col">good</th>
            <th scope="col">bad</th>
            <th scope="col">population</th>
            <th scope="col">truth accuracy</th>
            <th scope="col">
              <span className="visually-hidden">actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sets.map((set) => (
            <LabelSetRow
              key={set.id}
              set={set}
              busy={busy}
              picked={live.includes(set.id)}
              onPick={(checked) => setPicked(checked ? [...live.filter((id) => id !== set.id), set.id].slice(-2) : live.filter((id) => id !== set.id))}
              onLoad={() => props.onLoad(set)}
              onRename={(name) => void props.state.rename(set.id, name)}
              onRemove={() => void props.state.remove(set.id)}
            />
          ))}
        </tbody>
      </table>
      <div className="labels-sets__compare">
        {pair ? (
          <>
            <button
              type="button"
              className="button button--small"
              data-testid="labelset-compare"
              onClick={async () => {
                const result = await props.state.compare(live[0]!, live[1]!);
                if (result) setComparison({ key: pair, result });
              }}
            >
              Compare {nameOf(live[0]!)} with {nameOf(live[1]!)}
            </button>
            {comparison?.key === pair ? <ComparisonFacts a={nameOf(live[0]!)} b={nameOf(live[1]!)} result={comparison.result} /> : null}
          </>
        ) : (
          <p className="muted">Tick two sets to compare them post by post.</p>
        )}
      </div>
    </>
  );
});
