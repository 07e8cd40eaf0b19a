import { join } from 'node:path';
import type { LabelSetItems, LabelSetSummary } from '../../../shared/labeling/label-set';
import { balancedSample, pairSample, type SampleCandidate } from '../../../shared/rating/rating-sample';
import {
  createSessionInput,
  ratingSessionsFileSchema,
  type CreateSessionInput,
  type RatingSession,
  type RatingSessionsFile,
  type RatingSplit,
} from '../../../shared/rating/rating-types';
import { AppFailure } from '../../../shared/result';
import { JsonStore } from '../storage/json-store';

const splitCode: Record<RatingSplit, number> = { train: 0, val: 1, test: 2 };

export function sessionsFile(projectDir: string): string {
  return join(projectDir, 'rating-sessions.json');
}

/** Default split to rate: the test split when the label set has one (never trained on, never used to pick an epoch), else val. */
export function defaultRatingSplit(summary: LabelSetSummary): RatingSplit {
  const test = summary.splits.test.good + summary.splits.test.bad;
  return test > 0 ? 'test' : 'val';
}

function sessionIdOf(existing: readonly RatingSession[], now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15).toLowerCase();
  let id = `session-${stamp}`;
  for (let k = 2; existing.some((s) => s.id === id); k++) id = `session-${stamp}-${k}`;
  return id;
}

/**
 * Draws a session's images from a label set's split. The sample is fixed here, once: every rater of the session
 * sees the same images in the same order, which is what makes their agreement comparable.
 */
export function drawSession(
  input: CreateSessionInput,
  labelSet: LabelSetSummary,
  items: LabelSetItems,
  existing: readonly RatingSession[],
  now = new Date(),
): RatingSession {
  const params = createSessionInput.parse(input);
  const split = params.split ?? defaultRatingSplit(labelSet);
  const candidates: SampleCandidate[] = [];
  for (let i = 0; i < items.postId.length; i++) {
    if (items.split[i] === splitCode[split] && items.label[i] !== 0) {
      candidates.push({ postId: items.postId[i]!, ownerId: items.ownerId[i] ?? null, label: items.label[i]! });
    }
  }
  const good = candidates.filter((c) => c.label === 1).length;
  const bad = candidates.length - good;
  if (good === 0 || bad === 0) {
    throw new AppFailure(
      'INVALID_INPUT',
      `The ${split} split of label set "${labelSet.name}" has ${good} good and ${bad} bad images; a balanced rating session needs both. ` +
        'Choose another split, or save the label set with a larger validation/test share.',
      { labelSet: labelSet.id, split },
    );
  }
  const base = {
    id: sessionIdOf(existing, now),
    mode: params.mode,
    createdAt: now.toISOString(),
    labelSet: { id: labelSet.id, name: labelSet.name, version: labelSet.version },
    split,
    seed: params.seed,
    requested: params.size,
    blind: params.blind,
    recordTime: params.recordTime,
    sameOwner: params.sameOwner,
  };
  if (params.mode === 'single') {
    const sample = balancedSample(candidates, params.size, params.seed);
    const name = params.name ?? `${sample.postIds.length} ${split} images of ${labelSet.name}`;
    return { ...base, name, items: sample.postIds, pairs: [], note: sample.note };
  }
  const sample = pairSample(candidates, params.size, params.seed, params.sameOwner);
  const name = params.name ?? `${sample.pairs.length} ${split} pairs of ${labelSet.name}`;
  return { ...base, name, items: [], pairs: sample.pairs, note: sample.note };
}

/** rating-sessions.json: the sessions (small; rewritten atomically when one is added). */
export class RatingSessions {
  private constructor(private readonly store: JsonStore<RatingSessionsFile>) {}

  static async open(projectDir: string): Promise<RatingSessions> {
    return new RatingSessions(await JsonStore.open(sessionsFile(projectDir), ratingSessionsFileSchema, { sessions: [] }));
  }

  list(): RatingSession[] {
    return [...this.store.data.sessions].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  }

  get(id: string): RatingSession {
    const session = this.store.data.sessions.find((s) => s.id === id);
    if (!session) throw new AppFailure('INVALID_INPUT', `No rating session "${id}" in this project.`, { session: id });
    return session;
  }

  async remove(id: string): Promise<RatingSession> {
    const session = this.get(id);
    await this.store.update((data) => {
      data.sessions = data.sessions.filter((s) => s.id !== id);
    });
    return session;
  }

  async add(session: RatingSession): Promise<void> {
    await this.store.update((data) => {
      data.sessions.push(session);
    });
  }
}
