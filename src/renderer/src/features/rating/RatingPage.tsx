import type { PageProps } from '../../app/page-props';
import { Checklist } from '../../components/Checklist';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { plural } from '../../components/plural';

export function RatingPage({ project, navigate }: PageProps) {
  const { labelSets, raters } = project.counts;
  return (
    <Page
      id="rate"
      title="Rate"
      lead="Blind rating: judge each selfie yourself, without seeing its likes, its owner or the model's opinion."
    >
      <EmptyState title={labelSets === 0 ? 'Rating needs a label set' : 'No rating sessions yet'} icon="★">
        <p>
          A rating session shows the images of a label set one at a time, in random order, and saves your answers per
          rater, so several people can rate the same images and their agreement can be measured. This project has{' '}
          {plural(labelSets, 'label set')} and {plural(raters, 'rater')}.
        </p>
        <Checklist
          items={[
            { done: labelSets > 0, label: 'A label set', detail: 'chooses which images are rated' },
            { done: raters > 0, label: 'Ratings', detail: plural(raters, 'rater') },
          ]}
        />
        {labelSets === 0 ? (
          <button type="button" className="button button--primary" onClick={() => navigate('labels')}>
            Go to Labels
          </button>
        ) : (
          <p className="muted">Rating sessions arrive with the rating feature.</p>
        )}
      </EmptyState>
    </Page>
  );
}
