import type { LabelSetSummary } from '../../../../shared/labeling/label-set';
import type { CreateSessionInput, RaterSummary, RatingSessionSummary } from '../../../../shared/rating/rating-types';
import { NewSessionForm } from './NewSessionForm';
import { RaterPicker } from './RaterPicker';
import { SessionList } from './SessionList';

/** The Rate page before rating: who rates, the sessions with everyone's progress, and a form for a new session. */
export function SessionsOverview(props: {
  raters: RaterSummary[] | null;
  rater: string | null;
  sessions: RatingSessionSummary[] | null;
  labelSets: LabelSetSummary[] | null;
  creating: boolean;
  onPickRater(id: string | null): void;
  onCreateRater(name: string): Promise<void>;
  onRenameRater(id: string, name: string): Promise<unknown>;
  onRemoveRater(id: string): Promise<boolean>;
  onRemoveSession(session: string): Promise<boolean>;
  onCreateSession(input: CreateSessionInput): void;
  onRate(session: string): void;
  onRanking(session: string): void;
}) {
  return (
    <div className="rating-layout">
      <div className="rating-layout__side">
        {props.raters ? (
          <RaterPicker
            raters={props.raters}
            current={props.rater}
            onPick={props.onPickRater}
            onCreate={props.onCreateRater}
            onRename={props.onRenameRater}
            onRemove={props.onRemoveRater}
          />
        ) : (
          <p className="muted">Loading raters…</p>
        )}
        {props.labelSets ? <NewSessionForm labelSets={props.labelSets} rater={props.rater} busy={props.creating} onCreate={props.onCreateSession} /> : null}
      </div>
      <section className="card rating-sessions" aria-label="Rating sessions">
        <h2 className="card__title">Sessions</h2>
        <p className="muted rating-sessions__lead">
          A session's images are drawn once (seeded, half good and half bad by the likes-derived label), so every rater
          sees the same sample and their agreement can be measured.
        </p>
        {props.sessions ? (
          <SessionList sessions={props.sessions} rater={props.rater} onRate={props.onRate} onRanking={props.onRanking} onRemove={props.onRemoveSession} />
        ) : (
          <p className="muted">Loading sessions…</p>
        )}
      </section>
    </div>
  );
}
