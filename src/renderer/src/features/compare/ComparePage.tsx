import type { PageProps } from '../../app/page-props';
import { Checklist } from '../../components/Checklist';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { plural } from '../../components/plural';

export function ComparePage({ project }: PageProps) {
  const { labelSets, runs, raters } = project.counts;
  const ready = labelSets > 0 && runs > 0 && raters > 0;
  return (
    <Page
      id="compare"
      title="Compare"
      lead="You vs Instagram vs the model: how often do your ratings, the like-based labels and the predictions agree?"
    >
      <div className="card-grid card-grid--three">
        <article className="card versus-card">
          <h2 className="card__title">You</h2>
          <p>Your blind ratings from the Rate page.</p>
        </article>
        <article className="card versus-card">
          <h2 className="card__title">Instagram</h2>
          <p>The labels derived from likes and followers.</p>
        </article>
        <article className="card versus-card">
          <h2 className="card__title">The model</h2>
          <p>Predictions of a trained run on held-out images.</p>
        </article>
      </div>
      <EmptyState title={ready ? 'Ready to compare' : 'Nothing to compare yet'} icon="⇄">
        <p>
          The comparison puts the three judges side by side on the same test images: pairwise agreement, accuracy
          against the like-based labels, and the images where you disagree most.
        </p>
        <Checklist
          items={[
            { done: labelSets > 0, label: 'A label set', detail: plural(labelSets, 'label set') },
            { done: runs > 0, label: 'A trained model', detail: plural(runs, 'run') },
            { done: raters > 0, label: 'Your ratings', detail: plural(raters, 'rater') },
          ]}
        />
        {ready ? <p className="muted">The comparison view arrives with the compare feature.</p> : null}
      </EmptyState>
    </Page>
  );
}
