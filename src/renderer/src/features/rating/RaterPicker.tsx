import { useState, type FormEvent } from 'react';
import type { RaterSummary } from '../../../../shared/rating/rating-types';
import { plural } from '../../components/plural';

/** Who is rating: an existing rater, or a new one by name (each rater's answers go to their own file). */
export function RaterPicker(props: { raters: RaterSummary[]; current: string | null; onPick(id: string | null): void; onCreate(name: string): Promise<void> }) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
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

  return (
    <section className="card rating-raters" aria-label="Rater">
      <h2 className="card__title">Who is rating?</h2>
      <div className="rating-raters__row">
        <label className="rating-field">
          Rater
          <select data-testid="rater-select" value={current?.id ?? ''} onChange={(event) => props.onPick(event.target.value || null)}>
            <option value="">{props.raters.length === 0 ? 'No raters yet' : 'Choose a rater…'}</option>
            {props.raters.map((rater) => (
              <option key={rater.id} value={rater.id}>
                {rater.name} ({plural(rater.ratings, 'rating')}
                {rater.judgments > 0 ? `, ${plural(rater.judgments, 'judgment')}` : ''})
              </option>
            ))}
          </select>
        </label>
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
        {current ? `Rating as ${current.name}. Your answers are saved the moment you give them.` : 'Pick or add a rater to start or resume a session.'}
      </p>
    </section>
  );
}
