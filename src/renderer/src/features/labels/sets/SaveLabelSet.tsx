import { memo, useState, type FormEvent } from 'react';
import type { LabelSetSummary } from '../../../../../shared/labeling/label-set';
import { formatCount } from '../panels/format';

/**
 * "Save as…": the only place a label set is written. The backend recomputes the labels from the same parameters on
 * the current posts and stores them (a name already saved gets a new version).
 */
export const SaveLabelSet = memo(function SaveLabelSet(props: { sets: LabelSetSummary[] | null; busy: boolean; disabled: boolean; onSave(name: string): Promise<LabelSetSummary | undefined> }) {
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<LabelSetSummary | null>(null);
  const trimmed = name.trim();
  const versions = (props.sets ?? []).filter((set) => set.name === trimmed).map((set) => set.version);
  const nextVersion = versions.length > 0 ? Math.max(...versions) + 1 : 1;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!trimmed) return;
    const result = await props.onSave(trimmed);
    if (result) setSaved(result);
  };
  return (
    <form className="labels-save" onSubmit={(event) => void submit(event)}>
      <label className="labels-field labels-field--grow" htmlFor="labels-save-name">
        <span className="labels-field__label">Save the current rule, parameters and split as</span>
        <input
          id="labels-save-name"
          data-testid="labels-save-name"
          type="text"
          value={name}
          maxLength={200}
          placeholder="e.g. residual 10% faces"
          onChange={(event) => {
            setName(event.target.value);
            setSaved(null);
          }}
        />
      </label>
      <button type="submit" className="button button--primary" data-testid="labels-save" disabled={!trimmed || props.busy || props.disabled}>
        {props.busy ? 'Saving…' : nextVersion > 1 ? `Save as version ${nextVersion}` : 'Save label set'}
      </button>
      {saved ? (
        <p className="labels-save__done" role="status" data-testid="labels-save-done">
          Saved “{saved.name}” v{saved.version}: {formatCount(saved.good)} good, {formatCount(saved.bad)} bad of {formatCount(saved.population)}.
        </p>
      ) : null}
    </form>
  );
});
