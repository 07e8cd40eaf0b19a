import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { LabelSetSummary } from '../../../../shared/labeling/label-set';
import type { PageProps } from '../../app/page-props';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { Spinner } from '../../components/Spinner';
import { PopulationControls } from './controls/PopulationControls';
import { RuleControls } from './controls/RuleControls';
import { SplitControls } from './controls/SplitControls';
import { LabelLab } from './LabelLab';
import { defaultEditorState, fromRuleParams, toRuleInput, type PopulationFilters, type RuleEditorState } from './model/editor-state';
import { usePopulation } from './model/use-population';
import { ExcludedList } from './panels/ExcludedList';
import { formatCount } from './panels/format';
import { LabelSetList } from './sets/LabelSetList';
import { SaveLabelSet } from './sets/SaveLabelSet';
import { useLabelSets } from './sets/use-label-sets';

/**
 * The labeling lab: choose a rule and its thresholds while seeing, live, which posts it calls good and bad, then
 * save the result as a versioned label set. Only the population filters ask the backend; every rule, threshold and
 * split recomputes here from the population's columns.
 */
export function LabelsPage({ project, navigate }: PageProps) {
  const [editor, setEditorState] = useState<RuleEditorState>(defaultEditorState);
  const setEditor = useCallback((update: (state: RuleEditorState) => RuleEditorState) => setEditorState(update), []);
  const { population, loading, error } = usePopulation(editor.filters);
  const labelSets = useLabelSets();
  // Stable callbacks (reading the latest editor from a ref), so the memoised panels skip a slider step's render.
  const latest = useRef(editor);
  useLayoutEffect(() => {
    latest.current = editor;
  });
  const { save } = labelSets;
  const onSave = useCallback((name: string) => save(name, toRuleInput(latest.current)), [save]);
  const onLoad = useCallback((set: LabelSetSummary) => setEditorState((state) => fromRuleParams(set.params, state)), []);
  const onFilters = useCallback((filters: PopulationFilters) => setEditorState((state) => ({ ...state, filters })), []);
  const onSplit = useCallback((patch: Partial<Pick<RuleEditorState, 'val' | 'test' | 'seed'>>) => setEditorState((state) => ({ ...state, ...patch })), []);
  const openFaces = useCallback(() => navigate('faces'), [navigate]);
  const lead = 'Which selfies did unusually well, and which unusually badly, for their audience? Pick a rule, drag its thresholds, save the labels.';

  if (project.counts.posts === 0) {
    return (
      <Page id="labels" wide title="Labels" lead={lead}>
        <EmptyState title="No posts yet" icon="⚖">
          <p>Labels are made from posts with a like count and a follower count. Import some on the Dataset page first.</p>
          <button type="button" className="button button--primary" onClick={() => navigate('dataset')}>
            Import posts
          </button>
        </EmptyState>
      </Page>
    );
  }

  const tooSmall = population !== null && population.n < 3;
  return (
    <Page id="labels" wide title="Labels" lead={lead}>
      <div className="labels-controls-row">
        <RuleControls state={editor} onChange={setEditorState} />
        <PopulationControls filters={editor.filters} population={population} loading={loading} onChange={onFilters} onOpenFaces={openFaces} />
        <SplitControls val={editor.val} test={editor.test} seed={editor.seed} onChange={onSplit} />
      </div>
      <div className="labels-status" aria-live="polite">
        {loading ? <Spinner label={population ? 'Updating the population…' : 'Loading the population…'} /> : null}
        {error ? <span className="labels-note--warn">Could not load the population: {error.message}</span> : null}
        {population && !tooSmall ? (
          <details className="labels-excluded-details">
            <summary>
              {formatCount(population.n)} posts in the population · {formatCount(Object.values(population.excluded).reduce((sum, count) => sum + count, 0))} left out
            </summary>
            <ExcludedList excluded={population.excluded} />
          </details>
        ) : null}
      </div>
      {tooSmall ? (
        <EmptyState title={`Too few posts to label (${population.n} in the population)`} icon="⚖">
          <p>A rule needs at least 3 posts. These were left out:</p>
          <ExcludedList excluded={population.excluded} />
          <p className="muted">
            Likes count only from a snapshot captured ≥ {population.minDays} days after posting. Loosen the filters above
            {!population.facesDetected && editor.filters.faces === 'required' ? ', or run face detection on the Faces page or set faces: ignore' : ''}.
          </p>
        </EmptyState>
      ) : null}
      {population && !tooSmall ? <LabelLab population={population} editor={editor} setEditor={setEditor} sets={labelSets.sets} /> : null}
      <section className="card labels-sets-card" data-testid="labels-sets-card" aria-labelledby="labels-sets-title">
        <h2 id="labels-sets-title" className="card__title">
          Label sets
        </h2>
        <SaveLabelSet sets={labelSets.sets} busy={labelSets.busy} disabled={!population || tooSmall} onSave={onSave} />
        <LabelSetList state={labelSets} onLoad={onLoad} />
      </section>
    </Page>
  );
}
