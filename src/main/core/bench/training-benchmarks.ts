/**
 * The training figures of the training issue: MobileNetV2 embeddings per second (decode included), seconds per epoch
 * of the head on 30,000 cached 1280-d features, and the peak memory of that training.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { seededRandom } from '../../../shared/simulation/random';
import { backboneCatalog } from '../../../shared/training/backbones';
import { listDemoPhotos } from '../demo/demo-photos';
import { MlHost } from '../ml/ml-host';
import { openFeatureCache } from '../training/embedding-cache';
import type { Benchmark, BenchContext, Measurement } from './benchmarks';

const embedImages = 160;
const headRows = 30_000;
const headEpochs = 3;

/** 1080×1080 JPEGs (quality 90, a phone's upload size) cut from the demo photos, made once per work folder. */
async function benchPhotos(context: BenchContext): Promise<string[]> {
  const dir = join(context.workDir, 'embed-1080');
  await mkdir(dir, { recursive: true });
  const photos = await listDemoPhotos();
  const files: string[] = [];
  for (let i = 0; i < embedImages; i++) {
    const file = join(dir, `photo-${String(i).padStart(3, '0')}.jpg`);
    if (!existsSync(file)) {
      // Each file differs (a crop offset and a flip), so no two share a SHA-256 and none is skipped as cached.
      const photo = photos[i % photos.length]!.file;
      await sharp(photo).rotate().resize(1200, 1200, { fit: 'cover' }).extract({ left: i % 100, top: (i * 7) % 100, width: 1080, height: 1080 }).flop(i % 2 === 1).jpeg({ quality: 90 }).toFile(file);
    }
    files.push(file);
  }
  return files;
}

/** 30,000 random 1280-d feature files in a cache folder, made once per work folder. */
async function benchFeatures(context: BenchContext): Promise<{ dir: string; keys: string[] }> {
  const preprocessing = backboneCatalog.mobilenet_v2.defaultPreprocessing;
  const dir = await openFeatureCache(join(context.workDir, 'head-project'), preprocessing);
  const keys = Array.from({ length: headRows }, (_, i) => `bench-${String(i).padStart(6, '0')}`);
  const existing = new Set(await readdir(dir));
  const random = seededRandom(11);
  const row = new Float32Array(preprocessing.featureDim);
  for (const key of keys) {
    if (existing.has(`${key}.f32`)) continue;
    // Non-negative like pooled ReLU6 activations, mostly small.
    for (let j = 0; j < row.length; j++) row[j] = random() < 0.6 ? 0 : random() * 2;
    await writeFile(join(dir, `${key}.f32`), new Uint8Array(row.buffer));
  }
  return { dir, keys };
}

async function trainOnBenchFeatures(context: BenchContext): Promise<{ secondsPerEpoch: number[]; hostPeakRssMb: number; backend: string }> {
  const { dir, keys } = await benchFeatures(context);
  const random = seededRandom(5);
  const labels = keys.map(() => (random() < 0.5 ? 1 : 0));
  const split = Math.floor(keys.length * 0.9);
  const host = new MlHost();
  const runDir = join(context.workDir, `head-run-${process.pid}`);
  try {
    const backend = await host.backend();
    const result = await host.call('trainHead', {
      runDir,
      featureDir: dir,
      preprocessing: backboneCatalog.mobilenet_v2.defaultPreprocessing,
      train: { keys: keys.slice(0, split), labels: labels.slice(0, split) },
      val: { keys: keys.slice(split), labels: labels.slice(split) },
      hyper: { epochs: headEpochs, batch: 32, lr: 0.01, momentum: 0.9, l2: 5e-4, dropout: 0.5, patience: 0, seed: 1 },
      resume: false,
    });
    const stats = await host.call('stats', {});
    return { secondsPerEpoch: result.history.map((epoch) => epoch.seconds), hostPeakRssMb: Math.round(stats.maxRssMb), backend: `${backend.backend} (${backend.device})` };
  } finally {
    await host.dispose();
    await rm(runDir, { recursive: true, force: true });
  }
}

export const trainingBenchmarks: Benchmark[] = [
  {
    name: 'embeddings',
    description: `MobileNetV2 features of ${embedImages} 1080×1080 JPEGs in the ML host, decode (EXIF, resize to 224) included, batches of 16; the model load is not timed`,
    unit: 'images/s',
    target: 20,
    higherIsBetter: true,
    prepare: async (context) => void (await benchPhotos(context)),
    measure: async (context): Promise<Measurement> => {
      const photos = await benchPhotos(context);
      const host = new MlHost();
      const projectDir = join(context.workDir, `embed-project-${process.pid}`);
      try {
        const backend = await host.backend();
        const preprocessing = await host.call('backbone', { backbone: 'mobilenet_v2' }); // converts on first use, untimed
        const cacheDir = await openFeatureCache(projectDir, preprocessing);
        await host.call('embed', { backbone: 'mobilenet_v2', cacheDir, batch: 16, items: photos.slice(0, 16).map((path, i) => ({ key: `warm-${i}`, path })) });
        const items = photos.map((path, i) => ({ key: `photo-${i}`, path }));
        const started = performance.now();
        const result = await host.call('embed', { backbone: 'mobilenet_v2', cacheDir, batch: 16, items });
        const seconds = (performance.now() - started) / 1000;
        if (result.computed !== items.length) throw new Error(`embedded ${result.computed} of ${items.length}: ${result.failed[0]?.reason}`);
        const stats = await host.call('stats', {});
        return { value: items.length / seconds, details: { images: items.length, msPerImage: Math.round((seconds * 1000) / items.length), backend: `${backend.backend} (${backend.device})`, mlHostPeakRssMb: Math.round(stats.maxRssMb) } };
      } finally {
        await host.dispose();
        await rm(projectDir, { recursive: true, force: true });
      }
    },
  },
  {
    name: 'head-epoch',
    description: `One epoch of the head (dropout → dense sigmoid, SGD momentum, batch 32) on ${headRows.toLocaleString('en-US')} cached 1280-d features (90% train, 10% validated each epoch), median of ${headEpochs} epochs, checkpoint included`,
    unit: 's',
    target: 3,
    prepare: async (context) => void (await benchFeatures(context)),
    measure: async (context): Promise<Measurement> => {
      const { secondsPerEpoch, hostPeakRssMb, backend } = await trainOnBenchFeatures(context);
      const sorted = [...secondsPerEpoch].sort((a, b) => a - b);
      return { value: sorted[Math.floor(sorted.length / 2)]!, details: { epochs: secondsPerEpoch.map((s) => s.toFixed(2)).join(' / '), backend, mlHostPeakRssMb: hostPeakRssMb } };
    },
  },
  {
    name: 'train-rss',
    description: `Peak resident memory while training the head on ${headRows.toLocaleString('en-US')} cached features: the larger of the ML host's and the main process's`,
    unit: 'MB',
    target: 3072,
    prepare: async (context) => void (await benchFeatures(context)),
    measure: async (context): Promise<Measurement> => {
      const { hostPeakRssMb } = await trainOnBenchFeatures(context);
      const mainPeakMb = Math.round(process.resourceUsage().maxRSS / 1024);
      return { value: Math.max(hostPeakRssMb, mainPeakMb), details: { mlHostPeakRssMb: hostPeakRssMb, mainPeakRssMb: mainPeakMb } };
    },
  },
];
