import { Fragment, useState } from 'react';
import type { RatingSessionSummary } from '../../../../shared/rating/rating-types';
import { plural } from '../../components/plural';
import { ConfirmStep } from './ConfirmStep';
import { skippedText } from './rating-wording';

/** Every session with each rater's progress; the current rater starts, resumes or reviews it from here. */
export function SessionList(props: {
  sessions: RatingSessionSummary[];
  rater: string | null;
  onRate(session: string): void;
  onRanking(session: string): void;
  onRemove(session: string): Promise<boolean>;
}) {
  const [removing, setRemoving] = useState<string | null>(null);
  if (props.sessions.length === 0) return <p className="muted">No sessions yet: create one to draw a sample of images.</p>;
  return (
    <table className="rating-table" data-testid="session-table">
      <thead>
        <tr>
          <th>Session</th>
          <th>Progress per rater</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {props.sessions.map((session) => {
          const mine = session.progress.find((entry) => entry.rater === props.rater);
          const finished = mine !== undefined && mine.done >= mine.total;
          const answers = session.progress.reduce((sum, entry) => sum + entry.done, 0);
          return (
            <Fragment key={session.id}>
              <tr data-testid="session-row" data-session-id={session.id}>
                <td>
                  <div className="rating-table__name">{session.name}</div>
                  <div className="muted rating-table__meta">
                    {session.labelSet.name} v{session.labelSet.version} · {session.split} · {session.mode === 'single' ? `${session.total} images` : `${session.total} pairs`}
                  </div>
                  <div className="muted rating-table__meta">
                    seed {session.seed}
                    {session.blind ? ' · blind' : ' · not blind'}
                    {session.recordTime ? ' · timed' : ''}
                    {session.mode === 'pairwise' && session.sameOwner ? ' · same owner' : ''}
                  </div>
                  {session.note ? <div className="rating-table__note">{session.note}</div> : null}
                </td>
                <td>
                  {session.progress.length === 0 ? (
                    <span className="muted">nobody yet</span>
                  ) : (
                    <ul className="rating-progress-list">
                      {session.progress.map((entry) => (
                        <li key={entry.rater} data-testid="session-progress" data-rater={entry.rater}>
                          <span>{entry.raterName}</span>
                          <meter min={0} max={Math.max(1, entry.total)} value={entry.done} aria-label={`${entry.raterName}'s progress`} />
                          <span className="rating-progress-list__count">
                            {entry.done} / {entry.total}
                            {entry.skipped > 0 ? ` ${skippedText(entry.done, entry.skipped)}` : ''}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  <div className="rating-table__actions">
                    <button
                      type="button"
                      data-testid="session-rate"
                      className={finished ? 'button button--small' : 'button button--small button--primary'}
                      disabled={!props.rater}
                      title={props.rater ? undefined : 'Pick a rater first'}
                      onClick={() => props.onRate(session.id)}
                    >
                      {finished ? 'Review' : mine && mine.done > 0 ? 'Resume' : 'Start'}
                    </button>
                    {session.mode === 'pairwise' ? (
                      <button type="button" data-testid="session-ranking" className="button button--small" onClick={() => props.onRanking(session.id)}>
                        Ranking
                      </button>
                    ) : null}
                    <button
                      type="button"
                      data-testid="session-remove"
                      className="button button--small button--quiet"
                      aria-expanded={removing === session.id}
                      onClick={() => setRemoving(removing === session.id ? null : session.id)}
                    >
                      Remove…
                    </button>
                  </div>
                </td>
              </tr>
              {removing === session.id ? (
                <tr className="rating-table__confirm">
                  <td colSpan={3}>
                    <ConfirmStep
                      testId="session-remove-confirm"
                      confirmLabel="Remove the session"
                      onCancel={() => setRemoving(null)}
                      onConfirm={async () => {
                        if (await props.onRemove(session.id)) setRemoving(null);
                      }}
                    >
                      Remove “{session.name}” and the {plural(answers, 'answer')} given in it
                      {session.progress.length > 0 ? ` by ${plural(session.progress.length, 'rater')}` : ''}? They leave Compare and the
                      rankings. Nothing is deleted: the session and its answers are kept in <code>ratings/removed/</code> in the project folder.
                    </ConfirmStep>
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
