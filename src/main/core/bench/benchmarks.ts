import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { FaceDetectorName } from '../../../shared/faces/face-types';
import { FaceDetectorPool } from '../faces/face-pool';
import { faceApiPackageDir } from '../faces/face-models';
import { simulateToFolder } from '../demo/simulate-demo';
import { labelRuleParams } from '../../../shared/labeling/label-set';
import { cutTails, residualScores } from '../../../shared/labeling/rules';
import { labelPopulation } from '../labeling/label-population';
import { LabelService } from '../labeling/label-service';
import { postColumns, postsSummary } from '../posts/post-queries';
import { ProjectSession } from '../projects/project-session';
import { Workbench } from '../workbench';
import { trainingBenchmarks } from './training-benchmarks';

/**
 * The figures issues ask for (`npm run bench`). Each measurement runs in a fresh child process, so peak RSS
 * is that benchmark's alone; the parent repeats it and reports the median.
 */
export interface Benchmark {
  name: string;
  description: string;
  unit: string;
  /** The target, for the table (lower is better unless `higherIsBetter`). */
  target?: number;
  higherIsBetter?: boolean;
  /** Peak RSS target in MB, when the issue names one. */
  rssTargetMb?: number;
  /** Makes the inputs (untimed, in its own child process, so its garbage does not weigh on the measurement). */
  prepare?(context: BenchContext): Promise<void>;
  /** Runs once in the child; returns the measured value (and, for some, a target measured on this machine and details). */
  measure(context: BenchContext): Promise<number | Measurement>;
}

export interface Measurement {
  value: number;
  /** A target that depends on this machine (e.g. from the single-image latency just measured); overrides `target`. */
  target?: number;
  /** Further figures printed beside the value, e.g. { latencyMs: 210, workers: 2 }. */
  details?: Record<string, number | string>;
}

export interface BenchContext {
  workDir: string;
  rows: number;
  configDir: string;
}

/** The simulator's two crawls of `rows` posts (metadata only), made once per work folder and reused. */
async function simulatedCrawls(context: BenchContext): Promise<{ day0: string; day7: string }> {
  const dir = join(context.workDir, `simulated-${context.rows}`);
  const day0 = join(dir, 'day0', 'posts.csv');
  const day7 = join(dir, 'day7', 'posts.csv');
  if (!existsSync(day7)) await simulateToFolder({ posts: context.rows, owners: Math.max(1, Math.round(context.rows / 10)), seed: 1 }, dir, { images: 'none' });
  return { day0, day7 };
}

/** A project holding both crawls (so posts have labeled likes), made once per work folder and reused. */
export async function importedProject(context: BenchContext): Promise<string> {
  const dir = join(context.workDir, `project-${context.rows}`);
  if (existsSync(join(dir, 'posts.json'))) return dir;
  const { day0, day7 } = await simulatedCrawls(context);
  await rm(dir, { recursive: true, force: true });
  await importInto(dir, [day0, day7], context.configDir);
  return dir;
}

async function importInto(dir: string, manifests: string[], configDir: string): Promise<void> {
  const workbench = await Workbench.create({ shell: 'cli', configDir });
  try {
    await workbench.createProject(dir);
    const jobs = workbench.requireJobs();
    const job = await jobs.start('import', { paths: manifests, downloadImages: false });
    await jobs.idle();
    const done = jobs.get(job.id);
    if (done.state !== 'succeeded') throw new Error(`import ${done.state}: ${done.error?.message ?? ''}`);
  } finally {
    await workbench.dispose();
  }
}

export const benchmarks: Benchmark[] = [
  {
    name: 'import-csv',
    description: 'Import the simulator\'s day-0 manifest (one row per post; images not decoded) into a new project',
    unit: 's',
    target: 15,
    rssTargetMb: 2048,
    prepare: async (context) => void (await simulatedCrawls(context)),
    measure: async (context) => {
      const manifest = (await simulatedCrawls(context)).day0;
      const dir = join(context.workDir, `import-run-${process.pid}`);
      await rm(dir, { recursive: true, force: true });
      const started = performance.now();
      await importInto(dir, [manifest], context.configDir);
      const seconds = (performance.now() - started) / 1000;
      await rm(dir, { recursive: true, force: true });
      return seconds;
    },
  },
  {
    name: 'open-project',
    description: 'Open a project of that many posts (read and check posts.json, summarise)',
    unit: 's',
    target: 3,
    prepare: async (context) => void (await importedProject(context)),
    measure: async (context) => {
      const dir = await importedProject(context);
      const started = performance.now();
      const session = await ProjectSession.open(dir, { writable: false, shell: 'cli' });
      postsSummary(session.postTable, 7);
      const seconds = (performance.now() - started) / 1000;
      await session.close();
      return seconds;
    },
  },
  {
    name: 'explorer-columns',
    description: 'Compute the Dataset explorer columns (labeled likes, ages, ...) for every post',
    unit: 'ms',
    prepare: async (context) => void (await importedProject(context)),
    measure: async (context) => {
      const dir = await importedProject(context);
      const session = await ProjectSession.open(dir, { writable: false, shell: 'cli' });
      const started = performance.now();
      const columns = postColumns(session.postTable, 7);
      const ms = performance.now() - started;
      if (columns.count !== context.rows) throw new Error(`expected ${context.rows} rows, got ${columns.count}`);
      await session.close();
      return ms;
    },
  },
  {
    name: 'label-recompute',
    description: 'Residual rule, full recompute on the population (OLS fit, residuals, both orders, cut 10%/10% tails) — the Labels page runs the same functions',
    unit: 'ms',
    target: 200,
    prepare: async (context) => void (await importedProject(context)),
    measure: async (context) => {
      const session = await ProjectSession.open(await importedProject(context), { writable: false, shell: 'cli' });
      const params = labelRuleParams.parse({ strategy: 'residual', faces: 'ignore' });
      const population = labelPopulation(session.postTable, params, 7, null);
      const input = { ids: population.ids, likes: population.likes, followers: population.followers, hashtags: population.hashtags };
      residualScores(input, true); // warm-up: the page computes once per population; this times a full recompute
      const started = performance.now();
      const ranked = residualScores(input, true);
      cutTails(ranked, 0.1, 0.1);
      const ms = performance.now() - started;
      // One threshold step: re-cut the tails of the ranked scores (what a slider drag does before redrawing).
      const stepStart = performance.now();
      for (let i = 0; i < 20; i++) cutTails(ranked, 0.1 + i * 0.001, 0.1);
      const stepMs = (performance.now() - stepStart) / 20;
      await session.close();
      return { value: ms, details: { population: population.ids.length, thresholdStepMs: Number(stepMs.toFixed(2)) } };
    },
  },
  {
    name: 'label-save',
    description: 'Save a label set (recompute on the current posts, owner split, write labels and summary)',
    unit: 's',
    target: 1,
    prepare: async (context) => void (await importedProject(context)),
    measure: async (context) => {
      const session = await ProjectSession.open(await importedProject(context), { writable: true, shell: 'cli' });
      try {
        const started = performance.now();
        await new LabelService(session, () => null).save('bench', { strategy: 'residual', faces: 'ignore' });
        return (performance.now() - started) / 1000;
      } finally {
        await session.close();
      }
    },
  },
  {
    name: 'ml-matmul',
    description: 'Float32 256×256 matrix products on the resolved TensorFlow.js backend',
    unit: 'GFLOP/s',
    higherIsBetter: true,
    measure: async (context) => {
      const workbench = await Workbench.create({ shell: 'cli', configDir: context.configDir });
      try {
        const result = await workbench.ml.call('benchmark', { iterations: 300, size: 256 });
        return result.gflops;
      } finally {
        await workbench.dispose();
      }
    },
  },
  {
    name: 'faces-ssd',
    description: 'SSD-MobileNetV1 face detection on 1080×1080 JPEGs, decode included: whole pool images/s (target 90% of cores ÷ mean single-image latency)',
    unit: 'images/s',
    higherIsBetter: true,
    prepare: async (context) => void (await faceBenchImages(context)),
    measure: (context) => measureFaceDetection('ssd', context, 4),
  },
  {
    name: 'faces-tiny',
    description: 'TinyFaceDetector face detection on 1080×1080 JPEGs, decode included: whole pool images/s (target 90% of cores ÷ mean single-image latency)',
    unit: 'images/s',
    higherIsBetter: true,
    prepare: async (context) => void (await faceBenchImages(context)),
    measure: (context) => measureFaceDetection('tiny', context, 12),
  },
  ...trainingBenchmarks,
];

/** 1080×1080 JPEGs (quality 90, a phone's upload size) cut from face-api's six sample photos (3 to 5 faces each). */
async function faceBenchImages(context: BenchContext): Promise<string[]> {
  const dir = join(context.workDir, 'faces-1080');
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 1; i <= 6; i++) {
    const file = join(dir, `sample${i}-1080.jpg`);
    if (!existsSync(file)) {
      await sharp(join(faceApiPackageDir(), 'demo', `sample${i}.jpg`)).resize(1080, 1080, { fit: 'cover' }).jpeg({ quality: 90 }).toFile(file);
    }
    files.push(file);
  }
  return files;
}

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/**
 * Face detection, decode included (each request reads, decodes, resizes and detects one JPEG in a worker): the whole
 * pool's images/s, then one worker's single-image latency, the images one after another. The target is 90% of
 * cores ÷ latency, i.e. the pool must scale to 90% of one worker's rate (1 ÷ mean latency) times the cores.
 * Memory per worker: the process's resident memory growth while the pool worked, divided by its workers.
 */
async function measureFaceDetection(detector: FaceDetectorName, context: BenchContext, rounds: number): Promise<Measurement> {
  const images = await faceBenchImages(context);
  const cores = availableParallelism();
  const work = Array.from({ length: images.length * rounds }, (_, i) => images[i % images.length]!);
  const detect = async (pool: FaceDetectorPool, path: string) => {
    const result = await pool.detect({ path, detector, landmarks: false });
    if (!result.ok) throw new Error(`face detection failed: ${result.reason}`);
    return result.value;
  };

  const rssBefore = process.memoryUsage().rss;
  const pool = await FaceDetectorPool.start({ detectors: [detector], landmarks: false, size: cores });
  const workers = pool.size;
  let throughput: number;
  let memoryPerWorkerMb: number;
  let faces = 0;
  try {
    await Promise.all(images.map((path) => detect(pool, path))); // every worker warm
    const started = performance.now();
    const outcomes = await Promise.all(work.map((path) => detect(pool, path)));
    throughput = work.length / ((performance.now() - started) / 1000);
    faces = outcomes.slice(0, images.length).reduce((sum, outcome) => sum + outcome.detections.filter((d) => d.score >= 0.5).length, 0);
    memoryPerWorkerMb = mb((process.memoryUsage().rss - rssBefore) / workers);
  } finally {
    await pool.close();
  }

  const single = await FaceDetectorPool.start({ detectors: [detector], landmarks: false, size: 1 });
  const latencies: number[] = [];
  try {
    for (const path of images) await detect(single, path); // warm
    for (const path of work) {
      const started = performance.now();
      await detect(single, path);
      latencies.push(performance.now() - started);
    }
  } finally {
    await single.close();
  }
  latencies.sort((a, b) => a - b);
  const meanLatencyMs = latencies.reduce((sum, ms) => sum + ms, 0) / latencies.length;
  return {
    value: throughput,
    target: (0.9 * cores * 1000) / meanLatencyMs,
    details: {
      latencyMs: Math.round(latencies[Math.floor(latencies.length / 2)]!),
      meanLatencyMs: Math.round(meanLatencyMs),
      // Each worker's time per image while all ran at once: above the latency when the cores share caches and memory.
      parallelMsPerImage: Math.round((workers * 1000) / throughput),
      workers,
      cores,
      memoryPerWorkerMb,
      backend: pool.backend.backend,
      facesInSixImages: faces,
    },
  };
}

export async function ensureWorkDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
}
