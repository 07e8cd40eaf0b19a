import type { LabelRuleInput, LabelRuleParams } from '../../../../../shared/labeling/label-set';
import type { Strategy } from './strategies';

export interface Tails {
  /** Share labeled good, 0…1. */
  top: number;
  /** Share labeled bad, 0…1. */
  bottom: number;
}

/** Changing these asks the backend for a new population; everything else recomputes in the renderer. */
export interface PopulationFilters {
  faces: 'required' | 'ignore';
  minFollowers: number | null;
  maxFollowers: number | null;
  maxHashtags: number | null;
  minAgeDays: number | null;
}

/** The editor's rule: each tail-cutting strategy keeps its own thresholds, so switching back finds them again. */
export interface RuleEditorState {
  strategy: Strategy;
  tails: { residual: Tails; ratio: Tails };
  groupSize: number;
  hashtags: boolean;
  filters: PopulationFilters;
  /** Shares of the labeled posts' owners, 0…1; train takes the rest. */
  val: number;
  test: number;
  seed: number;
}

export const defaultTails: Record<'residual' | 'ratio', Tails> = {
  residual: { top: 0.1, bottom: 0.1 },
  ratio: { top: 0.5, bottom: 0.5 },
};

export const defaultFilters: PopulationFilters = { faces: 'required', minFollowers: null, maxFollowers: null, maxHashtags: null, minAgeDays: null };

export const defaultEditorState: RuleEditorState = {
  strategy: 'residual',
  tails: defaultTails,
  groupSize: 100,
  hashtags: true,
  filters: defaultFilters,
  val: 0.25,
  test: 0,
  seed: 1,
};

/** The current strategy's thresholds (Karpathy has none: zeros). */
export function currentTails(state: RuleEditorState): Tails {
  return state.strategy === 'karpathy' ? { top: 0, bottom: 0 } : state.tails[state.strategy];
}

/** What `labels.save` stores (labelRuleParams input). */
export function toRuleInput(state: RuleEditorState): LabelRuleInput {
  const { filters } = state;
  const tails = state.strategy === 'karpathy' ? {} : state.tails[state.strategy];
  return {
    strategy: state.strategy,
    ...tails,
    groupSize: state.groupSize,
    hashtags: state.hashtags,
    faces: filters.faces,
    ...(filters.minFollowers !== null ? { minFollowers: filters.minFollowers } : {}),
    ...(filters.maxFollowers !== null ? { maxFollowers: filters.maxFollowers } : {}),
    ...(filters.maxHashtags !== null ? { maxHashtags: filters.maxHashtags } : {}),
    ...(filters.minAgeDays !== null ? { minAgeDays: filters.minAgeDays } : {}),
    val: state.val,
    test: state.test,
    seed: state.seed,
  };
}

/** "Load parameters" from a saved label set into the editor. */
export function fromRuleParams(params: LabelRuleParams, previous: RuleEditorState): RuleEditorState {
  const tails = { ...previous.tails };
  if (params.strategy !== 'karpathy') {
    const fallback = defaultTails[params.strategy];
    tails[params.strategy] = { top: params.top ?? fallback.top, bottom: params.bottom ?? fallback.bottom };
  }
  return {
    strategy: params.strategy,
    tails,
    groupSize: params.groupSize,
    hashtags: params.hashtags,
    filters: {
      faces: params.faces,
      minFollowers: params.minFollowers ?? null,
      maxFollowers: params.maxFollowers ?? null,
      maxHashtags: params.maxHashtags ?? null,
      minAgeDays: params.minAgeDays ?? null,
    },
    val: params.val,
    test: params.test,
    seed: params.seed,
  };
}

/** The filters as `labels.population` takes them (nulls left out). */
export function populationRequest(filters: PopulationFilters) {
  return {
    faces: filters.faces,
    ...(filters.minFollowers !== null ? { minFollowers: filters.minFollowers } : {}),
    ...(filters.maxFollowers !== null ? { maxFollowers: filters.maxFollowers } : {}),
    ...(filters.maxHashtags !== null ? { maxHashtags: filters.maxHashtags } : {}),
    ...(filters.minAgeDays !== null ? { minAgeDays: filters.minAgeDays } : {}),
  };
}
