import { excludedReasons } from '../model/population';
import { formatCount } from './format';

/** Why posts left the population, largest reason first. */
export function ExcludedList(props: { excluded: Record<string, number> }) {
  const reasons = excludedReasons(props.excluded);
  if (reasons.length === 0) {
    return (
      <p className="muted" data-testid="labels-excluded">
        No post was left out.
      </p>
    );
  }
  return (
    <ul className="labels-excluded" data-testid="labels-excluded">
      {reasons.map(({ reason, count }) => (
        <li key={reason}>
          <span className="labels-excluded__count">{formatCount(count)}</span> {reason}
        </li>
      ))}
    </ul>
  );
}
