import type { PageProps } from '../../app/page-props';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { plural } from '../../components/plural';
import { labelingRules } from './labeling-rules';

export function LabelsPage({ project, navigate }: PageProps) {
  const { posts, faces, labelSets } = project.counts;
  const snapshotDays = project.settings.likesSnapshotMinDays;
  return (
    <Page
      id="labels"
      title="Labels"
      lead="Turn likes into labels: which selfies did unusually well, and which unusually badly, for their audience?"
    >
      <div className="card-grid">
        {labelingRules.map((rule) => (
          <article key={rule.name} className="card rule-card">
            <h2 className="card__title">{rule.name}</h2>
            <p>{rule.summary}</p>
          </article>
        ))}
      </div>
      <p className="muted page__note">
        Likes are read from the first snapshot captured at least {plural(snapshotDays, 'day')} after posting, so
        young posts do not count as unpopular.
      </p>
      {labelSets > 0 ? (
        <EmptyState title={`${plural(labelSets, 'label set')} saved`} icon="⚖">
          <p>The label set editor arrives with the labeling feature. Next step: train a model on a label set.</p>
          <button type="button" className="button button--primary" onClick={() => navigate('train')}>
            Go to Train
          </button>
        </EmptyState>
      ) : (
        <EmptyState title="No label sets yet" icon="⚖">
          <p>
            Labeling needs posts with likes and followers, ideally filtered to images with exactly one face. This
            project has {plural(posts, 'post')} and {plural(faces, 'image')} with one face.
          </p>
          {posts === 0 ? (
            <button type="button" className="button" onClick={() => navigate('dataset')}>
              Import posts first
            </button>
          ) : (
            <p className="muted">Choosing a rule and its thresholds in this window arrives with the labeling feature.</p>
          )}
        </EmptyState>
      )}
    </Page>
  );
}
