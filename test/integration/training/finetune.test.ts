import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MlHost } from '../../../src/main/core/ml/ml-host';
import { tempDir } from '../../support/temp';

const faces = resolve(import.meta.dirname, '../../fixtures/faces');

/**
 * Fine-tuning needs convolution gradients: tfjs-node(-gpu) in real use. The pure-JavaScript cpu backend has them too
 * (slowly: seconds per image for MobileNetV2), so the path is checked there on two images.
 */
describe('fine-tuning the top of MobileNetV2 with the head (cpu backend)', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let host: MlHost;
  const cacheDirBefore = process.env.SELFIE_LAB_CACHE_DIR;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    process.env.SELFIE_LAB_CACHE_DIR = join(dir, 'user-cache');
    host = new MlHost({ backend: 'cpu' });
  });
  afterAll(async () => {
    await host.dispose();
    if (cacheDirBefore === undefined) delete process.env.SELFIE_LAB_CACHE_DIR;
    else process.env.SELFIE_LAB_CACHE_DIR = cacheDirBefore;
    await cleanup();
  });

  it('trains an epoch with augmentation, checkpoints it, and saves a model that takes images', async () => {
    expect((await host.backend()).capabilities.convolutionGradients).toBe(true);
    const runDir = join(dir, 'run');
    const images = ['coffee.jpg', 'rocket.jpg'].map((name) => join(faces, name));
    const epochs: number[] = [];
    const result = await host.call(
      'finetune',
      {
        runDir,
        backbone: 'mobilenet_v2',
        train: { paths: images.slice(0, 1), labels: [1] },
        val: { paths: images.slice(1), labels: [0] },
        hyper: { epochs: 1, batch: 1, lr: 0.001, momentum: 0.9, l2: 5e-4, dropout: 0.5, patience: 0, seed: 1, blocks: 2, augment: true },
        resume: false,
      },
      { onProgress: (update) => update.checkpoint && epochs.push(update.done) },
    );
    expect(epochs).toEqual([1]);
    expect(result).toMatchObject({ epochsDone: 1, bestEpoch: 1, resumedFrom: 0 });
    expect(result.history[0]!.trainLoss).toBeGreaterThan(0);
    expect(result.history[0]!.valAccuracy).not.toBeNull();
    for (const file of ['checkpoint/state.json', 'checkpoint/latest-1.bin', 'model/model.json', 'model/weights.bin']) expect(existsSync(join(runDir, file)), file).toBe(true);
    const info = JSON.parse(await readFile(join(runDir, 'model', 'preprocessing.json'), 'utf8'));
    expect(info).toMatchObject({ input: 'image', backbone: 'mobilenet_v2', size: 224 });

    const [prediction] = await host.call('predictImages', { runDir, paths: [images[0]!] });
    expect(prediction!.pGood).toBeGreaterThan(0);
    expect(prediction!.pGood).toBeLessThan(1);
    expect((await host.call('memory', {})).numTensors).toBe(0);
  }, 120_000);
});
