import { useState, type FormEvent } from 'react';
import type { LabelSetSummary } from '../../../../shared/labeling/label-set';
import { ratingSplits, type CreateSessionInput, type RatingMode, type RatingSplit } from '../../../../shared/rating/rating-types';
import { balancedCapacity, defaultSplit } from './default-split';
import { createSessionBlocker } from './rating-wording';

/** A new session: which images (label set, split, size, seed), how they are shown (single/pairwise, blind, timed). */
export function NewSessionForm(props: { labelSets: LabelSetSummary[]; rater: string | null; busy: boolean; onCreate(input: CreateSessionInput): void }) {
  const [labelSet, setLabelSet] = useState(props.labelSets[0]?.id ?? '');
  const [split, setSplit] = useState<RatingSplit | null>(null);
  const [size, setSize] = useState(50);
  const [seed, setSeed] = useState(1);
  const [mode, setMode] = useState<RatingMode>('single');
  const [sameOwner, setSameOwner] = useState(true);
  const [blind, setBlind] = useState(true);
  const [recordTime, setRecordTime] = useState(true);
  const [name, setName] = useState('');

  const set = props.labelSets.find((candidate) => candidate.id === labelSet);
  const chosenSplit = split ?? defaultSplit(set);
  const capacity = balancedCapacity(set, chosenSplit);
  const splitImages = set ? set.splits[chosenSplit].good + set.splits[chosenSplit].bad : 0;
  const blocker = createSessionBlocker(set, chosenSplit, props.rater);
  const numbersValid = Number.isInteger(size) && size >= 2 && Number.isInteger(seed) && seed >= 0;
  const valid = blocker === null && numbersValid;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!set || !valid) return;
    props.onCreate({ labelSet: set.id, split: chosenSplit, size, seed, mode, sameOwner, blind, recordTime, ...(name.trim() ? { name: name.trim() } : {}) });
  };

  return (
    <form className="card rating-form" onSubmit={submit} aria-label="New rating session">
      <h2 className="card__title">New session</h2>
      <label className="rating-field">
        Label set
        <select data-testid="session-labelset" value={labelSet} onChange={(event) => setLabelSet(event.target.value)}>
          {props.labelSets.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name} (v{candidate.version}, {candidate.good} good / {candidate.bad} bad)
            </option>
          ))}
        </select>
      </label>
      <div className="rating-form__grid">
        <label className="rating-field rating-form__wide">
          Split
          <select data-testid="session-split" value={split ?? ''} onChange={(event) => setSplit((event.target.value || null) as RatingSplit | null)}>
            <option value="">Default ({defaultSplit(set)})</option>
            {ratingSplits.map((name) => (
              <option key={name} value={name}>
                {name} ({set ? `${set.splits[name].good} good / ${set.splits[name].bad} bad` : '–'})
              </option>
            ))}
          </select>
        </label>
        <label className="rating-field rating-form__wide">
          Mode
          <select data-testid="session-mode" value={mode} onChange={(event) => setMode(event.target.value as RatingMode)}>
            <option value="single">Single: is this image good or bad?</option>
            <option value="pairwise">Pairwise: which of two is better?</option>
          </select>
        </label>
        <label className="rating-field">
          {mode === 'single' ? 'Images' : 'Pairs'}
          <input data-testid="session-size" type="number" min={2} max={10000} step={1} value={size} onChange={(event) => setSize(Number(event.target.value))} />
        </label>
        <label className="rating-field">
          Seed
          <input data-testid="session-seed" type="number" min={0} step={1} value={seed} onChange={(event) => setSeed(Number(event.target.value))} />
        </label>
      </div>
      <p className="muted rating-form__note" data-testid="session-capacity" data-split-images={splitImages}>
        {!set
          ? 'Choose a label set.'
          : mode === 'single'
            ? `The ${chosenSplit} split has ${splitImages} labeled images; a balanced sample (half good, half bad) holds at most ${capacity}.${size > capacity ? ` This session will hold ${capacity}.` : ''}`
            : `Size is the number of pairs. Pairs are drawn from all ${splitImages} labeled images of the ${chosenSplit} split (not a balanced sample: the pairs mirror the split's good/bad mix).`}
      </p>
      {mode === 'pairwise' ? (
        <label className="rating-check">
          <input data-testid="session-same-owner" type="checkbox" checked={sameOwner} onChange={(event) => setSameOwner(event.target.checked)} />
          <span>
            Pair images of the same owner (so the comparison is about the photo, not the person)
            <span className="muted rating-check__hint">
              {' '}
              Only as far as owners have several images in the split; the remaining pairs mix owners, and the session says how many.
            </span>
          </span>
        </label>
      ) : null}
      <label className="rating-check">
        <input data-testid="session-blind" type="checkbox" checked={blind} onChange={(event) => setBlind(event.target.checked)} />
        Blind: show no likes, followers, label or prediction
      </label>
      <label className="rating-check">
        <input data-testid="session-record-time" type="checkbox" checked={recordTime} onChange={(event) => setRecordTime(event.target.checked)} />
        Record the time spent per image
      </label>
      <label className="rating-field">
        Name (optional)
        <input data-testid="session-name" type="text" maxLength={200} placeholder="e.g. test split, 50 images" value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      {blocker ? (
        <p className="rating-form__blocker" data-testid="session-create-blocked" role="status">
          {blocker}
        </p>
      ) : null}
      <button type="submit" data-testid="session-create" className="button button--primary" disabled={props.busy || !valid} title={blocker ?? undefined}>
        {props.busy ? 'Drawing the sample…' : 'Create session'}
      </button>
    </form>
  );
}
