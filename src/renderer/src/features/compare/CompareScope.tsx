import type { CompareTable, RatingSessionSummary } from '../../../../shared/rating/rating-types';
import { ratingSplits } from '../../../../shared/rating/rating-types';
import { scopeText, splitCaution, type SplitChoice } from './compare-scope';

/**
 * Which rated images the statistics and the table cover: a split of the label set and a session, both applied by the
 * backend, so every n below is over exactly these images. Says what is covered in words, and links down to the posts.
 */
export function CompareScope(props: {
  table: CompareTable;
  split: SplitChoice | null;
  /** The split the page picks by itself (test when the label set has one, else all). */
  defaultSplit: SplitChoice | null;
  splitChosen: boolean;
  session: string | null;
  sessions: RatingSessionSummary[] | null;
  onSplit(split: SplitChoice | null): void;
  onSession(session: string | null): void;
  onJumpToPosts(): void;
}) {
  const { table } = props;
  const sessionName = props.sessions?.find((candidate) => candidate.id === table.scope.session)?.name ?? null;
  const images = table.postId.length;
  const caution = props.split ? splitCaution(props.split) : null;
  return (
    <div className="card compare-scope" role="group" aria-label="What the statistics cover">
      <p className="compare-scope__text" data-testid="compare-scope" data-n={images} data-split={table.scope.split ?? 'all'} data-session={table.scope.session ?? ''}>
        Statistics over <strong>{scopeText(table.scope, sessionName, images)}</strong>
      </p>
      <div className="compare-scope__controls">
        <label className="compare-field compare-field--inline">
          Split
          <select data-testid="compare-filter-split" value={props.splitChosen ? (props.split ?? '') : ''} onChange={(event) => props.onSplit((event.target.value || null) as SplitChoice | null)}>
            <option value="">default ({props.defaultSplit ?? '…'})</option>
            <option value="all">all splits</option>
            {ratingSplits.map((split) => (
              <option key={split} value={split}>
                {split}
              </option>
            ))}
          </select>
        </label>
        <label className="compare-field compare-field--inline">
          Session
          <select data-testid="compare-filter-session" value={props.session ?? ''} onChange={(event) => props.onSession(event.target.value || null)}>
            <option value="">all sessions</option>
            {(props.sessions ?? []).map((session) => (
              <option key={session.id} value={session.id}>
                {session.name} ({session.split}, {session.total} images)
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--small compare-scope__jump" data-testid="compare-jump-posts" onClick={props.onJumpToPosts}>
          ↓ Rated posts ({images})
        </button>
      </div>
      <p className="muted compare-scope__hint" data-testid="compare-scope-hint">
        {caution ?? 'Test images were neither trained on nor used to pick the best epoch: the fair comparison for the model.'} The default
        is the test split when the label set has one, else all splits: val is where the model's best epoch was picked.
      </p>
    </div>
  );
}
