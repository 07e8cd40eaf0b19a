import { readdir, readFile, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';
import { RunsRepository } from '../../../src/main/core/training/runs-repository';
import { checkVgg16Weights, vgg16ConvLayers, vgg16DenseLayers } from '../../../src/main/core/training/backbones/vgg16-weights';
import { openFeatureCache } from '../../../src/main/core/training/embedding-cache';
import { MlHost } from '../../../src/main/core/ml/ml-host';
import { resolvePreprocessing } from '../../../src/main/core/training/preprocessing';
import type { TrainResult } from '../../../src/main/core/training/train.job';
import { tempDir } from '../../support/temp';
import { buildDemoProject, runJob } from './demo-project';

const faces = resolve(import.meta.dirname, '../../fixtures/faces');

interface FakeVggOptions {
  top?: boolean;
  /** Give this layer's kernel another shape. */
  wrongShape?: { layer: string; shape: number[] };
  /** Leave this layer out. */
  missing?: string;
  /** Write fewer bytes than the manifest says. */
  truncate?: boolean;
  /** Kernel value (float32); biases are 0. */
  value?: number;
}

/** A VGG-16 weights folder in tfjs layers format, as tensorflowjs_converter writes it from Keras, with made-up values. */
async function writeFakeVgg(dir: string, options: FakeVggOptions = {}): Promise<string> {
  await mkdir(dir, { recursive: true });
  const weights: Array<{ name: string; shape: number[]; dtype: 'float32' }> = [];
  const layers: Array<[string, number[]]> = [...vgg16ConvLayers, ...(options.top ? vgg16DenseLayers : [])];
  for (const [layer, kernel] of layers) {
    if (layer === options.missing) continue;
    const shape = options.wrongShape?.layer === layer ? options.wrongShape.shape : kernel;
    weights.push({ name: `${layer}/kernel`, shape, dtype: 'float32' }, { name: `${layer}/bias`, shape: [kernel[kernel.length - 1]!], dtype: 'float32' });
  }
  const values = new Float32Array(weights.reduce((sum, w) => sum + w.shape.reduce((a, b) => a * b, 1), 0));
  let offset = 0;
  for (const w of weights) {
    const size = w.shape.reduce((a, b) => a * b, 1);
    if (w.name.endsWith('/kernel')) values.fill(options.value ?? 0, offset, offset + size);
    offset += size;
  }
  const bytes = new Uint8Array(values.buffer);
  await writeFile(join(dir, 'group1-shard1of1.bin'), options.truncate ? bytes.subarray(0, bytes.length - 4) : bytes);
  await writeFile(join(dir, 'model.json'), JSON.stringify({ format: 'layers-model', modelTopology: {}, weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights }] }));
  return dir;
}

describe('VGG-16 weights from a folder the user provides', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ dir, cleanup } = await tempDir()));
  afterAll(async () => cleanup());

  it('refuses to run "pretrained" without weights, and says how to make them', async () => {
    await expect(checkVgg16Weights(undefined)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('will not train a "pretrained" run on random weights') });
    await expect(checkVgg16Weights(undefined)).rejects.toThrow('tensorflowjs_converter --input_format keras');
    await expect(checkVgg16Weights(join(dir, 'nowhere'))).rejects.toThrow(`No model.json in ${join(dir, 'nowhere')}`);
    await expect(resolvePreprocessing('vgg16')).rejects.toThrow('vgg16 needs ImageNet weights');
  });

  it('checks every layer and names the one that is wrong', async () => {
    const wrong = await writeFakeVgg(join(dir, 'wrong'), { wrongShape: { layer: 'block3_conv2', shape: [3, 3, 256, 128] } });
    await expect(checkVgg16Weights(wrong)).rejects.toMatchObject({
      message: expect.stringContaining('Layer block3_conv2: kernel has shape [3, 3, 256, 128], VGG-16 needs [3, 3, 256, 256]'),
      details: { layer: 'block3_conv2', found: [3, 3, 256, 128], expected: [3, 3, 256, 256] },
    });
    const missing = await writeFakeVgg(join(dir, 'missing'), { missing: 'block5_conv3' });
    await expect(checkVgg16Weights(missing)).rejects.toThrow('Layer block5_conv3: no kernel');
    const topWrong = await writeFakeVgg(join(dir, 'top-wrong'), { top: true, wrongShape: { layer: 'fc1', shape: [512, 4096] } });
    await expect(checkVgg16Weights(topWrong)).rejects.toThrow('Layer fc1: kernel has shape [512, 4096], VGG-16 needs [25088, 4096]');
    const truncated = await writeFakeVgg(join(dir, 'truncated'), { truncate: true });
    await expect(checkVgg16Weights(truncated)).rejects.toThrow('a download or conversion was cut short');
    await writeFile(join(dir, 'truncated', 'model.json'), '{"weightsManifest": [');
    await expect(checkVgg16Weights(truncated)).rejects.toThrow('is not valid JSON');
  });

  it('loads valid weights into the architecture and computes 512-d features (no top) in the ML host', async () => {
    const weights = await writeFakeVgg(join(dir, 'notop'), { value: 1e-3 });
    const check = await checkVgg16Weights(weights);
    expect(check).toMatchObject({ includesTop: false, names: { 'block1_conv1/kernel': 'block1_conv1/kernel' } });
    const preprocessing = await resolvePreprocessing('vgg16', weights);
    expect(preprocessing).toMatchObject({ size: 224, channelOrder: 'BGR', mean: [103.939, 116.779, 123.68], scale: 1, featureDim: 512 });
    const host = new MlHost({ backend: 'wasm' });
    try {
      expect(await host.call('backbone', { backbone: 'vgg16', weights })).toEqual(preprocessing);
      const cacheDir = await openFeatureCache(join(dir, 'project'), preprocessing);
      const result = await host.call('embed', { backbone: 'vgg16', weights, cacheDir, batch: 2, items: [{ key: 'coffee', path: join(faces, 'coffee.jpg') }, { key: 'missing', path: join(dir, 'missing.jpg') }] });
      expect(result.computed).toBe(1);
      expect(result.failed).toEqual([{ key: 'missing', path: join(dir, 'missing.jpg'), reason: 'file not found' }]);
      const features = new Float32Array((await readFile(join(cacheDir, 'coffee.f32'))).buffer.slice(0));
      expect(features).toHaveLength(512);
      expect(features.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
    } finally {
      await host.dispose();
    }
  }, 120_000);
});

describe('face128: the face descriptor of the detected face', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const cacheDirBefore = process.env.SELFIE_LAB_CACHE_DIR;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    process.env.SELFIE_LAB_CACHE_DIR = join(dir, 'user-cache');
  });
  afterAll(async () => {
    if (cacheDirBefore === undefined) delete process.env.SELFIE_LAB_CACHE_DIR;
    else process.env.SELFIE_LAB_CACHE_DIR = cacheDirBefore;
    await cleanup();
  });

  it('gives 128 numbers per face crop, the same for the same crop and different for other faces', async () => {
    const host = new MlHost({ backend: 'wasm' });
    try {
      const preprocessing = await resolvePreprocessing('face128');
      const cacheDir = await openFeatureCache(join(dir, 'p'), preprocessing);
      const crop = (name: string, key: string) => ({ key, path: join(faces, name), box: { x: 0, y: 0, width: 10_000, height: 10_000 } });
      const result = await host.call('embed', { backbone: 'face128', cacheDir, batch: 4, items: [crop('tight-sample1-1.jpg', 'a'), crop('tight-sample1-1.jpg', 'a2'), crop('tight-sample2-1.jpg', 'b')] });
      expect(result).toMatchObject({ computed: 3, failed: [] });
      const read = async (key: string) => new Float32Array((await readFile(join(cacheDir, `${key}.f32`))).buffer.slice(0));
      const [a, a2, b] = await Promise.all([read('a'), read('a2'), read('b')]);
      expect(a).toHaveLength(128);
      expect([...a2]).toEqual([...a]);
      const distance = Math.hypot(...a.map((v, i) => v - b[i]!));
      expect(distance).toBeGreaterThan(0.2);
      expect((await host.call('memory', {})).numTensors).toBeGreaterThan(0); // the network's weights stay loaded
    } finally {
      await host.dispose();
    }
  });

  it('trains a head on the faces the rule counts (posts without one are skipped, with the reason)', async () => {
    const demo = await buildDemoProject(dir, { posts: 60, seed: 9, faces: 'required', detectFaces: true, labelSet: { top: 0.4, bottom: 0.4, val: 0.3 } });
    try {
      const { job } = await runJob(demo.workbench, 'train', { labelSet: 'planted', backbone: 'face128', epochs: 5, patience: 0 });
      expect(job.state, job.error?.message).toBe('succeeded');
      const result = job.result as TrainResult;
      expect(result.counts.train.good + result.counts.train.bad).toBeGreaterThan(5);
      const files = await readdir(join(demo.projectDir, 'cache', 'embeddings', 'face128'));
      expect(files.filter((name) => /^[0-9a-f]{64}-[0-9a-f]{10}\.f32$/.test(name)).length).toBe(result.embeddings!.images);
      // Every labeled post passed the face rule (faces: required), so none was skipped for lack of a face.
      expect(result.counts.skipped).toBe(0);

      // `predict` on the project's own images uses the face training used, so it gives the stored predictions exactly.
      const stored = await new RunsRepository(demo.projectDir).predictions(result.runId);
      const table = demo.workbench.requireProject().postTable;
      const sample = stored.postId.slice(0, 4).map((postId, i) => ({ postId, pGood: stored.pGood[i]!, path: table.file.columns.images[table.rowOf(postId)!]![0]![0]! }));
      await demo.workbench.closeProject(); // the CLI opens the project itself
      const out: string[] = [];
      const code = await runCli(['predict', '--project', demo.projectDir, '--run', result.runId, ...sample.map((s) => s.path), '--json'], { out: (t) => out.push(t), err: () => undefined });
      expect(code).toBe(0);
      const predicted = (JSON.parse(out.join('\n')) as { value: { predictions: Array<{ pGood: number }> } }).value.predictions;
      predicted.forEach((prediction, i) => expect(prediction.pGood).toBeCloseTo(sample[i]!.pGood, 6));
    } finally {
      await demo.workbench.dispose();
    }
  }, 180_000);
});
