import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import {
  countImageBuckets,
  overrideCode,
  imageFaceCounts,
  postStatuses,
  type FaceColumnsPayload,
  type PostDecisionCounts,
} from '../../../../../shared/faces/face-columns';
import type { FaceBucketCounts, FaceRule, PostFaceStatus } from '../../../../../shared/faces/face-rule';
import { useAction } from '../../../app/error-context';

export interface FaceRuleState {
  /** The rule the controls show: the saved one, or the one being dragged. */
  rule: FaceRule;
  /**
   * The rule everything below was counted with: `rule`, a frame or so behind while dragging over a large project
   * (React's deferred value), so the slider thumb never waits for a recount. Boxes are styled by it too.
   */
  countedRule: FaceRule;
  /** Per image (index into the columns): faces counted under `countedRule`; -1 unreadable, -2 not detected yet. */
  faces: Int32Array;
  images: FaceBucketCounts;
  posts: PostDecisionCounts;
  /** Per post row. */
  statuses: PostFaceStatus[];
  /** 'saving' between a release and the server's answer; 'unsaved' while dragging. */
  saveState: 'saved' | 'unsaved' | 'saving';
  /** A slider moved: recount at once, save nothing yet. */
  change(changes: Partial<FaceRule>): void;
  /** A slider was released (or the carousel rule picked): save the rule as it now is. */
  commit(changes?: Partial<FaceRule>): void;
}

/** Keyboard steps each end in a release; saving this long after the last one sends one request for a burst of them. */
const saveDelayMs = 250;

/**
 * The rule being edited and everything counted under it, recomputed in the renderer from the columns with the same
 * pure functions the core uses (so the page, the summary and the CLI agree). Saved on release only.
 */
export function useFaceRule(columns: FaceColumnsPayload, version: number, saveRule: (rule: FaceRule) => Promise<void>): FaceRuleState {
  const run = useAction();
  const [draft, setDraft] = useState<FaceRule>(columns.rule);
  const [saveState, setSaveState] = useState<FaceRuleState['saveState']>('saved');
  const latest = useRef(draft);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // A reload (detection finished, rule changed from the CLI) brings the saved rule, unless an edit here is unsaved.
  useEffect(() => {
    if (timer.current || saveState !== 'saved') return;
    latest.current = columns.rule;
    setDraft(columns.rule);
    // Only on a reload (version): local edits of the columns (overrides) keep the draft.
  }, [version]);

  const change = useCallback((changes: Partial<FaceRule>) => {
    latest.current = { ...latest.current, ...changes };
    setDraft(latest.current);
    setSaveState((current) => (current === 'saving' ? current : 'unsaved'));
  }, []);

  const commit = useCallback(
    (changes: Partial<FaceRule> = {}) => {
      latest.current = { ...latest.current, ...changes };
      setDraft(latest.current);
      setSaveState('unsaved');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = null;
        setSaveState('saving');
        void run(() => saveRule(latest.current)).finally(() => setSaveState((current) => (timer.current ? current : 'saved')));
      }, saveDelayMs);
    },
    [run, saveRule],
  );

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const counted = useDeferredValue(draft);
  const { minScore, minSize, carousel } = counted;
  const faces = useMemo(() => imageFaceCounts(columns, { minScore, minSize }), [columns, minScore, minSize]);
  const images = useMemo(() => countImageBuckets(columns, { minScore, minSize }, faces), [columns, minScore, minSize, faces]);
  const countedRule = useMemo(() => ({ minScore, minSize, carousel }), [minScore, minSize, carousel]);
  const statuses = useMemo(() => postStatuses(columns, countedRule, faces), [columns, countedRule, faces]);
  const posts = useMemo(() => countDecisions(statuses, columns.override), [statuses, columns.override]);

  return { rule: draft, countedRule, faces, images, posts, statuses, saveState, change, commit };
}

/** countPostDecisions, from statuses already computed (it would compute them a second time). */
function countDecisions(statuses: readonly PostFaceStatus[], overrides: readonly number[]): PostDecisionCounts {
  const counts: PostDecisionCounts = { pass: 0, fail: 0, pending: 0, kept: 0, dropped: 0 };
  for (const status of statuses) counts[status]++;
  for (const code of overrides) {
    if (code === overrideCode.keep) counts.kept++;
    else if (code === overrideCode.drop) counts.dropped++;
  }
  return counts;
}
