import type { PageProps } from '../../app/page-props';
import { Checklist } from '../../components/Checklist';
import { EmptyState } from '../../components/EmptyState';
import { Page } from '../../components/Page';
import { plural } from '../../components/plural';
import { RankingView } from './RankingView';
import { RatingView } from './RatingView';
import { SessionsOverview } from './SessionsOverview';
import { useRaters } from './use-raters';
import { useRatingRoute } from './rating-route';
import { useRatingSessions } from './use-rating-sessions';

const lead = "Judge selfies yourself, one at a time or in pairs; a blind session hides the likes, the owner and the model's opinion.";
const blindLead = "Blind rating: judge each selfie yourself, without seeing its likes, its owner or the model's opinion.";
const openLead = 'Not blind: each image shows its likes, its owner\'s followers and its Instagram label while you judge it.';

export function RatingPage({ project, navigate }: PageProps) {
  const [route, go] = useRatingRoute();
  const { raters, create: createRater, rename: renameRater, remove: removeRater, reload: reloadRaters } = useRaters();
  const sessions = useRatingSessions();
  const labelSetCount = sessions.labelSets?.length ?? project.counts.labelSets;
  const rater = raters?.some((candidate) => candidate.id === route.rater) ? route.rater : null;

  const backToList = () => {
    void sessions.reload();
    void reloadRaters();
    go({ rater: route.rater, session: null, view: null });
  };

  if (route.session && route.view === 'rate' && route.rater) {
    const blind = sessions.sessions?.find((session) => session.id === route.session)?.blind;
    return (
      <Page id="rate" title="Rate" lead={blind === undefined ? lead : blind ? blindLead : openLead} wide>
        <RatingView
          key={`${route.session}/${route.rater}`}
          session={route.session}
          rater={route.rater}
          navigate={navigate}
          onRanking={() => go({ ...route, view: 'ranking' })}
          onBack={backToList}
        />
      </Page>
    );
  }

  if (route.session && route.view === 'ranking') {
    const name = sessions.sessions?.find((session) => session.id === route.session)?.name ?? null;
    return (
      <Page id="rate" title="Rate" lead={lead}>
        <RankingView key={route.session} session={route.session} sessionName={name} onBack={backToList} />
      </Page>
    );
  }

  if (labelSetCount === 0 && (sessions.sessions?.length ?? 0) === 0) {
    return (
      <Page id="rate" title="Rate" lead={lead}>
        <EmptyState title="Rating needs a label set" icon="★">
          <p>
            A rating session shows the images of a label set one at a time, in random order, and saves your answers per
            rater, so several people can rate the same images and their agreement can be measured. This project has{' '}
            {plural(labelSetCount, 'label set')} and {plural(raters?.length ?? project.counts.raters, 'rater')}.
          </p>
          <Checklist
            items={[
              { done: false, label: 'A label set', detail: 'chooses which images are rated' },
              { done: (raters?.length ?? 0) > 0, label: 'Ratings', detail: plural(raters?.length ?? project.counts.raters, 'rater') },
            ]}
          />
          <button type="button" className="button button--primary" onClick={() => navigate('labels')}>
            Go to Labels
          </button>
        </EmptyState>
      </Page>
    );
  }

  return (
    <Page id="rate" title="Rate" lead={lead} wide>
      <SessionsOverview
        raters={raters}
        rater={rater}
        sessions={sessions.sessions}
        labelSets={sessions.labelSets}
        creating={sessions.creating}
        onPickRater={(id) => go({ rater: id, session: null, view: null })}
        onCreateRater={async (name) => {
          const created = await createRater(name);
          if (created) go({ rater: created.id, session: null, view: null });
        }}
        onRenameRater={renameRater}
        onRemoveRater={async (id) => {
          const removed = await removeRater(id);
          if (removed && id === route.rater) go({ rater: null, session: null, view: null });
          return removed;
        }}
        onRemoveSession={sessions.remove}
        onCreateSession={(input) =>
          void sessions.create(input).then((created) => {
            if (created && rater) go({ rater, session: created.id, view: 'rate' });
          })
        }
        onRate={(session) => rater && go({ rater, session, view: 'rate' })}
        onRanking={(session) => go({ rater: route.rater, session, view: 'ranking' })}
      />
    </Page>
  );
}
