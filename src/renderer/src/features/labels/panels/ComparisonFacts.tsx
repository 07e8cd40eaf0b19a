import type { RuleComparison } from '../../../../../shared/labeling/agreement';
import { formatCount, formatPercent } from './format';

/** How two labelings differ: how many each labels, how many both label, how many of those flip class. */
export function ComparisonFacts(props: { a: string; b: string; result: RuleComparison; note?: string }) {
  const { result } = props;
  return (
    <dl className="labels-comparison" data-testid="labels-comparison">
      <div>
        <dt>labeled by {props.a}</dt>
        <dd>{formatCount(result.labeledByA)}</dd>
      </div>
      <div>
        <dt>labeled by {props.b}</dt>
        <dd>{formatCount(result.labeledByB)}</dd>
      </div>
      <div>
        <dt>labeled by both</dt>
        <dd>{formatCount(result.both)}</dd>
      </div>
      <div>
        <dt>flip class (good ↔ bad)</dt>
        <dd data-testid="labels-comparison-flips">{formatCount(result.flips)}</dd>
      </div>
      <div>
        <dt>agreement</dt>
        <dd data-testid="labels-comparison-agreement">{formatPercent(result.agreement)}</dd>
      </div>
      {props.note ? <p className="muted labels-comparison__note">{props.note}</p> : null}
    </dl>
  );
}
