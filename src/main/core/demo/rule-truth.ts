import { labelRuleParams, type LabelRuleInput } from '../../../shared/labeling/label-set';
import { computeLabelSet } from '../labeling/compute-label-set';
import { labelPopulation } from '../labeling/label-population';
import { facePassOf } from '../labeling/face-pass';
import type { ProjectSession } from '../projects/project-session';

export interface RuleTruth {
  rule: string;
  labeled: number;
  /** Share of labels that agree with the simulated quality (good = above the median q). */
  accuracy: number | null;
}

/** The three rules at their defaults, scored against the simulated truth (the demo summary's "how noisy is each rule"). */
export function scoreRulesAgainstTruth(project: ProjectSession): RuleTruth[] {
  const facePass = facePassOf(project);
  const faces = facePass ? 'required' : 'ignore';
  const rules: Array<[string, LabelRuleInput]> = [
    ['residual, top/bottom 10% (the study)', { strategy: 'residual', faces }],
    ['Karpathy, groups of 100', { strategy: 'karpathy', groupSize: 100, faces }],
    ['likes/follower ratio, median split', { strategy: 'ratio', faces }],
  ];
  const minDays = project.project.data.settings.likesSnapshotMinDays;
  return rules.map(([rule, input]) => {
    const params = labelRuleParams.parse(input);
    const population = labelPopulation(project.postTable, params, minDays, facePass);
    if (population.ids.length < 3) return { rule, labeled: 0, accuracy: null };
    const { summary } = computeLabelSet(population, params);
    return { rule, labeled: summary.good + summary.bad, accuracy: summary.truth?.accuracy ?? null };
  });
}
