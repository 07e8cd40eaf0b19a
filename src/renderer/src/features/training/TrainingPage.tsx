import type { PageProps } from '../../app/page-props';
import { Checklist } from '../../components/Checklist';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { plural } from '../../components/plural';
import { BackendCapabilityNote } from './BackendCapabilityNote';

export function TrainingPage({ project, backend, navigate }: PageProps) {
  const { labelSets, runs } = project.counts;
  return (
    <Page
      id="train"
      title="Train"
      lead="Teach a network to tell good selfies from bad ones: a pretrained backbone with a small head on top."
    >
      <BackendCapabilityNote backend={backend} />
      {labelSets === 0 ? (
        <EmptyState title="Training needs a label set" icon="◇">
          <p>This project has {plural(labelSets, 'label set')}. Create one from your posts on the Labels page.</p>
          <Checklist
            items={[
              { done: project.counts.posts > 0, label: 'Posts imported', detail: plural(project.counts.posts, 'post') },
              { done: labelSets > 0, label: 'A label set', detail: plural(labelSets, 'label set') },
            ]}
          />
          <button type="button" className="button button--primary" onClick={() => navigate('labels')}>
            Go to Labels
          </button>
        </EmptyState>
      ) : (
        <EmptyState title={runs === 0 ? 'No training runs yet' : `${plural(runs, 'training run')}`} icon="◇">
          <p>
            {plural(labelSets, 'label set')} ready. Starting runs and watching their loss curves from this window
            arrives with the training feature.
          </p>
        </EmptyState>
      )}
    </Page>
  );
}
