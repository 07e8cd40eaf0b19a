import { bradleyTerry } from '../../../shared/rating/agreement-statistics';
import {
  type CompareTable,
  type CreateSessionInput,
  type PairJudgment,
  type PairRanking,
  type PairWinner,
  type RaterFile,
  type RaterSummary,
  type RatingEntry,
  type RatingSession,
  type RatingSessionSummary,
  type RatingStep,
  type RatingValue,
  type Reveal,
  type SingleRating,
} from '../../../shared/rating/rating-types';
import { AppFailure } from '../../../shared/result';
import { describeImageError, makeThumbnail } from '../images/image-probe';
import type { LabelService } from '../labeling/label-service';
import type { ProjectSession } from '../projects/project-session';
import { labeledSnapshot } from '../../../shared/posts/snapshots';
import { RatersRepository } from './raters-repository';
import { compareRatings, type CompareOptions } from './rating-comparison';
import { drawSession, RatingSessions } from './rating-sessions';

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

function entriesOf(file: RaterFile, session: string): RatingEntry[] {
  return file.ratings.filter((entry) => entry.session === session);
}

/** Which of the session's items this rater answered (the latest answer per item). */
function answersOf(file: RaterFile, session: RatingSession): Map<string, RatingEntry> {
  const answers = new Map<string, RatingEntry>();
  for (const entry of entriesOf(file, session.id)) {
    answers.set(entry.kind === 'single' ? entry.postId : pairKey(entry.left, entry.right), entry);
  }
  return answers;
}

function isSkip(entry: RatingEntry): boolean {
  return entry.kind === 'single' ? entry.rating === 'skip' : entry.winner === 'skip';
}

function alreadyAnswered(): AppFailure {
  return new AppFailure('INVALID_INPUT', 'This image was already answered in this session (in another window?); the answer given first stands. Undo it (U) to change it.', {
    reason: 'already answered',
  });
}

function sessionKeys(session: RatingSession): string[] {
  return session.mode === 'single' ? session.items : session.pairs.map(([a, b]) => pairKey(a, b));
}

/**
 * Rating sessions, raters' answers and the three-way comparison, for one open project. Kept for the life of the
 * project session, so each rater's file is read once and its writes are queued.
 */
export class RatingService {
  private constructor(
    private readonly project: ProjectSession,
    private readonly labels: () => LabelService,
    readonly raters: RatersRepository,
    readonly sessions: RatingSessions,
  ) {}

  static async open(project: ProjectSession, labels: () => LabelService): Promise<RatingService> {
    return new RatingService(project, labels, new RatersRepository(project.dir, project.writable), await RatingSessions.open(project.dir));
  }

  listRaters(): Promise<RaterSummary[]> {
    return this.raters.list();
  }

  createRater(name: string): Promise<RaterSummary> {
    return this.raters.create(name);
  }

  async listSessions(): Promise<RatingSessionSummary[]> {
    const files = await this.raters.all();
    return this.sessions.list().map((session) => this.summaryOf(session, files));
  }

  private summaryOf(session: RatingSession, files: readonly RaterFile[]): RatingSessionSummary {
    const { items: _items, pairs: _pairs, ...rest } = session;
    const keys = new Set(sessionKeys(session));
    const progress = files
      .map((file) => {
        const answers = [...answersOf(file, session).entries()].filter(([key]) => keys.has(key));
        return {
          rater: file.rater.id,
          raterName: file.rater.name,
          done: answers.length,
          skipped: answers.filter(([, entry]) => isSkip(entry)).length,
          total: keys.size,
        };
      })
      .filter((p) => p.done > 0);
    return { ...rest, total: keys.size, progress };
  }

  async createSession(input: CreateSessionInput): Promise<RatingSessionSummary> {
    if (!this.project.writable) throw new AppFailure('PROJECT_LOCKED', `${this.project.dir} is open read-only.`);
    const labels = this.labels();
    const summary = labels.sets.find(input.labelSet);
    const items = await labels.sets.items(summary.id);
    const session = drawSession(input, summary, items, this.sessions.list());
    // The same label set, split, seed, size and mode draw the same sample: one session is enough for every rater.
    const twin = this.sessions
      .list()
      .find((s) => s.labelSet.id === session.labelSet.id && s.mode === session.mode && s.split === session.split && s.seed === session.seed && s.requested === session.requested && s.sameOwner === session.sameOwner && s.blind === session.blind);
    if (twin) {
      throw new AppFailure('INVALID_INPUT', `Session "${twin.name}" already has this sample (same label set, split, seed and size); rate it as this rater instead (every rater can rate the same session), or choose another seed for new images.`, {
        session: twin.id,
      });
    }
    await this.sessions.add(session);
    return this.summaryOf(session, await this.raters.all());
  }

  renameRater(id: string, name: string): Promise<RaterSummary> {
    return this.raters.rename(id, name);
  }

  async removeRater(id: string): Promise<void> {
    await this.raters.remove(id);
  }

  /** Removes the session and every answer given in it; both are kept in ratings/removed/session-<id>-<time>.json. */
  async removeSession(sessionId: string): Promise<void> {
    if (!this.project.writable) throw new AppFailure('PROJECT_LOCKED', `${this.project.dir} is open read-only.`);
    const session = this.sessions.get(sessionId);
    const answers: Record<string, RatingEntry[]> = {};
    for (const file of await this.raters.all()) {
      const given = entriesOf(file, session.id);
      if (given.length > 0) answers[file.rater.id] = given;
    }
    await this.raters.archive(`session-${session.id}`, { session, answers });
    for (const rater of Object.keys(answers)) {
      await this.raters.change(rater, (entries) => {
        for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.session === session.id) entries.splice(i, 1);
      });
    }
    await this.sessions.remove(session.id);
  }

  async next(sessionId: string, raterId: string): Promise<RatingStep> {
    const session = this.sessions.get(sessionId);
    const file = await this.raters.get(raterId);
    return this.stepOf(session, file);
  }

  private async stepOf(session: RatingSession, file: RaterFile): Promise<RatingStep> {
    const answers = answersOf(file, session);
    const keys = sessionKeys(session);
    const index = keys.findIndex((key) => !answers.has(key));
    const position = index === -1 ? keys.length : index;
    let current: RatingStep['current'] = null;
    if (index !== -1) {
      current = session.mode === 'single' ? { kind: 'single', postId: session.items[index]! } : { kind: 'pair', left: session.pairs[index]![0], right: session.pairs[index]![1] };
    }
    // The next unanswered item or two, so the UI can fetch their images while this one is on screen.
    const upcoming: string[] = [];
    for (let k = index + 1; index !== -1 && k < keys.length && upcoming.length < 2; k++) {
      if (answers.has(keys[k]!)) continue;
      if (session.mode === 'single') upcoming.push(session.items[k]!);
      else upcoming.push(...session.pairs[k]!);
    }
    const done = keys.filter((key) => answers.has(key));
    const lastEntry = entriesOf(file, session.id).at(-1) ?? null;
    const last =
      lastEntry === null
        ? null
        : lastEntry.kind === 'single'
          ? { postId: lastEntry.postId, answer: lastEntry.rating }
          : { postId: lastEntry.winner === 'right' ? lastEntry.right : lastEntry.left, answer: `pair: ${lastEntry.winner}` };
    return {
      session: this.summaryOf(session, await this.raters.all()),
      rater: { id: file.rater.id, name: file.rater.name },
      index: position,
      total: keys.length,
      done: done.length,
      skipped: done.filter((key) => isSkip(answers.get(key)!)).length,
      current,
      upcoming,
      last,
      reveal: !session.blind && current?.kind === 'single' ? await this.revealOf(session, current.postId) : null,
      revealPair: !session.blind && current?.kind === 'pair' ? [await this.revealOf(session, current.left), await this.revealOf(session, current.right)] : null,
    };
  }

  /** Non-blind sessions only: what Instagram said about the image. */
  private async revealOf(session: RatingSession, postId: string): Promise<Reveal> {
    const table = this.project.postTable;
    const row = table.rowOf(postId);
    const items = await this.labels().sets.items(session.labelSet.id).catch(() => null);
    const at = items ? items.postId.indexOf(postId) : -1;
    const label = at >= 0 ? items!.label[at]! : 0;
    if (row === undefined) return { likes: null, followers: null, label };
    const post = table.post(row);
    const snapshot = labeledSnapshot(post.postedAt, post.snapshots, this.project.project.data.settings.likesSnapshotMinDays);
    return { likes: snapshot?.likes ?? null, followers: post.followers, label };
  }

  async rate(sessionId: string, raterId: string, postId: string, rating: RatingValue, ms: number | undefined): Promise<RatingStep> {
    const session = this.sessions.get(sessionId);
    if (session.mode !== 'single') throw new AppFailure('INVALID_INPUT', `Session "${session.name}" is pairwise: judge pairs (ratings.judge) instead.`);
    if (!session.items.includes(postId)) throw new AppFailure('INVALID_INPUT', `Post ${postId} is not in rating session "${session.name}".`, { postId });
    const entry: SingleRating = {
      kind: 'single',
      postId,
      rating,
      ratedAt: new Date().toISOString(),
      session: session.id,
      ms: session.recordTime && ms !== undefined ? Math.round(ms) : null,
    };
    await this.raters.change(raterId, (entries) => {
      // An image already rated good or bad in this session (from another window, or a late double key press) keeps its
      // answer: a stale screen must not overwrite it; undo first to change it. A skip is no judgment: rating the image
      // later replaces it.
      const at = entries.findIndex((e) => e.session === session.id && e.kind === 'single' && e.postId === postId);
      if (at !== -1 && (entries[at] as SingleRating).rating !== 'skip') throw alreadyAnswered();
      if (at !== -1) entries.splice(at, 1);
      entries.push(entry);
    });
    return this.stepOf(session, await this.raters.get(raterId));
  }

  async judge(sessionId: string, raterId: string, left: string, right: string, winner: PairWinner, ms: number | undefined): Promise<RatingStep> {
    const session = this.sessions.get(sessionId);
    if (session.mode !== 'pairwise') throw new AppFailure('INVALID_INPUT', `Session "${session.name}" rates single images (ratings.rate), not pairs.`);
    const key = pairKey(left, right);
    if (!session.pairs.some(([a, b]) => pairKey(a, b) === key)) throw new AppFailure('INVALID_INPUT', `The pair ${left} / ${right} is not in session "${session.name}".`);
    const entry: PairJudgment = {
      kind: 'pair',
      left,
      right,
      winner,
      ratedAt: new Date().toISOString(),
      session: session.id,
      ms: session.recordTime && ms !== undefined ? Math.round(ms) : null,
    };
    await this.raters.change(raterId, (entries) => {
      const at = entries.findIndex((e) => e.session === session.id && e.kind === 'pair' && pairKey(e.left, e.right) === key);
      if (at !== -1 && (entries[at] as PairJudgment).winner !== 'skip') throw alreadyAnswered();
      if (at !== -1) entries.splice(at, 1);
      entries.push(entry);
    });
    return this.stepOf(session, await this.raters.get(raterId));
  }

  async undo(sessionId: string, raterId: string): Promise<RatingStep> {
    const session = this.sessions.get(sessionId);
    await this.raters.change(raterId, (entries) => {
      for (let i = entries.length - 1; i >= 0; i--) {
        if (entries[i]!.session === session.id) {
          entries.splice(i, 1);
          return;
        }
      }
      throw new AppFailure('INVALID_INPUT', 'Nothing to undo in this session yet.');
    });
    return this.stepOf(session, await this.raters.get(raterId));
  }

  /** The post's first image, at most `maxSize` px on its longer side, as a data: URL. */
  async image(postId: string, maxSize = 720): Promise<string> {
    const table = this.project.postTable;
    const row = table.rowOf(postId);
    if (row === undefined) throw new AppFailure('INVALID_INPUT', `No post ${postId} in this project.`, { postId });
    const tuple = table.file.columns.images[row]?.[0];
    if (!tuple || !tuple[0]) throw new AppFailure('IO_ERROR', `Post ${postId} has no image file.`, { postId });
    try {
      const bytes = await makeThumbnail(tuple[0], maxSize);
      return `data:image/webp;base64,${bytes.toString('base64')}`;
    } catch (error) {
      throw new AppFailure('IO_ERROR', `Cannot read the image of post ${postId} (${tuple[0]}): ${describeImageError(error)}.`, { postId, file: tuple[0] });
    }
  }

  /** Every post some rater rated, beside its label and the model's prediction, with the agreement statistics. */
  async compare(options: CompareOptions = {}): Promise<CompareTable> {
    return compareRatings({ project: this.project, labels: this.labels(), raters: await this.raters.all(), sessions: this.sessions }, options);
  }

  /** Bradley–Terry strengths from every rater's judgments in a pairwise session (skips left out). */
  async ranking(sessionId: string): Promise<PairRanking> {
    const session = this.sessions.get(sessionId);
    if (session.mode !== 'pairwise') throw new AppFailure('INVALID_INPUT', `Session "${session.name}" is not pairwise; it has no ranking.`);
    const judgments: Array<{ winner: string; loser: string }> = [];
    for (const file of await this.raters.all()) {
      for (const entry of entriesOf(file, session.id)) {
        if (entry.kind !== 'pair' || entry.winner === 'skip') continue;
        judgments.push(entry.winner === 'left' ? { winner: entry.left, loser: entry.right } : { winner: entry.right, loser: entry.left });
      }
    }
    const itemIds = [...new Set(session.pairs.flat())].sort();
    const ranking = bradleyTerry(itemIds, judgments);
    const items = await this.labels()
      .sets.items(session.labelSet.id)
      .catch(() => null);
    const labelOf = new Map<string, number>();
    items?.postId.forEach((id: string, i: number) => labelOf.set(id, items.label[i]!));
    return { session: session.id, ranking, label: ranking.items.map((id) => labelOf.get(id) ?? 0), judgments: judgments.length };
  }
}
