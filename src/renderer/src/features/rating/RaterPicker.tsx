import { useState, type FormEvent } from 'react';
import type { RaterSummary } from '../../../../shared/rating/rating-types';
import { plural } from '../../components/plural';
import { ConfirmStep } from './ConfirmStep';

type Editing = 'rename' | 'remove' | null;

/**
 * Who is rating: an existing rater (sorted by name), or a new one by name (each rater's answers go to their own file);
 * the chosen rater can be renamed (the file keeps its id) or removed (the file moves to ratings/removed/).
 */
export function RaterPicker(props: {
  raters: RaterSummary[];
  current: string | null;
  onPick(id: string | null): void;
  onCreate(name: string): Promise<void>;
  onRename(id: string, name: string): Promise<unknown>;
  onRemove(id: string): Promise<boolean>;
}) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [newName, setNewName] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    try {
      await props.onCreate(name.trim());
      setName('');
    } finally {
      setBusy(false);
    }
  };
  const current = props.raters.find((rater) => rater.id === props.current);
  const rename = async (event: FormEvent) => {
    event.preventDefault();
    if (!current || !newName.trim()) return;
    setBusy(true);
    try {
      if (await props.onRename(current.id, newName.trim())) setEditing(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card rating-raters" aria-label="Rater">
      <h2 className="card__title">Who is rating?</h2>
      <div className="rating-raters__row">
        <div className="rating-raters__pick">
          <label className="rating-field">
            Rater
            <select
              data-testid="rater-select"
              value={current?.id ?? ''}
              onChange={(event) => {
                setEditing(null);
                props.onPick(event.target.value || null);
              }}
            >
              <option value="">{props.raters.length === 0 ? 'No raters yet' : 'Choose a rater…'}</option>
              {props.raters.map((rater) => (
                <option key={rater.id} value={rater.id}>
                  {rater.name} ({plural(rater.ratings, 'answer')}
                  {rater.judgments > 0 ? `, ${plural(rater.judgments, 'judgment')}` : ''})
                </option>
              ))}
            </select>
          </label>
          {current ? (
            <div className="rating-raters__manage">
              <button
                type="button"
                className="button button--small button--quiet"
                data-testid="rater-rename"
                onClick={() => {
                  setNewName(current.name);
                  setEditing(editing === 'rename' ? null : 'rename');
                }}
              >
                Rename…
              </button>
              <button type="button" className="button button--small button--quiet" data-testid="rater-remove" onClick={() => setEditing(editing === 'remove' ? null : 'remove')}>
                Remove…
              </button>
            </div>
          ) : null}
        </div>
        {current && editing === 'rename' ? (
          <form className="rating-raters__new" onSubmit={(event) => void rename(event)} data-testid="rater-rename-form">
            <label className="rating-field">
              New name for {current.name}
              <input data-testid="rater-new-name" type="text" maxLength={80} value={newName} autoFocus onChange={(event) => setNewName(event.target.value)} />
            </label>
            <button type="submit" data-testid="rater-rename-save" className="button" disabled={busy || !newName.trim() || newName.trim() === current.name}>
              Rename
            </button>
          </form>
        ) : null}
        {current && editing === 'remove' ? (
          <ConfirmStep
            testId="rater-remove-confirm"
            confirmLabel={`Remove ${current.name}`}
            onCancel={() => setEditing(null)}
            onConfirm={async () => {
              if (await props.onRemove(current.id)) setEditing(null);
            }}
          >
            Remove {current.name} and their {plural(current.ratings, 'rating')}
            {current.judgments > 0 ? ` and ${plural(current.judgments, 'judgment')}` : ''}? They leave every session's progress, Compare
            and the rankings. Nothing is deleted: the file moves to <code>ratings/removed/</code> in the project folder, and moving it
            back restores them.
          </ConfirmStep>
        ) : null}
        <form className="rating-raters__new" onSubmit={(event) => void submit(event)}>
          <label className="rating-field">
            New rater
            <input data-testid="rater-name" type="text" placeholder="Name" maxLength={80} value={name} onChange={(event) => setName(event.target.value)} />
          </label>
          <button type="submit" data-testid="rater-create" className="button" disabled={busy || !name.trim()}>
            Add rater
          </button>
        </form>
      </div>
      <p className="muted rating-raters__note">
        {current ? `Rating as ${current.name}: answers are saved the moment they are given.` : 'Pick or add a rater to start or resume a session.'}
      </p>
    </section>
  );
}
