import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeSyntheticManifest } from '../import/manifest/manifest-benchmark';
import { postColumns, postsSummary } from '../posts/post-queries';
import { ProjectSession } from '../projects/project-session';
import { Workbench } from '../workbench';

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
  /** Runs once in the child; returns the measured value. */
  measure(context: BenchContext): Promise<number>;
}

export interface BenchContext {
  workDir: string;
  rows: number;
  configDir: string;
}

async function syntheticManifest(context: BenchContext): Promise<string> {
  const file = join(context.workDir, `manifest-${context.rows}.csv`);
  if (!existsSync(file)) await writeSyntheticManifest(file, context.rows);
  return file;
}

/** A project holding the synthetic manifest's posts (made once per work folder and reused). */
async function importedProject(context: BenchContext): Promise<string> {
  const dir = join(context.workDir, `project-${context.rows}`);
  if (existsSync(join(dir, 'posts.json'))) return dir;
  const manifest = await syntheticManifest(context);
  await rm(dir, { recursive: true, force: true });
  await importInto(dir, manifest, context.configDir);
  return dir;
}

async function importInto(dir: string, manifest: string, configDir: string): Promise<void> {
  const workbench = await Workbench.create({ shell: 'cli', configDir });
  try {
    await workbench.createProject(dir);
    const jobs = workbench.requireJobs();
    const job = await jobs.start('import', { paths: [manifest], downloadImages: false });
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
    description: 'Import a synthetic CSV manifest (local image paths, images not decoded) into a new project',
    unit: 's',
    target: 15,
    rssTargetMb: 2048,
    prepare: async (context) => void (await syntheticManifest(context)),
    measure: async (context) => {
      const manifest = await syntheticManifest(context);
      const dir = join(context.workDir, `import-run-${process.pid}`);
      await rm(dir, { recursive: true, force: true });
      const started = performance.now();
      await importInto(dir, manifest, context.configDir);
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
];

export async function ensureWorkDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
}
