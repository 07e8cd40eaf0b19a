/**
 * Fills the feature cache for a set of post images (main process side): opens the backbone's cache folder, skips
 * what is cached (that is the resume), and has the ML host compute the rest in batches.
 */
import type { BackboneName, Preprocessing } from '../../../shared/training/training-types';
import type { MlHost } from '../ml/ml-host';
import { cachedKeys, openFeatureCache } from './embedding-cache';
import type { EmbedItem } from './host/embed-images';
import type { PostImage } from './training-data';

export interface EmbeddingsReport {
  backbone: BackboneName;
  /** Distinct images needed. */
  images: number;
  alreadyCached: number;
  computed: number;
  failed: number;
  failures: Array<{ path: string; reason: string }>;
  /** Posts without a usable image, by reason. */
  skipped: Record<string, number>;
  imagesPerSecond: number | null;
  seconds: number;
  cacheDir: string;
}

export interface EmbeddingsRun {
  ml: MlHost;
  projectDir: string;
  preprocessing: Preprocessing;
  weights?: string;
  batch: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, message: string) => void;
}

/**
 * Computes the missing features of `entries`. Entries whose image could not be decoded get `skip` set (and lose
 * their key), so callers leave them out.
 */
export async function ensureEmbeddings(entries: PostImage[], run: EmbeddingsRun): Promise<EmbeddingsReport> {
  const started = Date.now();
  const cacheDir = await openFeatureCache(run.projectDir, run.preprocessing);
  const cached = await cachedKeys(cacheDir);
  const wanted = new Map<string, EmbedItem>();
  const skipped: Record<string, number> = {};
  for (const entry of entries) {
    if (entry.key === null || entry.path === null) {
      const reason = entry.skip ?? 'no image';
      skipped[reason] = (skipped[reason] ?? 0) + 1;
      continue;
    }
    if (!wanted.has(entry.key)) wanted.set(entry.key, { key: entry.key, path: entry.path, ...(entry.box ? { box: entry.box } : {}) });
  }
  const pending = [...wanted.values()].filter((item) => !cached.has(item.key));
  const report: EmbeddingsReport = {
    backbone: run.preprocessing.backbone,
    images: wanted.size,
    alreadyCached: wanted.size - pending.length,
    computed: 0,
    failed: 0,
    failures: [],
    skipped,
    imagesPerSecond: null,
    seconds: 0,
    cacheDir,
  };
  if (pending.length > 0) {
    const result = await run.ml.call(
      'embed',
      { backbone: run.preprocessing.backbone, ...(run.weights ? { weights: run.weights } : {}), cacheDir, items: pending, batch: run.batch },
      {
        ...(run.signal ? { signal: run.signal } : {}),
        onProgress: (update) => run.onProgress?.(update.done, update.total, update.message ?? ''),
      },
    );
    report.computed = result.computed;
    report.failed = result.failed.length;
    report.failures = result.failed.slice(0, 100).map(({ path, reason }) => ({ path, reason }));
    report.imagesPerSecond = result.imagesPerSecond;
    const failedKeys = new Map(result.failed.map((failure) => [failure.key, failure.reason]));
    for (const entry of entries) {
      const reason = entry.key === null ? undefined : failedKeys.get(entry.key);
      if (reason === undefined) continue;
      entry.skip = `unreadable image: ${reason}`;
      entry.key = null;
      skipped[entry.skip] = (skipped[entry.skip] ?? 0) + 1;
    }
  }
  report.seconds = (Date.now() - started) / 1000;
  return report;
}
