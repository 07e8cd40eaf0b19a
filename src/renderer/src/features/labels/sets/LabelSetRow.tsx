import { useState } from 'react';
import type { LabelSetSummary } from '../../../../../shared/labeling/label-set';
import { strategyName } from '../model/strategies';
import { formatCount, formatDateTime, formatPercent, formatShare } from '../panels/format';

/** The parameters that distinguish a set, in a few words: "10% / 10%, hashtags on, faces required". */
export function paramsText(set: LabelSetSummary): string {
  const p = set.params;
  const rule =
    p.strategy === 'karpathy'
      ? `G = ${p.groupSize}`
      : `${formatShare(p.top ?? (p.strategy === 'ratio' ? 0.5 : 0.1))} / ${formatShare(p.bottom ?? (p.strategy === 'ratio' ? 0.5 : 0.1))}${p.strategy === 'residual' ? `, hashtags ${p.hashtags ? 'on' : 'off'}` : ''}`;
  return `${rule}, faces ${p.faces}, val ${formatShare(p.val)}${p.test > 0 ? `, test ${formatShare(p.test)}` : ''}`;
}

/** One saved set: its facts, and rename / delete (with a confirmation) / load its parameters / pick for comparing. */
export function LabelSetRow(props: {
  set: LabelSetSummary;
  picked: boolean;
  busy: boolean;
  onPick(picked: boolean): void;
  onLoad(): void;
  onRename(name: string): void;
  onRemove(): void;
}) {
  const { set } = props;
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm'>('view');
  const [name, setName] = useState(set.name);
  return (
    <tr data-testid="labelset-item" data-labelset-id={set.id} className={props.picked ? 'labels-table__current' : undefined}>
      <td>
        <input type="checkbox" aria-label={`Pick ${set.name} v${set.version} for comparing`} checked={props.picked} onChange={(event) => props.onPick(event.target.checked)} />
      </td>
      <th scope="row">
        {mode === 'rename' ? (
          <form
            className="labels-inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              if (name.trim()) props.onRename(name.trim());
              setMode('view');
            }}
          >
            <input type="text" aria-label="New name" value={name} autoFocus maxLength={200} onChange={(event) => setName(event.target.value)} />
            <button type="submit" className="button button--small">
              Save name
            </button>
            <button type="button" className="button button--small button--quiet" onClick={() => setMode('view')}>
              Cancel
            </button>
          </form>
        ) : (
          <span data-testid="labelset-name">{set.name}</span>
        )}
        <span className="labels-table__note">
          v{set.version} · {formatDateTime(set.createdAt)}
        </span>
      </th>
      <td>
        {strategyName(set.params.strategy)}
        <span className="labels-table__note">{paramsText(set)}</span>
      </td>
      <td className="labels-table__good">{formatCount(set.good)}</td>
      <td className="labels-table__bad">{formatCount(set.bad)}</td>
      <td>{formatCount(set.population)}</td>
      <td>{set.truth ? formatPercent(set.truth.accuracy) : '—'}</td>
      <td>
        <div className="labels-table__actions">
          {mode === 'confirm' ? (
            <>
              <span>Delete v{set.version}?</span>
              <button type="button" className="button button--small labels-danger" data-testid="labelset-confirm-delete" disabled={props.busy} onClick={props.onRemove}>
                Delete
              </button>
              <button type="button" className="button button--small button--quiet" onClick={() => setMode('view')}>
                Keep
              </button>
            </>
          ) : (
            <>
              <button type="button" className="button button--small" data-testid="labelset-load" onClick={props.onLoad} title="Put this set's rule and parameters into the editor">
                Load parameters
              </button>
              <button type="button" className="button button--small button--quiet" onClick={() => setMode('rename')}>
                Rename
              </button>
              <button type="button" className="button button--small button--quiet" data-testid="labelset-delete" onClick={() => setMode('confirm')}>
                Delete
              </button>
            </>
          )}
        </div>
      </td>
    </tr>
  );
}
