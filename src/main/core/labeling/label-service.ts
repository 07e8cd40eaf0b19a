import { compareLabels, type RuleComparison } from '../../../shared/labeling/agreement';
import { labelRuleParams, type LabelRuleInput, type LabelRuleParams, type LabelSetItems, type LabelSetSummary } from '../../../shared/labeling/label-set';
import type { LabelPopulationPayload } from '../../../shared/labeling/label-views';
import { AppFailure } from '../../../shared/result';
import type { ProjectSession } from '../projects/project-session';
import { computeLabelSet } from './compute-label-set';
import { labelPopulation, type FacePass } from './label-population';
import { LabelSets } from './label-sets';

/** The labeling operations behind the API, the CLI and the demo's label stage. */
export class LabelService {
  readonly sets: LabelSets;

  constructor(
    private readonly project: ProjectSession,
    /** The face rule's verdict per post row, or null when this version cannot tell. */
    private readonly facePass: () => FacePass | null,
  ) {
    this.sets = new LabelSets(project);
  }

  private get minDays(): number {
    return this.project.project.data.settings.likesSnapshotMinDays;
  }

  population(input: LabelRuleInput): LabelPopulationPayload {
    const params = labelRuleParams.parse(input);
    const facePass = this.facePass();
    const population = labelPopulation(this.project.postTable, params, this.minDays, facePass);
    const quality = Array.from(population.quality, (q) => (Number.isFinite(q) ? q : null));
    return {
      ids: population.ids,
      owners: population.owners,
      likes: Array.from(population.likes),
      followers: Array.from(population.followers),
      hashtags: Array.from(population.hashtags),
      quality,
      duplicateOf: Array.from(population.duplicateOf),
      excluded: population.excluded,
      minDays: this.minDays,
      hasTruth: quality.some((q) => q !== null),
      facesDetected: facePass !== null && !('faces not detected yet' in population.excluded && population.ids.length === 0),
    };
  }

  /**
   * Computes the labels for the current posts and saves them as a new version of `name`. With `reuseIdentical`, a
   * newest version made by the same rule that labels exactly the same posts the same way is returned instead of
   * saving a copy (the demo's label stage, re-run, must not pile up identical versions).
   */
  async save(name: string, input: LabelRuleInput, options: { reuseIdentical?: boolean } = {}): Promise<LabelSetSummary> {
    const params = labelRuleParams.parse(input);
    if (params.val + params.test > 1) throw new AppFailure('INVALID_INPUT', `val (${params.val}) + test (${params.test}) is more than 1.`);
    const population = labelPopulation(this.project.postTable, params, this.minDays, this.facePass());
    if (population.ids.length < 3) {
      const reasons = Object.entries(population.excluded)
        .sort((a, b) => b[1] - a[1])
        .map(([reason, count]) => `${count} ${reason}`)
        .join('; ');
      throw new AppFailure(
        'INVALID_INPUT',
        `Only ${population.ids.length} posts are in the population, too few to label. Left out: ${reasons || 'no posts in the project'}.` +
          (population.excluded['faces not detected yet'] ? ' Run face detection first, or label with faces: ignore.' : ''),
        { excluded: population.excluded },
      );
    }
    const { items, summary } = computeLabelSet(population, params);
    if (options.reuseIdentical) {
      const same = await this.identicalNewest(name, params, items);
      if (same) return same;
    }
    return this.sets.save(name, { ...summary, minDays: this.minDays }, items);
  }

  private async identicalNewest(name: string, params: LabelRuleParams, items: LabelSetItems): Promise<LabelSetSummary | null> {
    const newest = this.sets.list().find((set) => set.name === name.trim());
    if (!newest || newest.minDays !== this.minDays || JSON.stringify(newest.params) !== JSON.stringify(params)) return null;
    const saved = await this.sets.items(newest.id).catch(() => null);
    if (!saved) return null;
    const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((value, i) => value === b[i]);
    return same(saved.postId, items.postId) && same(saved.label, items.label) && same(saved.split, items.split) ? newest : null;
  }

  async get(idOrName: string): Promise<{ summary: LabelSetSummary; items: LabelSetItems }> {
    const summary = this.sets.find(idOrName);
    return { summary, items: await this.sets.items(summary.id) };
  }

  /** How two saved sets differ on the posts both contain. */
  async compare(a: string, b: string): Promise<RuleComparison & { a: string; b: string }> {
    const [left, right] = await Promise.all([this.get(a), this.get(b)]);
    const position = new Map(right.items.postId.map((id, i) => [id, i]));
    const labelsA: number[] = [];
    const labelsB: number[] = [];
    left.items.postId.forEach((id, i) => {
      const j = position.get(id);
      labelsA.push(left.items.label[i]!);
      labelsB.push(j === undefined ? 0 : right.items.label[j]!);
    });
    // Posts only the right-hand set has still count as labeled by it.
    const inLeft = new Set(left.items.postId);
    const onlyRight = right.items.postId.filter((id) => !inLeft.has(id));
    for (const id of onlyRight) {
      labelsA.push(0);
      labelsB.push(right.items.label[position.get(id)!]!);
    }
    return { a: left.summary.id, b: right.summary.id, ...compareLabels(labelsA, labelsB) };
  }
}
