import { resolve } from 'node:path';
import { z } from 'zod';
import { confidentScore } from '../../../shared/faces/detector-views';
import type { FacesSummary } from '../../../shared/faces/face-summary';
import { faceDetectorTitles, faceDetectors, type FaceDetectorName, type FaceImageRecord } from '../../../shared/faces/face-types';
import { backendPreference, isBackendName, type BackendName } from '../../../shared/ml/backend';
import { defineJob } from '../jobs/job-definition';
import type { ProjectSession } from '../projects/project-session';
import { detectorVersion } from './face-models';
import { FaceDetectorPool } from './face-pool';
import { facesSummary } from './face-queries';

export const faceDetectionParams = z.strictObject({
  detector: z.enum(faceDetectors).default('ssd'),
  /** Also compute 68-point landmarks (slower; images done without them are redone). */
  landmarks: z.boolean().default(false),
  /** Detect again even images already done with this detector. */
  force: z.boolean().default(false),
  /** Force a TensorFlow.js backend for the workers (default: the usual order, or SELFIE_LAB_BACKEND). */
  backend: z.enum(backendPreference).optional(),
  /** Worker threads (default: one per core; native backends always use one). */
  workers: z.number().int().min(1).max(64).optional(),
});
export type FaceDetectionParams = z.infer<typeof faceDetectionParams>;

export interface FaceDetectionReport {
  detector: FaceDetectorName;
  detectorVersion: string;
  /** null when every image was already done and no worker was started. */
  backend: string | null;
  workers: number;
  /** Images detected by this run. */
  detected: number;
  /** Images skipped: already done with this detector and version. */
  alreadyDone: number;
  /** Images recorded as errors (unreadable, corrupt, missing) by this run. */
  failed: number;
  failures: Array<{ postId: string; imageIndex: number; file: string | null; reason: string }>;
  /** Images that needed the padded views (no confident face as they are), and how many of those had one padded. */
  paddedRetries: number;
  foundWhenPadded: number;
  imagesPerSecond: number | null;
  seconds: number;
  /** Counts under the project's rule after the run. */
  summary: FacesSummary;
}

/** Saves at most this often while detecting, so a crash loses little and a 100 MB faces.json is not rewritten constantly. */
const saveEveryMs = 5000;

interface Pending {
  imageIndex: number;
  postId: string;
  path: string | null;
}

/**
 * Finds the faces in every image of every post (all images of a carousel) and stores every detection, so changing
 * the rule later needs no re-run. Resumable: images already done with the same detector and version are skipped.
 */
export const faceDetectionJob = defineJob({
  kind: 'faces.detect',
  // The io lane, after import and image analysis: it reads the posts they write (and queued behind them, e.g. by the
  // demo pipeline, it sees their result). It does not use the ML host; its workers own their own backends.
  lane: 'io',
  unit: 'images',
  description: 'Find the faces in every image (face-api, SSD-MobileNetV1 or TinyFaceDetector) in a worker pool; store every detection.',
  params: faceDetectionParams,
  title: (params) => `Detect faces (${faceDetectorTitles[params.detector]}${params.landmarks ? ', landmarks' : ''})`,
  run: async ({ params, checkpoint, signal, progress, project }) => {
    const started = Date.now();
    // A forced run that was interrupted resumes without redoing what it already did: it remembers when it began.
    const runStartedAt = typeof (checkpoint as { startedAt?: unknown })?.startedAt === 'string' ? (checkpoint as { startedAt: string }).startedAt : new Date(started).toISOString();
    const version = detectorVersion(params.detector);
    const work = pendingImages(project, params, version, runStartedAt);
    const table = project.faceTable;
    const report: Omit<FaceDetectionReport, 'summary'> = {
      detector: params.detector,
      detectorVersion: version,
      backend: null,
      workers: 0,
      detected: 0,
      alreadyDone: work.alreadyDone,
      failed: 0,
      failures: [],
      paddedRetries: 0,
      foundWhenPadded: 0,
      imagesPerSecond: null,
      seconds: 0,
    };
    const total = work.items.length;
    let done = 0;
    let lastSave = Date.now();
    let saving: Promise<void> | null = null;
    const save = async () => {
      while (saving) await saving;
      saving = project.faces.write().finally(() => (saving = null));
      await saving;
    };
    const record = (item: Pending, fields: Pick<FaceImageRecord, 'backend' | 'width' | 'height' | 'status' | 'views' | 'detections'> & { error?: string }) => {
      table.put({
        postId: item.postId,
        imageIndex: item.imageIndex,
        path: item.path,
        detector: params.detector,
        detectorVersion: version,
        detectedAt: new Date().toISOString(),
        landmarks: params.landmarks,
        ...fields,
      });
      if (fields.status === 'error') {
        report.failed++;
        if (report.failures.length < 100) report.failures.push({ postId: item.postId, imageIndex: item.imageIndex, file: item.path, reason: fields.error ?? '' });
      } else {
        report.detected++;
      }
      done++;
    };
    const tell = (message: string) => progress({ done, total, message, checkpoint: { startedAt: runStartedAt } });

    // Images without a local file (a download that failed, a manifest URL not fetched) cannot be read: say so.
    const readable: Pending[] = [];
    for (const item of work.items) {
      if (item.path === null) record(item, { backend: null, width: 0, height: 0, status: 'error', error: 'no local file (the image was not downloaded)', views: 0, detections: [] });
      else readable.push(item);
    }
    const detectAll = async (readable: Pending[]): Promise<void> => {
      tell('starting the face detector workers');
      const pool = await FaceDetectorPool.start({
        detectors: [params.detector],
        landmarks: params.landmarks,
        ...(params.backend ? { backend: params.backend } : envBackend()),
        ...(params.workers ? { size: params.workers } : {}),
      });
      report.backend = `${pool.backend.backend} (${pool.backend.device})`;
      report.workers = pool.size;
      const status = () => `${faceDetectorTitles[params.detector]} · ${pool.backend.backend} × ${pool.size} workers${report.failed ? ` · ${report.failed} unreadable` : ''}`;
      tell(status());
      try {
        let next = 0;
        // Each feeder keeps one image in flight, so a cancel waits for at most one image per worker.
        const feeder = async () => {
          while (next < readable.length && !signal.aborted) {
            const item = readable[next++]!;
            const result = await pool.detect({ path: item.path!, detector: params.detector, landmarks: params.landmarks });
            if (result.ok) {
              const { width, height, views, detections } = result.value;
              record(item, { backend: pool.backend.backend, width, height, status: 'ok', views, detections });
              if (views > 1) {
                report.paddedRetries++;
                if (detections.some((d) => d.padding > 1 && d.score >= confidentScore)) report.foundWhenPadded++;
              }
            } else {
              record(item, { backend: pool.backend.backend, width: 0, height: 0, status: 'error', error: result.reason, views: 0, detections: [] });
            }
            tell(status());
            if (Date.now() - lastSave > saveEveryMs) {
              lastSave = Date.now();
              await save(); // results so far survive a crash; a resumed run skips them
            }
          }
        };
        await Promise.all(Array.from({ length: pool.size }, feeder));
      } finally {
        await pool.close();
      }
    };

    try {
      if (readable.length > 0 && !signal.aborted) await detectAll(readable);
    } finally {
      await save(); // also when the pool failed: what was detected is kept, and a resumed run skips it
    }
    report.seconds = (Date.now() - started) / 1000;
    report.imagesPerSecond = report.seconds > 0 && done > 0 ? done / report.seconds : null;
    return { ...report, summary: facesSummary(project) } satisfies FaceDetectionReport;
  },
});

/** SELFIE_LAB_BACKEND forces the backend here as it does for the ML host. */
function envBackend(): { backend?: BackendName } {
  const forced = process.env.SELFIE_LAB_BACKEND;
  return forced && isBackendName(forced) ? { backend: forced } : {};
}

/** Every image of every post that this run must (re)detect, in post order. */
function pendingImages(project: ProjectSession, params: FaceDetectionParams, version: string, runStartedAt: string): { items: Pending[]; alreadyDone: number } {
  const table = project.postTable;
  const faces = project.faceTable;
  const items: Pending[] = [];
  let alreadyDone = 0;
  for (let row = 0; row < table.count; row++) {
    const postId = table.file.columns.id[row]!;
    table.file.columns.images[row]!.forEach((tuple, imageIndex) => {
      const path = tuple[0] === null ? null : resolve(project.dir, tuple[0]);
      const existing = faces.get(postId, imageIndex);
      const current =
        existing !== undefined &&
        existing.detector === params.detector &&
        existing.detectorVersion === version &&
        existing.path === path &&
        (existing.landmarks || !params.landmarks) &&
        (!params.force || existing.detectedAt >= runStartedAt);
      if (current) alreadyDone++;
      else items.push({ imageIndex, postId, path });
    });
  }
  return { items, alreadyDone };
}
