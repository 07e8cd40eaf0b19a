import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { listDemoPhotos } from './demo-photos';
import { simulateToFolder } from './simulate-demo';

/** The demo: 600 posts by one owner per demo photograph, seeded, so every run makes the same project. */
export const demoSimulation = { posts: 600, seed: 2015 };

/** Where `selfie-lab demo` and the apps' first start put the demo project (SELFIE_LAB_DEMO_DIR overrides). */
export function defaultDemoDir(): string {
  return process.env.SELFIE_LAB_DEMO_DIR || join(homedir(), 'selfie-lab-demo');
}

export interface DemoSource {
  day0: string;
  day7: string;
  posts: number;
  owners: number;
  deleted: number;
}

/** Writes the simulated crawls and photo variants into <project>/demo-source/, once (later runs reuse them). */
export async function prepareDemoSource(projectDir: string, onProgress?: (done: number, total: number) => void, posts = demoSimulation.posts): Promise<DemoSource> {
  const dir = join(projectDir, 'demo-source');
  const summaryFile = join(dir, 'simulation.json');
  if (existsSync(summaryFile) && existsSync(join(dir, 'day7', 'posts.csv'))) {
    const summary = JSON.parse(await readFile(summaryFile, 'utf8')) as { posts: number; owners: number; deleted: number };
    return { day0: join(dir, 'day0', 'posts.csv'), day7: join(dir, 'day7', 'posts.csv'), ...summary };
  }
  const owners = (await listDemoPhotos()).length;
  const files = await simulateToFolder({ ...demoSimulation, posts, owners }, dir, { images: 'demo', ...(onProgress ? { onProgress } : {}) });
  return { day0: files.day0, day7: files.day7, posts: files.posts, owners, deleted: files.deleted };
}

export interface DemoStage {
  name: string;
  /** The job that runs it, or null while the feature does not exist yet. */
  kind: string | null;
  /** Which feature brings it, said when it is missing. */
  feature: string;
  params(source: DemoSource): Record<string, unknown>;
}

/**
 * import → images → faces → label → train → evaluate. A stage whose job kind this version does not have yet is
 * reported as missing (the features arrive one issue at a time), never faked.
 */
export const demoStages: DemoStage[] = [
  { name: 'import', kind: 'import', feature: 'Collection and import', params: (source) => ({ paths: [source.day0, source.day7] }) },
  { name: 'images', kind: 'images.analyze', feature: 'Collection and import', params: () => ({}) },
  { name: 'faces', kind: 'faces.detect', feature: 'Face filter', params: () => ({ detector: 'tiny' }) },
  { name: 'label', kind: 'labels.create', feature: 'Labeling lab', params: () => ({ name: 'demo residual 10%', strategy: 'residual', top: 0.1, bottom: 0.1, reuseIdentical: true }) },
  { name: 'train', kind: 'train', feature: 'Training and evaluation', params: () => ({ labelSet: 'demo residual 10%', backbone: 'mobilenet_v2', mode: 'head' }) },
  { name: 'evaluate', kind: 'evaluate', feature: 'Training and evaluation', params: () => ({}) },
];

/** Whether this version can run the stage; `canRun` says which job kinds exist. */
export function stageAvailable(stage: DemoStage, canRun: (kind: string) => boolean): boolean {
  return stage.kind !== null && canRun(stage.kind);
}
