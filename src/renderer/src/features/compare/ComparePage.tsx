import { useRef } from 'react';
import type { PageProps } from '../../app/page-props';
import { Checklist } from '../../components/Checklist';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { plural } from '../../components/plural';
import { Spinner } from '../../components/Spinner';
import { CompareScope } from './CompareScope';
import { CompareSources } from './CompareSources';
import { defaultCompareSplit } from './compare-scope';
import { CompareWorkspace } from './CompareWorkspace';
import { StatisticsPanel } from './StatisticsPanel';
import { useCompare } from './use-compare';

const lead = 'You vs Instagram vs the model: how often do your ratings, the like-based labels and the predictions agree?';

export function ComparePage({ project, navigate }: PageProps) {
  const compare = useCompare();
  const { table, query, setQuery } = compare;
  const posts = useRef<HTMLElement>(null);
  const labelSets = compare.labelSets?.length ?? project.counts.labelSets;
  const runs = compare.runs?.length ?? project.counts.runs;
  // A split or session with no rated images still shows the page (n = 0 says so); only no ratings at all is empty.
  const restricted = table ? table.scope.split !== null || table.scope.session !== null : false;
  const rated = table ? restricted || (table.raters.length > 0 && table.postId.length > 0) : false;
  const set = compare.labelSets?.find((candidate) => candidate.id === table?.labelSet?.id);

  if (!table) {
    return (
      <Page id="compare" title="Compare" lead={lead}>
        {compare.error ? <p className="card compare-error">The comparison could not be made: {compare.error.message}</p> : <Spinner label="Loading the comparison…" />}
      </Page>
    );
  }

  if (!rated) {
    return (
      <Page id="compare" title="Compare" lead={lead}>
        <EmptyState title="No ratings yet" icon="⇄">
          <p>
            The comparison puts three judges side by side on the same images: your blind ratings, the labels derived from
            likes, and a trained model's predictions. Rate a session first; then every statistic appears here with its n.
            (Pairwise judgments are not good/bad ratings: their Bradley–Terry ranking is on the Rate page.)
          </p>
          <Checklist
            items={[
              { done: labelSets > 0, label: 'A label set', detail: plural(labelSets, 'label set') },
              { done: runs > 0, label: 'A trained model (optional)', detail: plural(runs, 'run') },
              { done: false, label: 'Your ratings', detail: 'none yet' },
            ]}
          />
          <button type="button" className="button button--primary" data-testid="compare-go-rate" onClick={() => navigate(labelSets > 0 ? 'rate' : 'labels')}>
            {labelSets > 0 ? 'Go to Rate' : 'Go to Labels'}
          </button>
        </EmptyState>
      </Page>
    );
  }

  return (
    <Page id="compare" title="Compare" lead={lead} wide>
      <div className="compare-layout" data-testid="compare-ready" aria-busy={compare.loading}>
        <CompareSources
          table={table}
          labelSets={compare.labelSets}
          runs={compare.runs}
          // A run is trained on one label set, and the default split and the sessions depend on it: start afresh.
          onLabelSet={(labelSet) => setQuery({ ...query, labelSet, run: null, split: null, session: null })}
          onRun={(run) => setQuery({ ...query, run })}
        />
        <CompareScope
          table={table}
          split={compare.split}
          defaultSplit={set ? defaultCompareSplit(set) : null}
          splitChosen={query.split !== null}
          session={compare.session}
          sessions={compare.sessions}
          onSplit={(split) => setQuery({ ...query, split })}
          onSession={(session) => setQuery({ ...query, session })}
          onJumpToPosts={() => {
            posts.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
            posts.current?.focus({ preventScroll: true });
          }}
        />
        {compare.error ? <p className="card compare-error">{compare.error.message}</p> : null}
        <StatisticsPanel table={table} />
        <CompareWorkspace
          ref={posts}
          table={table}
          filters={query.filters}
          sort={query.sort}
          onFilters={(filters) => setQuery({ ...query, filters })}
          onSort={(sort) => setQuery({ ...query, sort })}
        />
      </div>
    </Page>
  );
}
