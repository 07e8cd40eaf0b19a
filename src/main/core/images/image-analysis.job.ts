import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { findDuplicates } from '../../../shared/posts/duplicates';
import { defineJob } from '../jobs/job-definition';
import type { PostTable } from '../posts/post-table';
import { describeImageError, probeImage } from './image-probe';

export const imageAnalysisParams = z.strictObject({
  /** Re-analyse images that already have hashes. */
  force: z.boolean().default(false),
});

export interface ImageAnalysisReport {
  analysed: number;
  alreadyDone: number;
  failed: number;
  /** The first failures, naming the file. */
  failures: Array<{ postId: string; file: string; reason: string }>;
  duplicates: { exact: number; near: number };
  imagesPerSecond: number | null;
}

/**
 * Hashes (SHA-256, dHash), measures and thumbnails every local image, then flags exact and near duplicates
 * (reposts are flagged, never deleted). Resumable: images already analysed are skipped.
 */
export const imageAnalysisJob = defineJob({
  kind: 'images.analyze',
  lane: 'io',
  unit: 'images',
  description: 'Decode every image: content hash, perceptual hash (dHash), size, thumbnail; flag duplicate and near-duplicate posts.',
  params: imageAnalysisParams,
  title: () => 'Analyse images (hashes, thumbnails, duplicates)',
  run: async ({ params, signal, progress, project }) => {
    const table = project.postTable;
    const work = pendingImages(table, params.force);
    const report: ImageAnalysisReport = { analysed: 0, alreadyDone: work.alreadyDone, failed: 0, failures: [], duplicates: { exact: 0, near: 0 }, imagesPerSecond: null };
    const started = Date.now();
    let lastSave = Date.now();
    let done = 0;
    const concurrency = Math.max(2, availableParallelism() * 2);
    let next = 0;
    const worker = async () => {
      while (next < work.items.length && !signal.aborted) {
        const [row, image] = work.items[next++]!;
        const tuple = table.file.columns.images[row]![image]!;
        try {
          const facts = await probeImage(tuple[0]!, project.dir);
          tuple[4] = facts.sha256;
          tuple[5] = facts.dhash;
          tuple[6] = facts.width;
          tuple[7] = facts.height;
          tuple[8] = null;
          report.analysed++;
        } catch (error) {
          tuple[8] = describeImageError(error);
          report.failed++;
          if (report.failures.length < 100) report.failures.push({ postId: table.file.columns.id[row]!, file: tuple[0]!, reason: tuple[8] });
        }
        done++;
        progress({ done, total: work.items.length });
        if (Date.now() - lastSave > 5000) {
          lastSave = Date.now();
          await project.posts.write(); // results so far survive a crash; a resumed run skips them
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    if (!signal.aborted) {
      const marks = markDuplicates(table, project.project.data.settings.nearDuplicateDistance);
      report.duplicates = marks;
    }
    await project.posts.write();
    const seconds = (Date.now() - started) / 1000;
    report.imagesPerSecond = seconds > 0 && done > 0 ? done / seconds : null;
    return report;
  },
});

function pendingImages(table: PostTable, force: boolean): { items: Array<[number, number]>; alreadyDone: number } {
  const items: Array<[number, number]> = [];
  let alreadyDone = 0;
  table.file.columns.images.forEach((images, row) => {
    images.forEach((tuple, image) => {
      if (!tuple[0]) return;
      if (!force && (tuple[4] !== null || tuple[8] !== null)) alreadyDone++;
      else items.push([row, image]);
    });
  });
  return { items, alreadyDone };
}

/** Flags posts whose first image duplicates an earlier post's; returns how many of each kind. */
export function markDuplicates(table: PostTable, maxDistance: number): { exact: number; near: number } {
  const { columns } = table.file;
  const rows: number[] = [];
  for (let row = 0; row < table.count; row++) {
    const first = columns.images[row]![0];
    columns.duplicateOf[row] = null;
    columns.duplicateKind[row] = null;
    if (first && (first[4] !== null || first[5] !== null)) rows.push(row);
  }
  // Earliest post first (unknown post times last, then by import order).
  const postedAt = (row: number) => columns.postedAt[row] ?? Number.POSITIVE_INFINITY;
  rows.sort((a, b) => postedAt(a) - postedAt(b) || a - b);
  const candidates = rows.map((row, order) => {
    const first = columns.images[row]![0]!;
    return { id: columns.id[row]!, order, sha256: first[4], dhash: first[5] };
  });
  const counts = { exact: 0, near: 0 };
  for (const mark of findDuplicates(candidates, maxDistance)) {
    const row = table.rowOf(mark.id)!;
    columns.duplicateOf[row] = mark.duplicateOf;
    columns.duplicateKind[row] = mark.kind;
    counts[mark.kind]++;
  }
  return counts;
}
