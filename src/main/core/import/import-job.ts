import { dirname, resolve } from 'node:path';
import type { ImportedPost, ImportedProfile, ImportProblem, SourceEvent } from '../../../shared/posts/imported-post';
import { importParams, type ImportParams, type ImportReport } from '../../../shared/posts/import-report';
import { defineJob } from '../jobs/job-definition';
import type { JobContext } from '../jobs/job-definition';
import { joinFollowers, markDeleted } from '../posts/post-maintenance';
import type { PostTable } from '../posts/post-table';
import { defaultTarget, detectFormat, type SourceFormat } from './detect-format';
import { downloadImages } from './image-downloads';
import { readInstaloaderFolder } from './instaloader/instaloader-reader';
import { readFollowersFile, readManifest } from './manifest/manifest-reader';

const maxListedProblems = 200;

interface Checkpoint {
  /** Paths fully imported and saved; a resumed import starts after them (re-reading is harmless, only slower). */
  pathsDone: number;
  report: ImportReport;
  /** Follower counts read from the sources done so far (profile JSONs), for the join at the end. */
  profiles: ImportedProfile[];
}

/**
 * Imports folders and manifests into the project's post table: merges observations (a known post gains a
 * like snapshot), joins follower counts, marks deletions, downloads URL images. Saves after every path.
 */
export const importJob = defineJob<ImportParams>({
  kind: 'import',
  lane: 'io',
  // Each source is a step, and so is joining them (follower counts, snapshots) at the end: "3/3 steps" for 2 sources.
  unit: 'steps',
  description: 'Import Instaloader download folders and CSV/JSONL manifests; repeated imports of the same posts add like snapshots.',
  params: importParams,
  title: (params) => `Import ${params.paths.length === 1 ? params.paths[0] : `${params.paths.length} sources`}`,
  run: runImport,
});

async function runImport(context: JobContext<ImportParams>): Promise<ImportReport> {
  try {
    const report = await importSources(context);
    if (context.signal.aborted) await context.project.posts.reload();
    return report;
  } catch (error) {
    // A half-read source must not reach posts.json later through another save: back to what is on disk.
    await context.project.posts.reload();
    throw error;
  }
}

async function importSources(context: JobContext<ImportParams>): Promise<ImportReport> {
  const { params, signal, project } = context;
  const started = Date.now();
  const saved = context.checkpoint as Checkpoint | undefined;
  const report: ImportReport = saved?.report ?? emptyReport();
  const table = project.postTable;
  const profiles: ImportedProfile[] = saved?.profiles ?? [];
  const total = params.paths.length + (params.followersFile ? 1 : 0) + 1;

  for (let index = saved?.pathsDone ?? 0; index < params.paths.length; index++) {
    if (signal.aborted) return report;
    const path = resolve(params.paths[index]!);
    const format = await detectFormat(path, params.format);
    const entry = { path, format, target: params.target ?? defaultTarget(path, format), collection: -1, observations: 0 };
    report.paths.push(entry);
    const events = format === 'instaloader' ? readInstaloaderFolder(path, optional({ capturedAt: params.capturedAt, signal })) : readManifest(path, optional({ format, capturedAt: params.capturedAt, signal }));
    await consume(events, {
      onPost: (post) => {
        const collection = collectionOf(table, format, path, post, params);
        entry.collection = collection;
        entry.observations++;
        report.counts[table.merge(post, collection)]++;
      },
      onProfile: (profile) => profiles.push(profile),
      onProblem: (problem) => addProblem(report, problem),
      onSkipped: (reason) => {
        report.counts.skipped++;
        report.skippedByReason[reason] = (report.skippedByReason[reason] ?? 0) + 1;
      },
      onProgress: (fraction, posts) =>
        context.progress({ done: index + fraction, total, message: `Reading ${path} · ${posts.toLocaleString('en-US')} posts` }),
    });
    // Save between sources so a crash loses at most the source being read; the last one is saved below.
    if (index < params.paths.length - 1) {
      await project.posts.write();
      context.progress({ done: index + 1, total, checkpoint: { pathsDone: index + 1, report, profiles } satisfies Checkpoint });
    }
  }

  if (params.followersFile && !signal.aborted) {
    await consume(readFollowersFile(resolve(params.followersFile)), {
      onProfile: (profile) => profiles.push(profile),
      onProblem: (problem) => addProblem(report, problem),
    });
    context.progress({ done: params.paths.length + 1, total, message: 'Joining follower counts' });
  }
  if (signal.aborted) return report;
  report.followers = joinFollowers(table, profiles);
  report.deleted = markDeleted(table);

  if (params.downloadImages) {
    // Save first: downloads can take hours, and the posts must not depend on them finishing.
    const pending = table.file.columns.images.some((images) => images.some((image) => image[1] !== null && image[0] === null));
    if (pending) {
      await project.posts.write();
      context.progress({ done: total - 1, total, checkpoint: { pathsDone: params.paths.length, report, profiles } satisfies Checkpoint });
      report.downloads = await downloadImages(table, project.dir, {
        signal,
        onProgress: (done, count) => context.progress({ done: total - 1 + done / Math.max(1, count), total, message: `Downloading images ${done}/${count}` }),
        onProblem: (problem) => addProblem(report, problem),
      });
    }
  }
  await project.posts.write();
  report.totalPosts = table.count;
  report.elapsedSeconds = (Date.now() - started) / 1000;
  context.progress({ done: total, total, message: `${table.count.toLocaleString('en-US')} posts in the project` });
  return report;
}

/** Instaloader: one collection per target folder (e.g. day7/#selfie); manifests: one per file. */
function collectionOf(table: PostTable, format: SourceFormat, path: string, post: ImportedPost, params: ImportParams): number {
  const source = format === 'instaloader' ? dirname(post.origin.file) : path;
  const target = params.target ?? defaultTarget(source, format);
  const collection = table.collectionFor(format, source, target, params.capturedAt ?? null, new Date());
  const captured = post.snapshot.capturedAt;
  if (!params.capturedAt && captured && (!collection.capturedAt || captured < collection.capturedAt)) collection.capturedAt = captured;
  return collection.index;
}

interface Consumers {
  onPost?(post: ImportedPost): void;
  onProfile?(profile: ImportedProfile): void;
  onProblem?(problem: ImportProblem): void;
  onSkipped?(reason: string): void;
  onProgress?(fraction: number, posts: number): void;
}

async function consume(events: AsyncIterable<SourceEvent>, consumers: Consumers): Promise<void> {
  let posts = 0;
  for await (const event of events) {
    switch (event.type) {
      case 'post':
        posts++;
        consumers.onPost?.(event.post);
        break;
      case 'profile':
        consumers.onProfile?.(event.profile);
        break;
      case 'problem':
        consumers.onProblem?.(event.problem);
        break;
      case 'skipped':
        consumers.onSkipped?.(event.skipped.reason);
        break;
      case 'progress':
        consumers.onProgress?.(event.total > 0 ? Math.min(1, event.done / event.total) : 0, posts);
        break;
    }
  }
}

function addProblem(report: ImportReport, problem: ImportProblem): void {
  report.problemsByCode[problem.code] = (report.problemsByCode[problem.code] ?? 0) + 1;
  if (problem.severity === 'error') report.counts.failed++;
  if (report.problems.length < maxListedProblems) report.problems.push(problem);
  else report.problemsTruncated++;
}

function emptyReport(): ImportReport {
  return {
    paths: [],
    counts: { imported: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 },
    skippedByReason: {},
    problemsByCode: {},
    problems: [],
    problemsTruncated: 0,
    followers: { filled: 0, missing: 0, missingExamples: [] },
    deleted: 0,
    downloads: { downloaded: 0, alreadyPresent: 0, failed: 0 },
    totalPosts: 0,
    elapsedSeconds: 0,
  };
}

/** Drops undefined values (exactOptionalPropertyTypes-friendly option objects). */
function optional<T extends Record<string, unknown>>(options: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as never;
}
