import { memo } from 'react';
import type { PopulationFilters } from '../model/editor-state';
import type { Population } from '../model/population';
import { NumberField } from './NumberField';

/** Which posts the rule labels: the face rule and optional bounds. Changing these asks the backend again. */
export const PopulationControls = memo(function PopulationControls(props: {
  filters: PopulationFilters;
  population: Population | null;
  loading: boolean;
  onChange(filters: PopulationFilters): void;
  onOpenFaces(): void;
}) {
  const { filters, population } = props;
  const set = <K extends keyof PopulationFilters>(key: K) => (value: PopulationFilters[K]) => props.onChange({ ...filters, [key]: value });
  const facesMissing = population !== null && !population.facesDetected;
  return (
    <section className="card labels-controls" aria-labelledby="labels-population-title">
      <h2 id="labels-population-title" className="card__title">
        Population
      </h2>
      <p className="labels-controls__definition">
        Posts with a like count captured ≥ {population?.minDays ?? '…'} days after posting and a follower count; not deleted, not videos.
      </p>
      <div className="labels-controls__fields">
        <label className="labels-field" htmlFor="labels-faces">
          <span className="labels-field__label">Faces</span>
          <select id="labels-faces" data-testid="labels-faces" value={filters.faces} onChange={(event) => set('faces')(event.target.value as PopulationFilters['faces'])}>
            <option value="required">exactly one face</option>
            <option value="ignore">ignore</option>
          </select>
        </label>
        <NumberField id="labels-min-followers" testId="labels-min-followers" label="Followers ≥" optional min={0} placeholder="any" value={filters.minFollowers} onChange={set('minFollowers')} />
        <NumberField id="labels-max-followers" testId="labels-max-followers" label="Followers ≤" optional min={0} placeholder="any" value={filters.maxFollowers} onChange={set('maxFollowers')} />
        <NumberField id="labels-max-hashtags" testId="labels-max-hashtags" label="Hashtags ≤" optional min={0} step={1} placeholder="any" value={filters.maxHashtags} onChange={set('maxHashtags')} />
        <NumberField id="labels-min-age" testId="labels-min-age" label="Age at capture ≥ (days)" optional min={0} placeholder="any" value={filters.minAgeDays} onChange={set('minAgeDays')} />
      </div>
      {facesMissing && filters.faces === 'required' ? (
        <div className="labels-note labels-note--warn" role="status" data-testid="labels-faces-note">
          <p>
            Faces have not been detected yet, so no post passes the face rule. Run face detection on the Faces page or set faces: ignore.
          </p>
          <div className="labels-note__actions">
            <button type="button" className="button button--small" onClick={props.onOpenFaces}>
              Go to Faces
            </button>
            <button type="button" className="button button--small" data-testid="labels-faces-ignore" onClick={() => set('faces')('ignore')}>
              Set faces: ignore
            </button>
          </div>
        </div>
      ) : null}
      {facesMissing && filters.faces === 'ignore' ? (
        <p className="labels-note muted" data-testid="labels-faces-note">
          Faces ignored: images with no face or several faces are labeled too (face detection has not run yet).
        </p>
      ) : null}
    </section>
  );
});
