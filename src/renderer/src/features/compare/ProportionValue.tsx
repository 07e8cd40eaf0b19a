import type { ProportionStat } from '../../../../shared/rating/agreement-statistics';
import { ciText, proportionHeadline } from './compare-format';

/** A proportion with its 95% Wilson interval and n; a statistic that is not defined prints why, never NaN. */
export function ProportionValue(props: { stat: ProportionStat | null; testId?: string; absent?: string }) {
  const { stat } = props;
  if (stat === null) return <span className="muted">{props.absent ?? '–'}</span>;
  const ci = ciText(stat.ci);
  return (
    <span className="compare-stat" data-testid={props.testId} data-n={stat.n} data-successes={stat.successes}>
      <span className={stat.value === null ? 'compare-stat__reason' : 'compare-stat__value'} data-testid={props.testId ? `${props.testId}-value` : undefined}>
        {proportionHeadline(stat)}
      </span>
      {ci ? <span className="compare-stat__ci">{ci}</span> : null}
      <span className="compare-stat__n">
        {stat.successes} of n = {stat.n}
      </span>
    </span>
  );
}
