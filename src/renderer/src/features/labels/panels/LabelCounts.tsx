import { Stat, StatRow } from '../../../components/Stat';
import type { Labeling } from '../model/use-labeling';
import { formatShare } from './format';

/** How many posts each class holds, out of the population. */
export function LabelCounts(props: { labeling: Labeling }) {
  const { counts, population } = props.labeling;
  const share = (count: number) => (population.n > 0 ? formatShare(count / population.n) : '—');
  return (
    <StatRow>
      <Stat label="in the population" value={population.n} testId="labels-count-population" />
      <Stat label={`good (${share(counts.good)})`} value={counts.good} testId="labels-count-good" tone="good" />
      <Stat label={`bad (${share(counts.bad)})`} value={counts.bad} testId="labels-count-bad" tone="bad" />
      <Stat label={`none (${share(counts.none)})`} value={counts.none} testId="labels-count-none" />
    </StatRow>
  );
}
